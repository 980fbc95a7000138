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
