import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type ApiClient } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { startServer, type RunningServer } from '../support/server';

interface Names {
  items: { id: string; displayName: string }[];
}
interface Problem {
  status: number;
  errors?: { pointer: string }[];
}

describe.each(DIALECTS)('GET /api/users/names on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  const ids = new Map<string, string>();
  const clients = new Map<string, ApiClient>();
  const client = async (username: string) => {
    if (!clients.has(username)) clients.set(username, await signIn(server.baseUrl, username));
    return clients.get(username)!;
  };
  const id = (username: string) => ids.get(username)!;
  /** The usernames whose names `reader` gets when asking for `wanted`. */
  const namesSeen = async (reader: string, wanted: string[]) => {
    const response = await (await client(reader)).get<Names>(`/api/users/names?ids=${wanted.map((u) => ids.get(u) ?? u).join(',')}`);
    expect(response.status).toBe(200);
    const byId = new Map([...ids].map(([username, userId]) => [userId, username]));
    return response.body.items.map((item) => byId.get(item.id)).sort();
  };

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle);
    for (const row of await database.handle.db.selectFrom('users').select(['id', 'username']).execute()) ids.set(row.username, row.id);
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('names staff of the reader’s units and members of teams they see, and leaves everyone else out', async () => {
    const response = await (await client('station.admin')).get<Names>(`/api/users/names?ids=${id('volunteer1')},${id('team.leader')}`);
    expect(response.body.items).toEqual(expect.arrayContaining([{ id: id('volunteer1'), displayName: '志愿者 一' }, { id: id('team.leader'), displayName: '志愿服务队 队长' }]));
    expect(await namesSeen('station.admin', ['team.leader', 'volunteer1', 'resident1', 'district.admin', 'station.admin2', 'no-such-user'])).toEqual(['resident1', 'team.leader', 'volunteer1']);
    expect(await namesSeen('district.admin', ['assessor1', 'station.admin2', 'institute.admin2'])).toEqual(['assessor1', 'institute.admin2', 'station.admin2']);
  });

  it('names a private person only to themselves and to admins of their unit and above', async () => {
    expect(await namesSeen('resident1', ['resident1'])).toEqual(['resident1']);
    expect(await namesSeen('institute.admin', ['resident1'])).toEqual(['resident1']);
    expect(await namesSeen('station.admin2', ['resident1'])).toEqual([]);
    // A district leader oversees the station but is not its admin: personal data stays masked.
    expect(await namesSeen('district.leader', ['resident1'])).toEqual([]);
  });

  it('names whoever acted on an instance the reader may read, once they have acted', async () => {
    expect(await namesSeen('resident1', ['station.admin', 'district.admin'])).toEqual([]);
    const resident = await client('resident1');
    const stationId = (await database.handle.db.selectFrom('role_memberships').select('org_unit_id').where('user_id', '=', id('resident1')).executeTakeFirstOrThrow()).org_unit_id;
    const started = await resident.post<{ id: string; version: number }>('/api/instances', { workflow: 'five-order', orgUnitId: stationId, data: { description: '家中老人需要上门理发服务', beneficiaryPhone: '13800000000', urgency: 'normal' } });
    expect(started.status).toBe(201);
    const triaged = await (await client('station.admin')).post(`/api/instances/${started.body.id}/commands`, { event: 'accept_for_dispatch' }, { headers: { 'if-match': `"${started.body.version}"` } });
    expect(triaged.status).toBe(200);
    expect(await namesSeen('resident1', ['station.admin', 'district.admin'])).toEqual(['station.admin']);
    // Someone outside the order and the station's staff does not meet the station admin through this order.
    expect(await namesSeen('store.operator', ['station.admin'])).toEqual([]);
  });

  it('refuses a missing, empty or oversized id list with a pointer, and asks a session', async () => {
    const admin = await client('station.admin');
    for (const query of ['', '?ids=', `?ids=${Array.from({ length: 101 }, (_, i) => `u${i}`).join(',')}`]) {
      const response = await admin.get<Problem>(`/api/users/names${query}`);
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.pointer).toMatch(/^\/query\/ids/);
    }
    const anonymous = await fetch(`${server.baseUrl}/api/users/names?ids=${id('volunteer1')}`);
    expect(anonymous.status).toBe(401);
  });
});
