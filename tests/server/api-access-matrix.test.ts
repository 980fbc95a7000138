import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signIn } from './support/client';
import { DIALECTS, type TestDatabase } from './support/dialects';
import { startServer, type RunningServer } from './support/server';

type Role = 'districtAdmin' | 'districtLeader' | 'assessor' | 'instituteAdmin' | 'stationAdmin' | 'proxyOrderer' | 'teamLeader' | 'volunteer' | 'resident' | 'storeOperator';

const users: Record<Role, string> = {
  districtAdmin: 'district.admin',
  districtLeader: 'district.leader',
  assessor: 'assessor1',
  instituteAdmin: 'institute.admin',
  stationAdmin: 'station.admin',
  proxyOrderer: 'proxy.orderer',
  teamLeader: 'team.leader',
  volunteer: 'volunteer1',
  resident: 'resident1',
  storeOperator: 'store.operator',
};

const district: Role[] = ['districtAdmin', 'districtLeader', 'assessor'];
const overseers: Role[] = [...district, 'instituteAdmin', 'stationAdmin', 'proxyOrderer'];

/**
 * Expected status per role × resource × own/other org unit. "Own" is institute 1's first station (where
 * the station-level demo users sit); "other" is a station of another institute.
 */
const matrix: { resource: string; own: (role: Role) => number; other: (role: Role) => number }[] = [
  { resource: 'read org unit', own: (r) => (overseers.includes(r) ? 200 : 404), other: (r) => (district.includes(r) ? 200 : 404) },
  { resource: 'read order', own: (r) => (overseers.includes(r) || r === 'resident' ? 200 : 404), other: (r) => (district.includes(r) ? 200 : 404) },
  {
    resource: 'command on order',
    own: (r) => (r === 'stationAdmin' ? 200 : overseers.includes(r) || r === 'resident' ? 403 : 404),
    // The other station has no staff, so its order went up to the center: the district admin holds the
    // task there, and escalating further is refused by the rule `no-higher-level` (422), not by access.
    other: (r) => (r === 'districtAdmin' ? 422 : district.includes(r) ? 403 : 404),
  },
  { resource: 'place order', own: (r) => (['stationAdmin', 'proxyOrderer', 'resident'].includes(r) ? 201 : 403), other: () => 403 },
  { resource: 'update org unit', own: (r) => (['districtAdmin', 'instituteAdmin', 'stationAdmin'].includes(r) ? 200 : overseers.includes(r) ? 403 : 404), other: (r) => (r === 'districtAdmin' ? 200 : district.includes(r) ? 403 : 404) },
  { resource: 'create draft', own: (r) => (r === 'districtAdmin' ? 201 : 403), other: (r) => (r === 'districtAdmin' ? 201 : 403) },
];

describe.each(DIALECTS)('role × resource × own/other unit on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  const clients = new Map<Role, ApiClient>();
  const place: Record<'own' | 'other', { station: string; order: string }> = { own: { station: '', order: '' }, other: { station: '', order: '' } };

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle);
    for (const [role, username] of Object.entries(users) as [Role, string][]) clients.set(role, await signIn(server.baseUrl, username));
    const admin = clients.get('districtAdmin')!;
    place.own.station = (await clients.get('resident')!.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
    const institutes = (await admin.get<{ items: { id: string }[] }>('/api/org-units?level=institute')).body.items;
    const otherStations = (await admin.get<{ items: { id: string }[] }>(`/api/org-units?level=station&under=${institutes[3]!.id}`)).body.items;
    place.other.station = otherStations[0]!.id;
    await admin.post('/api/users', { username: 'other.resident', displayName: '外所群众', password: 'other-resident-pw', role: 'resident', orgUnitId: place.other.station });
    const otherResident = new ApiClient(server.baseUrl);
    await otherResident.post('/api/auth/login', { username: 'other.resident', password: 'other-resident-pw' });
    for (const [which, client] of [['own', clients.get('resident')!], ['other', otherResident]] as const) {
      const order = await client.post<{ id: string }>('/api/instances', { workflow: 'five-order', orgUnitId: place[which].station, data: { description: '矩阵测试订单' } });
      place[which].order = order.body.id;
    }
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  async function attempt(role: Role, resource: string, which: 'own' | 'other'): Promise<number> {
    const client = clients.get(role)!;
    const { station, order } = place[which];
    switch (resource) {
      case 'read org unit':
        return (await client.get(`/api/org-units/${station}`)).status;
      case 'read order':
        return (await client.get(`/api/instances/${order}`)).status;
      case 'command on order': {
        const version = (await database.handle.db.selectFrom('workflow_instances').select('version').where('id', '=', order).executeTakeFirstOrThrow()).version;
        const response = await client.post(`/api/instances/${order}/commands`, { event: 'escalate' }, { headers: { 'if-match': String(version) } });
        return response.status;
      }
      case 'place order':
        return (await client.post('/api/instances', { workflow: 'five-order', orgUnitId: station, data: { description: `${role} 代点单` } })).status;
      case 'update org unit': {
        const version = (await database.handle.db.selectFrom('org_units').select('version').where('id', '=', station).executeTakeFirstOrThrow()).version;
        return (await client.patch(`/api/org-units/${station}`, { nameEn: `renamed by ${role}` }, { headers: { 'if-match': String(version) } })).status;
      }
      case 'create draft':
        return (await client.post(`/api/definitions/serviceCategory/m-${role.toLowerCase()}-${which}/drafts`, { title: { 'zh-CN': '矩阵' }, order: 1 })).status;
      default:
        throw new Error(resource);
    }
  }

  for (const { resource, own, other } of matrix) {
    it(`${resource}: every role, own and other unit`, async () => {
      const observed: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const role of Object.keys(users) as Role[]) {
        for (const which of ['own', 'other'] as const) {
          expected[`${role}/${which}`] = which === 'own' ? own(role) : other(role);
          observed[`${role}/${which}`] = await attempt(role, resource, which);
        }
      }
      expect(observed).toEqual(expected);
    });
  }
});

