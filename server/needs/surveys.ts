/**
 * Needs surveys (问需): the center or an institute publishes a survey form to units for a period; residents
 * of those units answer, or a proxy orderer or station admin answers for one of them.
 */
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { validateFormData } from '../../runtime/form/index';
import type { FormDefinition } from '../../runtime/schema/form';
import { definitionSchemas } from '../../runtime/schema/kinds';
import type { Actor } from '../auth/actor';
import type { Role } from '../auth/roles';
import { appendAudit } from '../db/repositories/audit-repository';
import { findDefinition, findLatestPublished } from '../db/repositories/definition-repository';
import { OrgScope, subtreeCondition } from '../db/scope';
import type { Database } from '../db/types';
import { problems } from '../errors';
import { sha256 } from '../util/canonical-json';
import { newId } from '../util/ids';
import type { NeedsResponseTable, NeedsSurveyTable } from './tables';

export type SurveyRow = Selectable<NeedsSurveyTable>;
export type ResponseRow = Selectable<NeedsResponseTable>;

/** Who may publish a survey: the center's and institutes' admins (a station collects through them). */
const publisherRoles: ReadonlySet<Role> = new Set(['districtAdmin', 'instituteAdmin']);
/** Who may answer for a resident who has no phone (帮办). */
const proxyRoles: ReadonlySet<Role> = new Set(['proxyOrderer', 'stationAdmin']);

export interface NewSurvey {
  title: string;
  formKey: string;
  formVersion?: number | undefined;
  targetUnitIds: string[];
  opensAt: string;
  closesAt: string;
}

function bilingual(zh: string, en: string): string {
  return `${zh} / ${en}`;
}

/** A survey form must carry the fields answers are aggregated by. */
function surveyFormProblems(form: FormDefinition): string[] {
  const properties = (form.schema as { properties?: Record<string, unknown> }).properties ?? {};
  return ['category', 'targetGroup', 'description'].filter((field) => !(field in properties));
}

export async function publishSurvey(db: Kysely<Database>, actor: Actor, input: NewSurvey, at: string): Promise<SurveyRow> {
  const scope = new OrgScope(actor);
  const owners = actor.memberships.filter((m) => publisherRoles.has(m.role));
  if (owners.length === 0) throw problems.forbidden('Only the center or an institute publishes needs surveys.');
  if (Date.parse(input.closesAt) <= Date.parse(input.opensAt)) {
    throw problems.validation([{ pointer: '/closesAt', code: 'before-opens', message: bilingual('截止时间须晚于开始时间', 'closesAt must be after opensAt') }]);
  }
  const formRow = input.formVersion === undefined ? await findLatestPublished(db, 'form', input.formKey) : await findDefinition(db, 'form', input.formKey, input.formVersion);
  if (formRow === undefined || formRow.status === 'draft') {
    throw problems.validation([{ pointer: '/formKey', code: 'unknown-form', message: bilingual('没有这个已发布的表单', 'no such published form') }]);
  }
  const missing = surveyFormProblems(definitionSchemas.form.parse(JSON.parse(formRow.body)));
  if (missing.length > 0) {
    throw problems.validation([{ pointer: '/formKey', code: 'not-a-survey-form', message: bilingual(`问需表单须有字段：${missing.join('、')}`, `a survey form needs the fields ${missing.join(', ')}`) }]);
  }
  const ids = [...new Set(input.targetUnitIds)];
  const units = await db.selectFrom('org_units').select(['id', 'path', 'active']).where('id', 'in', ids).execute();
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const unknown = input.targetUnitIds.flatMap((id, index) => (byId.get(id)?.active === 1 ? [] : [{ pointer: `/targetUnitIds/${index}`, code: 'unknown-unit', message: bilingual('没有这个单位', 'no such unit') }]));
  if (unknown.length > 0) throw problems.validation(unknown);
  // The owner is the admin membership that covers every target, the nearest one if several do.
  const owner = owners
    .filter((m) => units.every((unit) => unit.path.startsWith(m.orgPath)))
    .sort((a, b) => b.orgPath.length - a.orgPath.length)[0];
  if (owner === undefined || !units.every((unit) => scope.covers(unit.path))) throw problems.forbidden('You may publish a survey only to units you administer.');
  const row: SurveyRow = {
    id: newId(),
    title: input.title,
    form_key: formRow.key,
    form_version: formRow.version,
    owner_org_unit_id: owner.orgUnitId,
    owner_org_path: owner.orgPath,
    opens_at: new Date(input.opensAt).toISOString(),
    closes_at: new Date(input.closesAt).toISOString(),
    status: 'open',
    created_by: actor.userId,
    created_at: at,
    version: 1,
  };
  await db.insertInto('needs_surveys').values(row).execute();
  await db.insertInto('needs_survey_targets').values(units.map((unit) => ({ survey_id: row.id, org_unit_id: unit.id, org_path: unit.path }))).execute();
  await appendAudit(db, { actorId: actor.userId, action: 'survey.publish', targetType: 'survey', targetId: row.id, beforeHash: null, afterHash: sha256(JSON.stringify(row)), at });
  return row;
}

