/**
 * Survey results for staff: counts by category × unit × target group (one GROUP BY over plain columns, the
 * same SQL on SQLite and PostgreSQL), and the answers behind a cell.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { OrgScope } from '../db/scope';
import type { Database } from '../db/types';
import { seesPersonalData } from '../engine/personal-data';
import { problems } from '../errors';
import { maskPersonal } from '../util/personal-data';
import { findDefinition } from '../db/repositories/definition-repository';
import { findVisibleSurvey } from './surveys';

export interface AggregateCell {
  category: string;
  orgUnitId: string;
  orgUnitName: string;
  targetGroup: string;
  count: number;
  urgent: number;
}

function requireStaff(actor: Actor): OrgScope {
  const scope = new OrgScope(actor);
  if (scope.roots.length === 0) throw problems.forbidden('Survey results are for staff.');
  return scope;
}

/** Cells of the answers the actor oversees, largest first. */
export async function aggregateSurvey(db: Kysely<Database>, actor: Actor, surveyId: string): Promise<{ cells: AggregateCell[]; total: number }> {
  await findVisibleSurvey(db, actor, surveyId);
  const scope = requireStaff(actor);
  const rows = await db
    .selectFrom('needs_responses')
    .innerJoin('org_units', 'org_units.id', 'needs_responses.org_unit_id')
    .select((eb) => [
      'needs_responses.category',
      'needs_responses.org_unit_id',
      'org_units.name',
      'needs_responses.target_group',
      eb.fn.countAll().as('n'),
      eb.fn.sum(eb.case().when('needs_responses.urgency', '=', 'urgent').then(1).else(0).end()).as('urgent'),
    ])
    .where('needs_responses.survey_id', '=', surveyId)
    .where(scope.subtree('needs_responses.org_path'))
    .groupBy(['needs_responses.category', 'needs_responses.org_unit_id', 'org_units.name', 'needs_responses.target_group'])
    .execute();
  // PostgreSQL returns count and sum as strings (bigint / numeric); SQLite as numbers.
  const cells = rows
    .map((row) => ({ category: row.category, orgUnitId: row.org_unit_id, orgUnitName: row.name, targetGroup: row.target_group, count: Number(row.n), urgent: Number(row.urgent ?? 0) }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category) || a.orgUnitId.localeCompare(b.orgUnitId) || a.targetGroup.localeCompare(b.targetGroup));
  return { cells, total: cells.reduce((sum, cell) => sum + cell.count, 0) };
}

export interface ResponseFilter {
  category?: string | undefined;
  orgUnitId?: string | undefined;
  targetGroup?: string | undefined;
}

export interface ResponseView {
  id: string;
  orgUnitId: string;
  category: string;
  targetGroup: string;
  urgency: string;
  answeredBy: string;
  onBehalfOf: string | null;
  answeredAt: string;
  data: unknown;
}

/** The answers behind one cell (or all), personal fields masked unless the actor may see them. */
export async function listResponses(db: Kysely<Database>, actor: Actor, surveyId: string, filter: ResponseFilter): Promise<ResponseView[]> {
  const { survey } = await findVisibleSurvey(db, actor, surveyId);
  const scope = requireStaff(actor);
  let query = db.selectFrom('needs_responses').selectAll().where('survey_id', '=', surveyId).where(scope.subtree('needs_responses.org_path'));
  if (filter.category !== undefined) query = query.where('category', '=', filter.category);
  if (filter.orgUnitId !== undefined) query = query.where('org_unit_id', '=', filter.orgUnitId);
  if (filter.targetGroup !== undefined) query = query.where('target_group', '=', filter.targetGroup);
  const rows = await query.orderBy('answered_at').orderBy('id').limit(1000).execute();
  const formSchema = JSON.parse((await findDefinition(db, 'form', survey.form_key, survey.form_version))?.body ?? '{}').schema as unknown;
  return rows.map((row) => {
    const data = JSON.parse(row.data) as unknown;
    const sees = seesPersonalData(actor, { orgPath: row.org_path, owner: row.answered_by });
    return {
      id: row.id,
      orgUnitId: row.org_unit_id,
      category: row.category,
      targetGroup: row.target_group,
      urgency: row.urgency,
      answeredBy: row.answered_by,
      onBehalfOf: row.on_behalf_of,
      answeredAt: row.answered_at,
      data: sees ? data : maskPersonal(formSchema, data),
    };
  });
}
