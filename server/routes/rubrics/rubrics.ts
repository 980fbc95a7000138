import { compileRubric, previewImpact, type FrozenMetrics, type PreviewUnit, type ReviewSheet } from '../../../runtime/rubric/index';
import { definitionSchemas } from '../../../runtime/schema/kinds';
import { loadSheets, mergeDistrict } from '../../assessments/assessment-scoring';
import { compileRow, publishedRubric } from '../../assessments/rubric-store';
import { buildSnapshots, yearPeriod } from '../../assessments/unit-snapshot';
import { findDefinition } from '../../db/repositories/definition-repository';
import { OrgScope } from '../../db/scope';
import { problems, zodErrors } from '../../errors';
import { requireActor } from '../../http/env';
import { newRouter } from '../../http/router';
import { previewRoute } from './schema';

export const rubricRoutes = newRouter().openapi(previewRoute, async (c) => {
  const actor = requireActor(c);
  if (!actor.memberships.some((m) => m.role === 'districtAdmin' || m.role === 'districtLeader')) throw problems.forbidden('Rubric previews are for district staff.');
  const { key } = c.req.valid('param');
  const body = c.req.valid('json');
  const db = c.get('deps').database.db;
  const published = await publishedRubric(db, key);
  let candidate;
  if (body.definition !== undefined) {
    const parsed = definitionSchemas.rubric.safeParse(body.definition);
    if (!parsed.success) throw problems.validation(zodErrors(parsed.error, '/definition'));
    candidate = compileRubric(parsed.data);
  } else {
    const row = await findDefinition(db, 'rubric', key, body.version!);
    if (row === undefined) throw problems.notFound(`rubric ${key}@${body.version}`);
    candidate = compileRow(row);
  }
  const period = yearPeriod(body.year);
  const levels = new Set<string>(published.definition.appliesTo);
  const units = (await db.selectFrom('org_units').select(['id', 'parent_id', 'path', 'level']).where('active', '=', 1).where(new OrgScope(actor).subtree('org_units.path')).execute()).filter(
    (unit) => unit.level === 'station' || unit.level === 'institute',
  );
  const snapshots = await buildSnapshots(db, units, period);
  const reviews = await latestReviews(db, key, units.map((unit) => unit.id), published);
  const previewUnits: PreviewUnit[] = units
    .filter((unit) => levels.has(unit.level))
    .map((unit) => ({ unitId: unit.id, ...(unit.parent_id === null ? {} : { parentId: unit.parent_id }), snapshot: snapshots.get(unit.id)!, ...(reviews.has(unit.id) ? { reviews: reviews.get(unit.id)! } : {}) }));
  const preview = previewImpact(published, candidate, previewUnits, period);
  return c.json({ published: { key, version: published.definition.version }, candidate: { version: candidate.definition.version }, period, preview: preview as unknown as Record<string, unknown> }, 200);
});

/** The review sheets of each unit's latest assessment under this rubric: the reviewers' judgement carries over to the preview. */
async function latestReviews(db: Parameters<typeof loadSheets>[0], key: string, unitIds: string[], rubric: Parameters<typeof mergeDistrict>[0]) {
  const result = new Map<string, Partial<Record<'self' | 'institute' | 'district', ReviewSheet>>>();
  if (unitIds.length === 0) return result;
  const rows = await db.selectFrom('assessments').select(['id', 'org_unit_id', 'frozen_metrics']).where('rubric_key', '=', key).orderBy('id').execute();
  const latest = new Map(rows.map((row) => [row.org_unit_id, row]));
  const sheets = await loadSheets(db, [...latest.values()].map((row) => row.id));
  for (const [unitId, row] of latest) {
    const stored = sheets.get(row.id)!;
    const district = mergeDistrict(rubric, { unitId, metrics: JSON.parse(row.frozen_metrics) as FrozenMetrics }, Object.values(stored.district)).sheet;
    result.set(unitId, { ...(stored.self === undefined ? {} : { self: stored.self }), ...(stored.institute === undefined ? {} : { institute: stored.institute }), ...(district === undefined ? {} : { district }) });
  }
  return result;
}