/**
 * The same matrix over assessments, cycles, rubrics, reports, records (plans, attendance, service records,
 * points), tokens and webhooks. A read of a list is `rows` when the unit's row is in it and `none` when it
 * is not (200 either way). Unit-less resources (cycles, reports, previews) expect the same for both.
 */
type Outcome = number | 'rows' | 'none';
const admins: Role[] = ['districtAdmin', 'instituteAdmin', 'stationAdmin'];
const staffRoles: Role[] = [...overseers];
const same = (rule: (role: Role) => Outcome) => ({ own: rule, other: rule });

const seeOwn = (yes: Outcome, no: Outcome) => (r: Role) => (overseers.includes(r) ? yes : no);
const seeOther = (yes: Outcome, no: Outcome) => (r: Role) => (district.includes(r) ? yes : no);
/** Records are kept by the admins of the unit and above; overseeing roles read them but file nothing. */
const keep = (created: number) => ({ own: (r: Role) => (admins.includes(r) ? created : 403), other: (r: Role) => (r === 'districtAdmin' ? created : 403) });
const webhookAdmins: Role[] = ['districtAdmin', 'instituteAdmin'];

const recordsMatrix: { resource: string; own: (role: Role) => Outcome; other: (role: Role) => Outcome }[] = [
  { resource: 'read assessment', own: seeOwn(200, 404), other: seeOther(200, 404) },
  { resource: 'list assessments of unit', own: seeOwn('rows', 'none'), other: seeOther('rows', 'none') },
  { resource: 'assessment explanation', own: seeOwn(200, 404), other: seeOther(200, 404) },
  // Only the station's own admin fills its self-assessment; those above it see the assessment (403).
  { resource: 'save self-assessment sheet', own: (r) => (r === 'stationAdmin' ? 200 : overseers.includes(r) ? 403 : 404), other: seeOther(403, 404) },
  { resource: 'read cycle', ...same((r) => (staffRoles.includes(r) ? 200 : 403)) },
  { resource: 'open cycle', ...same((r) => (r === 'districtAdmin' ? 201 : 403)) },
  { resource: 'rubric preview', ...same((r) => (r === 'districtAdmin' || r === 'districtLeader' ? 200 : 403)) },
  { resource: 'report volunteer hours', ...same((r) => (['districtAdmin', 'districtLeader', 'assessor', 'instituteAdmin', 'stationAdmin'].includes(r) ? 200 : 403)) },
  { resource: 'file activity plan', ...keep(201) },
  { resource: 'list activity plans of unit', own: seeOwn('rows', 'none'), other: seeOther('rows', 'none') },
  { resource: 'open attendance session', ...keep(201) },
  { resource: 'read attendance session', own: seeOwn(200, 404), other: seeOther(200, 404) },
  { resource: 'create service record', ...keep(201) },
  { resource: 'read service record', own: (r) => (overseers.includes(r) || r === 'volunteer' ? 200 : 404), other: seeOther(200, 404) },
  { resource: 'correct service record', own: (r) => (admins.includes(r) ? 200 : overseers.includes(r) || r === 'volunteer' ? 403 : 404), other: (r) => (r === 'districtAdmin' ? 200 : district.includes(r) ? 403 : 404) },
  // A volunteer's own ledger, or the admins who keep the unit's records; leaders, assessors and proxy orderers read reports instead.
  { resource: 'read points', own: (r) => (admins.includes(r) || r === 'volunteer' ? 200 : 404), other: (r) => (r === 'districtAdmin' ? 200 : 404) },
  { resource: 'create token for unit', own: (r) => (admins.includes(r) ? 201 : 403), other: (r) => (r === 'districtAdmin' ? 201 : admins.includes(r) ? 404 : 403) },
  // Own: the station admin's token; other: the district admin's. The owner or a district admin revokes.
  { resource: 'revoke token', own: (r) => (r === 'districtAdmin' || r === 'stationAdmin' ? 200 : 404), other: (r) => (r === 'districtAdmin' ? 200 : 404) },
  { resource: 'create webhook for unit', own: (r) => (webhookAdmins.includes(r) ? 201 : 403), other: (r) => (r === 'districtAdmin' ? 201 : r === 'instituteAdmin' ? 404 : 403) },
  { resource: 'list webhooks', own: (r) => (webhookAdmins.includes(r) ? 'rows' : 403), other: (r) => (r === 'districtAdmin' ? 'rows' : r === 'instituteAdmin' ? 'none' : 403) },
  { resource: 'read webhook deliveries', own: (r) => (webhookAdmins.includes(r) ? 200 : 403), other: (r) => (r === 'districtAdmin' ? 200 : r === 'instituteAdmin' ? 404 : 403) },
];

