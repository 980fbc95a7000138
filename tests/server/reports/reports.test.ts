/** Report figures against fixtures counted by hand, in JSON, CSV and XLSX (read back with exceljs). */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { startServer, TestClock, type RunningServer } from '../support/server';

interface Report {
  title: { 'zh-CN': string; en: string };
  columns: { key: string; zh: string }[];
  rows: Record<string, string | number | null>[];
}

const hour = 3_600_000;
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 7, 7, 7]);

describe.each(DIALECTS)('reports on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  const clock = new TestClock(Date.parse('2026-03-02T01:00:00.000Z'));
  let stationAdmin: ApiClient;
  let district: ApiClient;
  let stationId: string;
  let teamId: string;
  let volunteerId: string;

  beforeAll(async () => {
    database = await dialect.create();
    // The clock moves hours ahead; sessions must outlive it.
    server = await startServer(database.handle, { clock, overrides: { sessionTtlMs: 30 * 24 * hour } });
    stationAdmin = await signIn(server.baseUrl, 'station.admin');
    district = await signIn(server.baseUrl, 'district.leader');
    stationId = (await stationAdmin.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
    const leader = await signIn(server.baseUrl, 'team.leader');
    const leaderId = (await leader.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
    teamId = (await stationAdmin.get<{ items: { id: string; leaderUserId: string | null }[] }>('/api/teams')).body.items.find((team) => team.leaderUserId === leaderId)!.id;
    volunteerId = (await (await signIn(server.baseUrl, 'volunteer1')).get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('order funnel: counts, median and p90 hours per step, SLA breaches', async () => {
    const resident = await signIn(server.baseUrl, 'resident1');
    const leader = await signIn(server.baseUrl, 'team.leader');
    const version = async (id: string) => (await stationAdmin.get<{ version: number }>(`/api/instances/${id}`)).body.version;
    const send = async (client: ApiClient, id: string, event: string, data?: unknown) => {
      const response = await client.post(`/api/instances/${id}/commands`, { event, ...(data === undefined ? {} : { data }) }, { headers: { 'if-match': `"${await version(id)}"` } });
      expect(response.status, `${event}: ${response.text}`).toBe(200);
    };
    const order = async (urgency: string) =>
      (await resident.post<{ id: string }>('/api/instances', { workflow: 'five-order', orgUnitId: stationId, data: { description: '需要上门帮助老人打扫卫生', beneficiaryPhone: '13800000000', urgency } })).body.id;
    const [a, b, c] = [await order('normal'), await order('normal'), await order('urgent')];
    const dispatch = { mode: 'directed', teamId };
    clock.advance(hour); // +1h
    await send(stationAdmin, a, 'accept_for_dispatch');
    await send(stationAdmin, b, 'accept_for_dispatch');
    clock.advance(hour); // +2h
    await send(stationAdmin, a, 'dispatch', dispatch);
    await send(stationAdmin, b, 'dispatch', dispatch);
    clock.advance(3 * hour); // +5h: the urgent order's triage (due in 4 h) is late
    await send(stationAdmin, c, 'accept_for_dispatch');
    await send(leader, a, 'accept');
    clock.advance(hour); // +6h
    await send(stationAdmin, c, 'dispatch', dispatch);
    clock.advance(hour); // +7h
    await send(leader, c, 'accept');
    clock.advance(hour); // +8h
    await send(leader, b, 'accept');
    await send(leader, a, 'start');
    await send(leader, a, 'complete', { summary: '已上门打扫卫生', serviceHours: 1.5, volunteerCount: 2, photos: ['attachment-1'] });
    clock.advance(hour); // +9h
    await send(resident, a, 'rate', { stars: 5 });

    const funnel = await district.get<Report>('/api/reports/order-funnel?from=2026-03-01&to=2026-03-31');
    expect(funnel.status).toBe(200);
    expect(funnel.body.rows.map((row) => [row.step, row.count, row.share, row.medianHours, row.p90Hours, row.slaBreaches])).toEqual([
      ['ordered', 3, 1, null, null, 1],
      ['dispatched', 3, 1, 2, 6, 0], // A 2 h, B 2 h, C 6 h
      ['accepted', 3, 1, 3, 6, 0], // A 3 h, B 6 h, C 1 h
      ['served', 1, 0.33, 3, 3, 1], // A 3 h; A started 3 h after accepting, past the 2 h no-show grace
      ['rated', 1, 0.33, 1, 1, 0], // A 1 h
    ]);
    // Outside the period: nothing.
    expect((await district.get<Report>('/api/reports/order-funnel?from=2026-04-01&to=2026-04-30')).body.rows[0]!.count).toBe(0);
    // Another station's admin sees none of these orders.
    const other = await signIn(server.baseUrl, 'station.admin2');
    expect((await other.get<Report>('/api/reports/order-funnel?from=2026-03-01&to=2026-03-31')).body.rows[0]!.count).toBe(0);
  });

  it('activity cadence, meetings and trainings, volunteer hours and points — JSON, CSV and XLSX', async () => {
    const photo = (await stationAdmin.post<{ id: string }>('/api/attachments', undefined, { raw: png, headers: { 'content-type': 'image/png' } })).body.id;
    const days = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16'];
    for (const day of days) {
      const activity = { title: '周末志愿服务', category: 'sanitation-environment', startTime: `${day}T09:00:00+08:00`, place: '村委会', photos: [photo] };
      const filed = await stationAdmin.post('/api/forms/activity-record/submissions', { orgUnitId: stationId, data: activity });
      expect(filed.status, filed.text).toBe(201);
    }
    const cadence = (await district.get<Report>('/api/reports/activity-cadence?from=2026-01-01&to=2026-02-28')).body;
    expect(cadence.rows.find((row) => row.unitId === stationId)).toMatchObject({ activities: 7, months: 2, compliantMonths: 1, share: 0.5, compliant: '否' });
    expect(cadence.rows.filter((row) => row.activities !== 0)).toHaveLength(1);

    const meeting = (type: string, date: string) => ({ type, date, topic: '专题部署', chair: '站长', minutes: '部署工作' });
    for (const [type, date] of [['station-head-deploy', '2026-01-10'], ['station-head-deploy', '2026-02-10'], ['other', '2026-02-11'], ['station-head-deploy', '2025-12-30']] as const) {
      expect((await stationAdmin.post('/api/forms/meeting-record/submissions', { orgUnitId: stationId, data: meeting(type, date) })).status).toBe(201);
    }
    const training = { date: '2026-02-20', topic: '志愿服务骨干培训', format: 'lecture', trainer: '区文明办', participants: [{ name: '张三' }] };
    expect((await stationAdmin.post('/api/forms/training-record/submissions', { orgUnitId: stationId, data: training })).status).toBe(201);
    const meetings = (await district.get<Report>('/api/reports/meeting-cadence?from=2026-01-01&to=2026-12-31')).body;
    expect(meetings.rows.find((row) => row.unitId === stationId)).toMatchObject({ 'station-head-deploy': 2, other: 1, trainings: 1, deployCompliant: '是' });

    const record = async (hours: number, team: string | undefined, finalise: boolean) => {
      const created = await stationAdmin.post<{ id: string }>('/api/service-records', { orgUnitId: stationId, volunteerId, activityDate: '2026-02-02', hours, ...(team === undefined ? {} : { teamId: team }) });
      if (!finalise) return;
      for (const [index, action] of ['notice', 'finalise'].entries()) {
        expect((await stationAdmin.post(`/api/service-records/${created.body.id}/changes`, { action }, { headers: { 'if-match': `"${index + 1}"` } })).status).toBe(200);
      }
    };
    await record(2, teamId, true);
    await record(1.5, teamId, true);
    await record(4, teamId, false); // a draft counts for nothing
    await record(1, undefined, true);
    const hours = (await district.get<Report>('/api/reports/volunteer-hours?from=2026-01-01&to=2026-03-31')).body;
    expect(hours.rows.map((row) => [row.teamName === null ? null : 'team', row.volunteers, row.records, row.hours, row.points]).sort()).toEqual([
      [null, 1, 1, 1, 10],
      ['team', 1, 2, 3.5, 35],
    ].sort());

    const csv = await district.get('/api/reports/activity-cadence?from=2026-01-01&to=2026-02-28&format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.startsWith('单位,层级,活动数,月数,达标月数,达标率,是否常态化\r\n')).toBe(true);
    // A UTF-8 byte order mark first, so Excel reads the Chinese headers (fetch's text() strips it).
    const raw = new Uint8Array(await (await fetch(`${server.baseUrl}/api/reports/activity-cadence?format=csv`, { headers: { cookie: cookieOf(district) } })).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain(',7,2,1,0.5,否');

    const xlsx = await fetch(`${server.baseUrl}/api/reports/volunteer-hours?from=2026-01-01&to=2026-03-31&format=xlsx`, { headers: { cookie: cookieOf(district) } });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('志愿服务时长与积分')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '单位', '队伍', '志愿者人数', '服务记录数', '服务时长(小时)', '积分']);
    const values = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(3));
    expect(values.sort()).toEqual([[1, 1, 1, 10], [1, 2, 3.5, 35]].sort());

    expect((await (await signIn(server.baseUrl, 'volunteer1')).get('/api/reports/volunteer-hours')).status).toBe(403);
    expect((await district.get('/api/reports/volunteer-hours?from=2026-03-01&to=2026-01-01')).status).toBe(400);
  });

  it('tier distribution per parent unit', async () => {
    const admin = await signIn(server.baseUrl, 'district.admin');
    // Before the district's first cycle the report is there and empty (the dashboard shows it so); a
    // cycle that does not exist is still a 404.
    const before = await district.get<Report>('/api/reports/tiers');
    expect(before.status).toBe(200);
    expect(before.body.rows).toEqual([]);
    expect(before.body.title['zh-CN']).toBe('等级分布');
    expect((await district.get('/api/reports/tiers?cycleId=nope')).status).toBe(404);
    const opened = await admin.post<{ id: string }>('/api/cycles', { year: 2026, rubrics: [{ key: 'station-rubric', version: 1 }], assessors: ['assessor1', 'assessor2'], deadlines: { selfAssessmentDue: '2026-11-30', reviewDue: '2026-12-10', scoringDue: '2026-12-20' } });
    expect(opened.status).toBe(201);
    const instituteId = (await admin.get<{ parentId: string }>(`/api/org-units/${stationId}`)).body.parentId;
    const stations = await database.handle.db.selectFrom('assessments').select(['id']).where('cycle_id', '=', opened.body.id).where('parent_id', '=', instituteId).orderBy('org_path').execute();
    // Fixture: tiers as if the cycle were final (the cycle suite drives that path over HTTP).
    const tiers = ['demonstration', 'standard', 'standard', 'creation'];
    for (const [index, tier] of tiers.entries()) await database.handle.db.updateTable('assessments').set({ tier }).where('id', '=', stations[index]!.id).execute();
    const report = (await district.get<Report>(`/api/reports/tiers?cycleId=${opened.body.id}`)).body;
    const row = report.rows.find((r) => r.parentId === instituteId)!;
    expect(row).toMatchObject({ level: 'station', units: stations.length, demonstration: 1, standard: 2, creation: 1, pending: stations.length - 4 });
    const institute = await signIn(server.baseUrl, 'institute.admin');
    expect((await institute.get<Report>(`/api/reports/tiers?cycleId=${opened.body.id}`)).body.rows).toHaveLength(1);
  });
});

function cookieOf(client: ApiClient): string {
  return [...(client as unknown as { cookies: Map<string, string> }).cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}