export async function surveyTargets(db: Kysely<Database>, surveyId: string): Promise<{ org_unit_id: string; org_path: string }[]> {
  return db.selectFrom('needs_survey_targets').select(['org_unit_id', 'org_path']).where('survey_id', '=', surveyId).execute();
}

/** Paths of the units at and above every unit where the actor holds a role: a target there asks them. */
function ancestorPaths(actor: Actor): string[] {
  const paths = new Set<string>();
  for (const m of actor.memberships) {
    const ids = m.orgPath.split('/').filter((id) => id.length > 0);
    for (let i = 1; i <= ids.length; i++) paths.add(`/${ids.slice(0, i).join('/')}/`);
  }
  return [...paths];
}

/**
 * Surveys the actor may see, as one WHERE clause: staff overseeing the owner or a target, and anyone holding a
 * role at a unit inside a target (the residents it asks).
 */
function visibleSurveys(actor: Actor): RawBuilder<SqlBool> {
  const scope = new OrgScope(actor);
  const above = ancestorPaths(actor);
  const asked = above.length === 0 ? sql`1 = 0` : sql`t.org_path in (${sql.join(above)})`;
  return sql<SqlBool>`(${scope.subtree('needs_surveys.owner_org_path')} or exists (select 1 from needs_survey_targets t where t.survey_id = needs_surveys.id and (${subtreeCondition('t.org_path', scope.roots)} or ${asked})))`;
}

/** The survey if the actor may see it (see visibleSurveys); 404 otherwise. */
export async function findVisibleSurvey(db: Kysely<Database>, actor: Actor, id: string): Promise<{ survey: SurveyRow; targets: { org_unit_id: string; org_path: string }[] }> {
  const survey = await db.selectFrom('needs_surveys').selectAll().where('id', '=', id).where(visibleSurveys(actor)).executeTakeFirst();
  if (survey === undefined) throw problems.notFound('survey');
  return { survey, targets: await surveyTargets(db, id) };
}

/** Surveys the actor may see, newest first. */
export async function listVisibleSurveys(db: Kysely<Database>, actor: Actor): Promise<SurveyRow[]> {
  return db.selectFrom('needs_surveys').selectAll().where(visibleSurveys(actor)).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200).execute();
}

export function isOpen(survey: SurveyRow, nowIso: string): boolean {
  return survey.status === 'open' && survey.opens_at <= nowIso && nowIso < survey.closes_at;
}

export interface NewAnswer {
  data: Record<string, unknown>;
  onBehalfOf?: string | undefined;
  orgUnitId?: string | undefined;
}

/** The unit an answer is counted for: the one named (if the actor is there), else the actor's own. */
function answeringUnit(actor: Actor, input: NewAnswer): { orgUnitId: string; orgPath: string } {
  const eligible = input.onBehalfOf === undefined ? actor.memberships : actor.memberships.filter((m) => proxyRoles.has(m.role));
  if (input.onBehalfOf !== undefined && eligible.length === 0) throw problems.forbidden('Only a proxy orderer or station admin answers on behalf of a resident.');
  const chosen = input.orgUnitId === undefined ? (eligible.find((m) => m.role === 'resident') ?? eligible[0]) : eligible.find((m) => m.orgUnitId === input.orgUnitId);
  if (chosen === undefined) throw problems.forbidden('You may answer only for a unit where you hold a role.');
  return { orgUnitId: chosen.orgUnitId, orgPath: chosen.orgPath };
}

