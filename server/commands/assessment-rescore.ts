/**
 * Re-scoring a cycle under another rubric version: an explicit district decision, previewed first.
 * Values already frozen stay (same metric instance id), only metrics the new version adds are computed
 * from current data; the stored results of approved assessments are recomputed with the cycle's quotas.
 * `apply: false` is the preview; `apply: true` writes it in one transaction.
 */
import { freezeMetrics, scoreUnits, type FrozenMetrics, type UnitScore } from '../../runtime/rubric/index';
import type { Actor } from '../auth/actor';
import { inputOf, loadSheets } from '../assessments/assessment-scoring';
import { publishedRubric } from '../assessments/rubric-store';
import { buildSnapshots, yearPeriod } from '../assessments/unit-snapshot';
import { appendAudit } from '../db/repositories/audit-repository';
import type { AppDeps } from '../deps';
import { problems } from '../errors';

export interface RescoreRequest {
  key: string;
  version: number;
  apply: boolean;
}

export interface RescoreOutcome {
  applied: boolean;
  from: { key: string; version: number };
  to: { key: string; version: number };
  units: number;
  changed: { assessmentId: string; unitId: string; before: { score: number; tier: string }; after: { score: number; tier: string } }[];
}

const brief = (score: UnitScore) => ({ score: score.score, tier: score.tier.tier });

export async function rescoreCycle(deps: Pick<AppDeps, 'database' | 'clock'>, actor: Actor, cycleId: string, request: RescoreRequest): Promise<RescoreOutcome> {
  if (!actor.memberships.some((m) => m.role === 'districtAdmin')) throw problems.forbidden('Only a district admin re-scores a cycle.');
  return deps.database.db.transaction().execute(async (trx) => {
    const cycle = await trx.selectFrom('assessment_cycles').selectAll().where('id', '=', cycleId).executeTakeFirst();
    if (cycle === undefined) throw problems.notFound('cycle');
    const rows = await trx.selectFrom('assessments').selectAll().where('cycle_id', '=', cycleId).where('rubric_key', '=', request.key).orderBy('org_path').execute();
    if (rows.length === 0) throw problems.notFound(`assessments under rubric ${request.key} in this cycle`);
    const fromVersion = rows[0]!.rubric_version;
    const before = await publishedRubric(trx, request.key, fromVersion);
    const after = await publishedRubric(trx, request.key, request.version);
    const units = await trx.selectFrom('org_units').select(['id', 'parent_id', 'path', 'level']).where('id', 'in', [...rows.map((r) => r.org_unit_id), ...rows.flatMap((r) => (r.parent_id === null ? [] : [r.parent_id]))]).execute();
    const children = await trx.selectFrom('org_units').select(['id', 'parent_id', 'path', 'level']).where('parent_id', 'in', rows.map((r) => r.org_unit_id)).execute();
    const snapshots = await buildSnapshots(trx, [...units, ...children], yearPeriod(cycle.year));
    const sheets = await loadSheets(trx, rows.map((r) => r.id));
    const moved = rows.map((row) => {
      const old = JSON.parse(row.frozen_metrics) as FrozenMetrics;
      const frozen = freezeMetrics(after, snapshots.get(row.org_unit_id)!, yearPeriod(cycle.year), old.values);
      return { ...row, frozen_metrics: JSON.stringify(frozen) };
    });
    const scoresBefore = scoreUnits(before, rows.map((row) => inputOf(before, row, sheets.get(row.id)!).input));
    const scoresAfter = scoreUnits(after, moved.map((row) => inputOf(after, row, sheets.get(row.id)!).input));
    const changed: RescoreOutcome['changed'] = [];
    rows.forEach((row, index) => {
      const b = brief(scoresBefore[index]!);
      const a = brief(scoresAfter[index]!);
      if (b.score !== a.score || b.tier !== a.tier) changed.push({ assessmentId: row.id, unitId: row.org_unit_id, before: b, after: a });
    });
    if (request.apply) {
      const at = deps.clock().toISOString();
      for (const [index, row] of moved.entries()) {
        const score = scoresAfter[index]!;
        const stored = row.result === null ? {} : { result: JSON.stringify(score), tier: score.tier.tier, score: score.score };
        await trx.updateTable('assessments').set({ rubric_version: request.version, frozen_metrics: row.frozen_metrics, ...stored, updated_at: at, version: row.version + 1 }).where('id', '=', row.id).execute();
      }
      const pins = (JSON.parse(cycle.rubrics) as { level: string; key: string; version: number }[]).map((pin) => (pin.key === request.key ? { ...pin, version: request.version } : pin));
      await trx.updateTable('assessment_cycles').set({ rubrics: JSON.stringify(pins), version: cycle.version + 1 }).where('id', '=', cycle.id).execute();
      await appendAudit(trx, { actorId: actor.userId, action: 'cycle.rescore', targetType: 'assessmentCycle', targetId: cycle.id, beforeHash: null, afterHash: null, at });
    }
    return { applied: request.apply, from: { key: request.key, version: fromVersion }, to: { key: request.key, version: request.version }, units: rows.length, changed };
  });
}
