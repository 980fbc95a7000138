/**
 * An institute's guidance section reads its stations' tiers, so an institute is approved only after all
 * of its stations in the cycle have a stored result, and at that moment the child-tier metrics are
 * re-frozen from those results (every other frozen value stays as it was at opening).
 */
import type { Kysely } from 'kysely';
import { freezeMetrics, type FrozenMetrics } from '../../runtime/rubric/index';
import type { Database } from '../db/types';
import { problems } from '../errors';
import type { AssessmentRow } from './assessment-scoring';
import { publishedRubric } from './rubric-store';
import { buildSnapshots, yearPeriod } from './unit-snapshot';

const childMetric = 'child-tier-share';

export async function refreshChildTiers(db: Kysely<Database>, row: AssessmentRow): Promise<void> {
  const children = await db.selectFrom('assessments').select(['org_unit_id', 'tier']).where('cycle_id', '=', row.cycle_id).where('parent_id', '=', row.org_unit_id).execute();
  if (children.length === 0) return;
  const pending = children.filter((child) => child.tier === null).length;
  if (pending > 0) {
    throw problems.unprocessable('assessment-children-pending', 'Stations not yet approved', `${pending} station(s) of this institute have no approved tier yet; approve them first.`, { rule: 'institute-after-stations' });
  }
  const cycle = await db.selectFrom('assessment_cycles').select('year').where('id', '=', row.cycle_id).executeTakeFirstOrThrow();
  const unit = await db.selectFrom('org_units').select(['id', 'parent_id', 'path', 'level']).where('id', '=', row.org_unit_id).executeTakeFirstOrThrow();
  const period = yearPeriod(cycle.year);
  const snapshot = (await buildSnapshots(db, [unit], period)).get(unit.id)!;
  snapshot.children = children.map((child) => ({ unitId: child.org_unit_id, tier: child.tier! }));
  const old = JSON.parse(row.frozen_metrics) as FrozenMetrics;
  const keep = Object.fromEntries(Object.entries(old.values).filter(([id]) => !id.startsWith(childMetric)));
  const frozen = freezeMetrics(await publishedRubric(db, row.rubric_key, row.rubric_version), snapshot, period, keep);
  await db.updateTable('assessments').set({ frozen_metrics: JSON.stringify(frozen) }).where('id', '=', row.id).execute();
}