export async function answerSurvey(db: Kysely<Database>, actor: Actor, surveyId: string, input: NewAnswer, at: string): Promise<ResponseRow> {
  const survey = await db.selectFrom('needs_surveys').selectAll().where('id', '=', surveyId).executeTakeFirst();
  if (survey === undefined) throw problems.notFound('survey');
  // The unit first: a resident the survey does not ask learns nothing about its period.
  const targets = await surveyTargets(db, surveyId);
  const unit = answeringUnit(actor, input);
  if (!targets.some((target) => unit.orgPath.startsWith(target.org_path))) throw problems.forbidden('This survey does not ask your unit.');
  if (!isOpen(survey, at)) {
    throw problems.unprocessable('survey-closed', 'The survey is not open', bilingual('问需已截止或尚未开始', 'the survey is closed or not yet open'), {
      rule: 'survey-period',
      errors: [{ pointer: '/path/id', code: 'survey-closed', message: bilingual(`开放时间 ${survey.opens_at} 至 ${survey.closes_at}`, `open from ${survey.opens_at} to ${survey.closes_at}`) }],
    });
  }
  const formRow = await findDefinition(db, 'form', survey.form_key, survey.form_version);
  if (formRow === undefined) throw problems.conflict('The survey form is missing.');
  const form = definitionSchemas.form.parse(JSON.parse(formRow.body));
  const issues = validateFormData(form, input.data);
  if (issues.length > 0) {
    throw problems.validation(issues.map((issue) => ({ pointer: `/data${issue.pointer}`, code: issue.code, message: issue.message.en === undefined ? issue.message['zh-CN'] : bilingual(issue.message['zh-CN'], issue.message.en) })));
  }
  const text = (key: string, fallback: string) => (typeof input.data[key] === 'string' ? (input.data[key] as string) : fallback);
  const row: ResponseRow = {
    id: newId(),
    survey_id: survey.id,
    org_unit_id: unit.orgUnitId,
    org_path: unit.orgPath,
    category: text('category', 'other'),
    target_group: text('targetGroup', 'all'),
    urgency: text('urgency', 'normal'),
    data: JSON.stringify(input.data),
    answered_by: actor.userId,
    on_behalf_of: input.onBehalfOf ?? null,
    answered_at: at,
  };
  await db.insertInto('needs_responses').values(row).execute();
  await appendAudit(db, { actorId: actor.userId, action: 'survey.answer', targetType: 'surveyResponse', targetId: row.id, beforeHash: null, afterHash: sha256(row.data), at });
  return row;
}

/** Closes a survey early (its owner's staff): later answers are refused. */
export async function closeSurvey(db: Kysely<Database>, actor: Actor, id: string, expectedVersion: number, at: string): Promise<SurveyRow> {
  const { survey } = await findVisibleSurvey(db, actor, id);
  if (!new OrgScope(actor).coversFor(survey.owner_org_path, publisherRoles)) throw problems.forbidden('Only the publisher closes a survey.');
  if (survey.version !== expectedVersion) throw problems.preconditionFailed(`The survey is at version ${survey.version}.`, survey.version);
  if (survey.status === 'closed') throw problems.conflict('The survey is already closed.');
  const changes = { status: 'closed' as const, closes_at: survey.closes_at < at ? survey.closes_at : at, version: survey.version + 1 };
  const result = await db.updateTable('needs_surveys').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw problems.preconditionFailed('The survey changed meanwhile.');
  await appendAudit(db, { actorId: actor.userId, action: 'survey.close', targetType: 'survey', targetId: id, beforeHash: sha256(JSON.stringify(survey)), afterHash: sha256(JSON.stringify({ ...survey, ...changes })), at });
  return { ...survey, ...changes };
}

