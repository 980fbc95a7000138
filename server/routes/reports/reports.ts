import { OrgScope } from '../../db/scope';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { newRouter } from '../../http/router';
import { activityCadence, meetingCadence, orderFunnel, tierDistribution, volunteerHours, type ReportPeriod } from '../../reports/report-queries';
import { toCsv, toXlsx, type ReportTable } from '../../reports/report-table';
import { reportRoute } from './schema';

/** Reports are for staff who oversee units; volunteers and residents have none. */
const reportRoles = new Set(['districtAdmin', 'districtLeader', 'assessor', 'instituteAdmin', 'stationAdmin']);

export const reportRoutes = newRouter().openapi(reportRoute, async (c) => {
  const actor = requireActor(c);
  if (!actor.memberships.some((m) => reportRoles.has(m.role))) throw problems.forbidden('Reports are for staff who oversee units.');
  const { name } = c.req.valid('param');
  const query = c.req.valid('query');
  const deps = c.get('deps');
  const db = deps.database.db;
  const now = deps.clock().toISOString();
  const scope = new OrgScope(actor);
  const period: ReportPeriod = { from: query.from ?? `${now.slice(0, 4)}-01-01`, to: query.to ?? now.slice(0, 10) };
  if (period.from > period.to) throw problems.validation([{ pointer: '/query/to', code: 'period-order', message: '结束日期早于开始日期 / to is before from' }]);
  let table: ReportTable;
  let reportPeriod: ReportPeriod | null = period;
  switch (name) {
    case 'tiers': {
      // The named cycle, else the latest; before a district's first cycle the report is empty, not an error.
      let cycles = db.selectFrom('assessment_cycles').select('id');
      cycles = query.cycleId === undefined ? cycles.orderBy('id', 'desc') : cycles.where('id', '=', query.cycleId);
      const cycle = (await cycles.executeTakeFirst())?.id ?? null;
      if (cycle === null && query.cycleId !== undefined) throw problems.notFound('assessment cycle');
      table = await tierDistribution(db, scope, cycle);
      reportPeriod = null;
      break;
    }
    case 'order-funnel':
      table = await orderFunnel(db, scope, period, now);
      break;
    case 'activity-cadence':
      table = await activityCadence(db, scope, period, query.minPerMonth);
      break;
    case 'volunteer-hours':
      table = await volunteerHours(db, scope, period);
      break;
    case 'meeting-cadence':
      table = await meetingCadence(db, scope, period);
      break;
  }
  const fileName = encodeURIComponent(`${table.title['zh-CN']}${reportPeriod === null ? '' : `_${period.from}_${period.to}`}`);
  if (query.format === 'csv') {
    return new Response(toCsv(table), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename*=UTF-8''${fileName}.csv` } });
  }
  if (query.format === 'xlsx') {
    return new Response(await toXlsx(table), {
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename*=UTF-8''${fileName}.xlsx` },
    });
  }
  return c.json({ ...table, period: reportPeriod }, 200);
});
