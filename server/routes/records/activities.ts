import { OrgScope } from '../../db/scope';
import { requireActor } from '../../http/env';
import { newRouter } from '../../http/router';
import { filePlan } from '../../records/activity-plans';
import { attendedHours, checkInOrOut, openSession, recordsFromAttendance, sessionWithAttendance } from '../../records/attendance';
import { checkRoute, filePlanRoute, getSessionRoute, listPlansRoute, listSessionsRoute, openSessionRoute, planProgressRoute, sessionRecordsRoute } from './activity-schema';
import { listSessions, planProgress } from './plan-progress';

const presentPlan = (row: { id: string; org_unit_id: string; year: number; month: number; title: string; items: string; filed_by: string; filed_at: string }) => ({
  id: row.id,
  orgUnitId: row.org_unit_id,
  year: row.year,
  month: row.month,
  title: row.title,
  items: JSON.parse(row.items) as Record<string, unknown>[],
  filedBy: row.filed_by,
  filedAt: row.filed_at,
});

const presentSession = (row: { id: string; org_unit_id: string; activity_id: string | null; title: string; code: string; opens_at: string; closes_at: string }) => ({
  id: row.id,
  orgUnitId: row.org_unit_id,
  activityId: row.activity_id,
  title: row.title,
  code: row.code,
  opensAt: row.opens_at,
  closesAt: row.closes_at,
});

export const activityRoutes = newRouter()
  .openapi(planProgressRoute, async (c) => {
    const { orgUnitId, year, month } = c.req.valid('query');
    return c.json(await planProgress(c.get('deps').database.db, requireActor(c), orgUnitId, year, month), 200);
  })
  .openapi(listSessionsRoute, async (c) => {
    const deps = c.get('deps');
    const { orgUnitId, open } = c.req.valid('query');
    const rows = await listSessions(deps.database.db, requireActor(c), orgUnitId, deps.clock().toISOString(), open === '1');
    return c.json({ items: rows.map((row) => ({ ...presentSession(row), checkedIn: Number(row.checked_in ?? 0) })) }, 200);
  })
  .openapi(filePlanRoute, async (c) => {
    const deps = c.get('deps');
    const row = await filePlan(deps.database.db, requireActor(c), c.req.valid('json'), deps.clock().toISOString());
    return c.json(presentPlan(row), 201);
  })
  .openapi(listPlansRoute, async (c) => {
    const actor = requireActor(c);
    const query = c.req.valid('query');
    let select = c.get('deps').database.db.selectFrom('activity_plans').selectAll().where(new OrgScope(actor).subtree('activity_plans.org_path'));
    if (query.year !== undefined) select = select.where('year', '=', query.year);
    if (query.orgUnitId !== undefined) select = select.where('org_unit_id', '=', query.orgUnitId);
    const rows = await select.orderBy('org_path').orderBy('year').orderBy('month').limit(1000).execute();
    return c.json({ items: rows.map(presentPlan) }, 200);
  })
  .openapi(openSessionRoute, async (c) => {
    const deps = c.get('deps');
    const row = await openSession(deps.database.db, requireActor(c), c.req.valid('json'), deps.clock());
    return c.json(presentSession(row), 201);
  })
  .openapi(getSessionRoute, async (c) => {
    const { session, rows } = await sessionWithAttendance(c.get('deps').database.db, requireActor(c), c.req.valid('param').id);
    return c.json(
      { ...presentSession(session), attendance: rows.map((row) => ({ userId: row.user_id, checkInAt: row.check_in_at, checkOutAt: row.check_out_at, hours: row.check_out_at === null ? null : attendedHours(row.check_in_at, row.check_out_at) })) },
      200,
    );
  })
  .openapi(sessionRecordsRoute, async (c) => {
    const deps = c.get('deps');
    const created = await recordsFromAttendance(deps.database.db, requireActor(c), c.req.valid('param').id, deps.clock().toISOString());
    return c.json({ created }, 200);
  })
  .openapi(checkRoute, async (c) => {
    const deps = c.get('deps');
    const direction = c.req.valid('param').direction === 'check-in' ? 'in' : 'out';
    return c.json(await checkInOrOut(deps.database.db, requireActor(c), c.req.valid('json').code, direction, deps.clock()), 200);
  });
