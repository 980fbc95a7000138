import type { Kysely, Selectable } from 'kysely';
import { openCycle } from '../../commands/assessment-open';
import { OrgScope } from '../../db/scope';
import type { Database } from '../../db/types';
import type { AssessmentCycleTable } from '../../db/types-assessments';
import { subtreeRoles } from '../../auth/roles';
import type { Actor } from '../../auth/actor';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { newRouter } from '../../http/router';
import { rescoreCycle } from '../../commands/assessment-rescore';
import { getCycleRoute, listCyclesRoute, openCycleRoute, rescoreRoute } from './schema';

async function presentCycle(db: Kysely<Database>, scope: OrgScope, row: Selectable<AssessmentCycleTable>) {
  const counts = await db
    .selectFrom('assessments')
    .innerJoin('workflow_instances', 'workflow_instances.id', 'assessments.instance_id')
    .select(['workflow_instances.state', db.fn.countAll<number>().as('n')])
    .where('assessments.cycle_id', '=', row.id)
    .where(scope.subtree('assessments.org_path'))
    .groupBy('workflow_instances.state')
    .execute();
  const states = Object.fromEntries(counts.map((count) => [count.state, Number(count.n)]));
  return {
    id: row.id,
    year: row.year,
    period: { from: row.period_from, to: row.period_to },
    rubrics: JSON.parse(row.rubrics) as { level: string; key: string; version: number }[],
    assessors: JSON.parse(row.assessors) as string[],
    deadlines: JSON.parse(row.deadlines) as Record<string, string>,
    noticeDays: row.notice_days,
    appealDays: row.appeal_days,
    status: row.status,
    createdAt: row.created_at,
    assessments: Object.values(states).reduce((sum, n) => sum + n, 0),
    states,
  };
}

/** Cycles are staff business: residents and volunteers see none. */
function requireStaff(actor: Actor): Actor {
  if (!actor.memberships.some((m) => subtreeRoles.has(m.role))) throw problems.forbidden('Assessment cycles are visible to staff only.');
  return actor;
}

export const cycleRoutes = newRouter()
  .openapi(openCycleRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const opened = await openCycle(deps, actor, c.req.valid('json'));
    const row = await deps.database.db.selectFrom('assessment_cycles').selectAll().where('id', '=', opened.id).executeTakeFirstOrThrow();
    c.header('location', `/api/cycles/${opened.id}`);
    return c.json(await presentCycle(deps.database.db, new OrgScope(actor), row), 201);
  })
  .openapi(listCyclesRoute, async (c) => {
    const actor = requireStaff(requireActor(c));
    const db = c.get('deps').database.db;
    const rows = await db.selectFrom('assessment_cycles').selectAll().orderBy('id', 'desc').limit(50).execute();
    const scope = new OrgScope(actor);
    return c.json({ items: await Promise.all(rows.map((row) => presentCycle(db, scope, row))) }, 200);
  })
  .openapi(getCycleRoute, async (c) => {
    const actor = requireStaff(requireActor(c));
    const db = c.get('deps').database.db;
    const row = await db.selectFrom('assessment_cycles').selectAll().where('id', '=', c.req.valid('param').id).executeTakeFirst();
    if (row === undefined) throw problems.notFound('cycle');
    return c.json(await presentCycle(db, new OrgScope(actor), row), 200);
  })
  .openapi(rescoreRoute, async (c) => {
    const outcome = await rescoreCycle(c.get('deps'), requireActor(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(outcome, 200);
  });
