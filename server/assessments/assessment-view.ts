import type { Kysely } from 'kysely';
import type { FrozenMetrics, UnitScore } from '../../runtime/rubric/index';
import type { Actor } from '../auth/actor';
import { readInstance } from '../commands/instance-commands';
import { OrgScope } from '../db/scope';
import type { Database } from '../db/types';
import type { AppDeps } from '../deps';
import { problems } from '../errors';
import { currentScore, loadSheets, type AssessmentRow } from './assessment-scoring';

type ViewDeps = Pick<AppDeps, 'database' | 'clock' | 'engine' | 'definitions'>;

/** The assessment if it lies in the actor's scope; 404 otherwise (existence is not disclosed). */
export async function findVisibleAssessment(db: Kysely<Database>, actor: Actor, id: string): Promise<AssessmentRow> {
  const row = await db.selectFrom('assessments').selectAll().where('id', '=', id).where(new OrgScope(actor).subtree('assessments.org_path')).executeTakeFirst();
  if (row === undefined) throw problems.notFound('assessment');
  return row;
}

function resultOf(score: UnitScore) {
  return { score: score.score, tier: score.tier.tier, rule: score.tier.rule };
}

export async function presentAssessment(deps: ViewDeps, actor: Actor, row: AssessmentRow) {
  const db = deps.database.db;
  const instance = await readInstance(deps, actor, row.instance_id);
  const sheets = (await loadSheets(db, [row.id])).get(row.id)!;
  const { score, disagreements } = await currentScore(db, row);
  const stored = row.result === null ? null : resultOf(JSON.parse(row.result) as UnitScore);
  return {
    id: row.id,
    cycleId: row.cycle_id,
    orgUnitId: row.org_unit_id,
    parentId: row.parent_id,
    level: row.level,
    rubric: { key: row.rubric_key, version: row.rubric_version },
    instance: { id: instance.id, state: instance.state, version: instance.version, final: instance.final, availableActions: [...new Set(instance.availableActions.map((action) => action.event))] },
    metrics: (JSON.parse(row.frozen_metrics) as FrozenMetrics).values,
    reviews: { self: sheets.self ?? null, institute: sheets.institute ?? null, district: sheets.district, amendment: sheets.amendment ?? null },
    current: { ...resultOf(score), assessorDisagreements: disagreements, missing: score.flags.missing },
    result: stored,
    version: row.version,
  };
}