describe.each(DIALECTS)('role × resource × own/other unit, assessments, records, tokens and webhooks, on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  const clients = new Map<Role, ApiClient>();
  interface Place {
    station: string;
    volunteer: string;
    assessment: string;
    session: string;
    record: string;
    token: string;
    webhook: string;
  }
  const place: Record<'own' | 'other', Place> = {
    own: { station: '', volunteer: '', assessment: '', session: '', record: '', token: '', webhook: '' },
    other: { station: '', volunteer: '', assessment: '', session: '', record: '', token: '', webhook: '' },
  };
  let cycleId = '';
  let calls = 0;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { engine: true });
    for (const [role, username] of Object.entries(users) as [Role, string][]) clients.set(role, await signIn(server.baseUrl, username));
    const admin = clients.get('districtAdmin')!;
    const stationAdmin = clients.get('stationAdmin')!;
    const me = async (client: ApiClient) => (await client.get<{ user: { id: string; roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user;
    place.own.station = (await me(clients.get('resident')!)).roles[0]!.orgUnitId;
    place.own.volunteer = (await me(clients.get('volunteer')!)).id;
    const institutes = (await admin.get<{ items: { id: string }[] }>('/api/org-units?level=institute')).body.items;
    place.other.station = (await admin.get<{ items: { id: string }[] }>(`/api/org-units?level=station&under=${institutes[3]!.id}`)).body.items[0]!.id;
    const volunteer = await admin.post<{ id: string }>('/api/users', { username: 'other.volunteer', displayName: '外所志愿者', password: 'other-volunteer-pw', role: 'volunteer', orgUnitId: place.other.station });
    expect(volunteer.status, volunteer.text).toBe(201);
    place.other.volunteer = volunteer.body.id;

    const cycle = await admin.post<{ id: string }>('/api/cycles', { year: 2026, rubrics: [{ key: 'station-rubric', version: 1 }, { key: 'institute-rubric', version: 1 }], assessors: ['assessor1', 'assessor2'], deadlines: { selfAssessmentDue: '2026-11-30', reviewDue: '2026-12-10', scoringDue: '2026-12-20' } });
    expect(cycle.status, cycle.text).toBe(201);
    cycleId = cycle.body.id;
    for (const which of ['own', 'other'] as const) {
      const keeper = which === 'own' ? stationAdmin : admin;
      const p = place[which];
      p.assessment = (await database.handle.db.selectFrom('assessments').select('id').where('cycle_id', '=', cycleId).where('org_unit_id', '=', p.station).executeTakeFirstOrThrow()).id;
      expect((await keeper.post('/api/activity-plans', { orgUnitId: p.station, year: 2026, title: '年度计划', items: [{ title: '理论宣讲' }] })).status).toBe(201);
      p.session = (await keeper.post<{ id: string }>('/api/attendance-sessions', { orgUnitId: p.station, title: '签到', validMinutes: 60 })).body.id;
      const record = await keeper.post<{ id: string; version: number }>('/api/service-records', { orgUnitId: p.station, volunteerId: p.volunteer, activityDate: '2026-03-01', hours: 2 });
      expect(record.status, record.text).toBe(201);
      p.record = record.body.id;
      let version = record.body.version;
      for (const action of ['notice', 'finalise']) version = (await keeper.post<{ version: number }>(`/api/service-records/${p.record}/changes`, { action }, { headers: { 'if-match': `"${version}"` } })).body.version;
      p.token = (await keeper.post<{ id: string }>('/api/tokens', { name: `${which} token`, scope: 'read', orgUnitId: p.station })).body.id;
      p.webhook = (await admin.post<{ id: string }>('/api/webhooks', { url: 'https://example.org/hook', events: ['*'], orgUnitId: p.station })).body.id;
    }
  }, 60_000);
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  const listed = (response: { status: number; body: unknown }, id: string, key = 'id'): Outcome =>
    response.status !== 200 ? response.status : ((response.body as { items: Record<string, unknown>[] }).items.some((item) => item[key] === id) ? 'rows' : 'none');

  async function attempt(role: Role, resource: string, which: 'own' | 'other'): Promise<Outcome> {
    const client = clients.get(role)!;
    const p = place[which];
    const db = database.handle.db;
    calls++;
    switch (resource) {
      case 'read assessment':
        return (await client.get(`/api/assessments/${p.assessment}`)).status;
      case 'list assessments of unit':
        return listed(await client.get(`/api/assessments?cycleId=${cycleId}&orgUnitId=${p.station}`), p.assessment);
      case 'assessment explanation':
        return (await client.get(`/api/assessments/${p.assessment}/explanation`)).status;
      case 'save self-assessment sheet':
        return (await client.put(`/api/assessments/${p.assessment}/reviews/self`, { items: { b1: { met: true } } })).status;
      case 'read cycle':
        return (await client.get(`/api/cycles/${cycleId}`)).status;
      case 'open cycle':
        return (await client.post('/api/cycles', { year: 2040 + (calls % 50), rubrics: [{ key: 'station-rubric', version: 1 }], assessors: ['assessor1', 'assessor2'], deadlines: { selfAssessmentDue: '2040-11-30', reviewDue: '2040-12-10', scoringDue: '2040-12-20' } })).status;
      case 'rubric preview':
        return (await client.post('/api/rubrics/station-rubric/preview', { version: 1, year: 2026 })).status;
      case 'report volunteer hours':
        return (await client.get('/api/reports/volunteer-hours')).status;
      case 'file activity plan':
        return (await client.post('/api/activity-plans', { orgUnitId: p.station, year: 2026, month: 1 + (calls % 12), title: `${role} 月安排 ${calls}`, items: [{ title: '宣讲' }] })).status;
      case 'list activity plans of unit': {
        const response = await client.get<{ items: { orgUnitId: string }[] }>(`/api/activity-plans?orgUnitId=${p.station}`);
        return response.status !== 200 ? response.status : response.body.items.some((item) => item.orgUnitId === p.station) ? 'rows' : 'none';
      }
      case 'open attendance session':
        return (await client.post('/api/attendance-sessions', { orgUnitId: p.station, title: `${role} 签到`, validMinutes: 30 })).status;
      case 'read attendance session':
        return (await client.get(`/api/attendance-sessions/${p.session}`)).status;
      case 'create service record':
        return (await client.post('/api/service-records', { orgUnitId: p.station, volunteerId: p.volunteer, activityDate: '2026-03-02', hours: 1 })).status;
      case 'read service record':
        return (await client.get(`/api/service-records/${p.record}`)).status;
      case 'correct service record': {
        const version = (await db.selectFrom('service_records').select('version').where('id', '=', p.record).executeTakeFirstOrThrow()).version;
        return (await client.post(`/api/service-records/${p.record}/changes`, { action: 'correct', hours: 2 + (calls % 3), reason: `${role} 更正` }, { headers: { 'if-match': `"${version}"` } })).status;
      }
      case 'read points':
        return (await client.get(`/api/points/${p.volunteer}`)).status;
      case 'create token for unit':
        return (await client.post('/api/tokens', { name: `${role} ${which}`, scope: 'read', orgUnitId: p.station })).status;
      case 'revoke token':
        return (await client.request('DELETE', `/api/tokens/${p.token}`)).status;
      case 'create webhook for unit':
        return (await client.post('/api/webhooks', { url: 'https://example.org/matrix', events: ['*'], orgUnitId: p.station })).status;
      case 'list webhooks':
        return listed(await client.get('/api/webhooks'), p.webhook);
      case 'read webhook deliveries':
        return (await client.get(`/api/webhooks/${p.webhook}/deliveries`)).status;
      default:
        throw new Error(resource);
    }
  }

  for (const { resource, own, other } of recordsMatrix) {
    it(`${resource}: every role, own and other unit`, async () => {
      const observed: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = {};
      for (const role of Object.keys(users) as Role[]) {
        for (const which of ['own', 'other'] as const) {
          expected[`${role}/${which}`] = which === 'own' ? own(role) : other(role);
          observed[`${role}/${which}`] = await attempt(role, resource, which);
        }
      }
      expect(observed).toEqual(expected);
    });
  }
});
