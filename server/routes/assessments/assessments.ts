import { explain, type UnitScore } from '../../../runtime/rubric/index';
import { currentScore } from '../../assessments/assessment-scoring';
import { findVisibleAssessment, presentAssessment } from '../../assessments/assessment-view';
import { publishedRubric } from '../../assessments/rubric-store';
import { runAssessmentCommand, saveReview } from '../../commands/assessment-commands';
import { OrgScope } from '../../db/scope';
import { requireActor } from '../../http/env';
import { etag, requireIfMatch } from '../../http/preconditions';
import { newRouter } from '../../http/router';
import { assessmentCommandRoute, explanationRoute, getAssessmentRoute, listAssessmentsRoute, saveReviewRoute } from './schema';

export const assessmentRoutes = newRouter()
  .openapi(listAssessmentsRoute, async (c) => {
    const actor = requireActor(c);
    const query = c.req.valid('query');
    const db = c.get('deps').database.db;
    let select = db
      .selectFrom('assessments')
      .innerJoin('workflow_instances', 'workflow_instances.id', 'assessments.instance_id')
      .select(['assessments.id', 'assessments.cycle_id', 'assessments.org_unit_id', 'assessments.level', 'assessments.instance_id', 'workflow_instances.state', 'assessments.tier', 'assessments.score'])
      .where(new OrgScope(actor).subtree('assessments.org_path'));
    if (query.cycleId !== undefined) select = select.where('assessments.cycle_id', '=', query.cycleId);
    if (query.orgUnitId !== undefined) select = select.where('assessments.org_unit_id', '=', query.orgUnitId);
    const rows = await select.orderBy('assessments.org_path').limit(query.limit).execute();
    return c.json(
      { items: rows.map((row) => ({ id: row.id, cycleId: row.cycle_id, orgUnitId: row.org_unit_id, instanceId: row.instance_id, level: row.level, state: row.state, tier: row.tier, score: row.score === null ? null : Number(row.score) })) },
      200,
    );
  })
  .openapi(getAssessmentRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const row = await findVisibleAssessment(deps.database.db, actor, c.req.valid('param').id);
    const view = await presentAssessment(deps, actor, row);
    c.header('etag', etag(view.instance.version));
    return c.json(view, 200);
  })
  .openapi(saveReviewRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const { id, level } = c.req.valid('param');
    const row = await findVisibleAssessment(deps.database.db, actor, id);
    await saveReview(deps, actor, row, level, c.req.valid('json'));
    const view = await presentAssessment(deps, actor, await findVisibleAssessment(deps.database.db, actor, id));
    return c.json(view, 200);
  })
  .openapi(assessmentCommandRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const id = c.req.valid('param').id;
    const body = c.req.valid('json');
    const row = await findVisibleAssessment(deps.database.db, actor, id);
    const expectedVersion = requireIfMatch(c.req.header('if-match'));
    const result = await runAssessmentCommand(deps, actor, row, { ...body, expectedVersion, idempotencyKey: c.req.valid('header')['idempotency-key'] });
    if (result.replayed) c.header('idempotent-replayed', 'true');
    const assessment = await presentAssessment(deps, actor, await findVisibleAssessment(deps.database.db, actor, id));
    c.header('etag', etag(result.body.version));
    return c.json({ assessment, instance: result.body }, 200);
  })
  .openapi(explanationRoute, async (c) => {
    const actor = requireActor(c);
    const db = c.get('deps').database.db;
    const row = await findVisibleAssessment(db, actor, c.req.valid('param').id);
    // The stored result once approved (quotas applied, pinned to the cycle's rubric version); before that, the current score.
    const rubric = await publishedRubric(db, row.rubric_key, row.rubric_version);
    const score = row.result === null ? (await currentScore(db, row)).score : (JSON.parse(row.result) as UnitScore);
    return c.json({ assessmentId: row.id, stored: row.result !== null, explanation: explain(rubric, score) as unknown as Record<string, unknown> }, 200);
  });
