/**
 * Who sees personal data (x-personal fields: phone, ID number, a private person's name and address) in
 * clear, role by role, on every read that carries form data: GET /api/instances/{id}, command responses,
 * the claim response, and form submission lists. The policy is server/engine/personal-data.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type ApiClient, type ApiResponse } from '../server/support/client';
import { DIALECTS, type TestDatabase } from '../server/support/dialects';
import { startServer, type RunningServer } from '../server/support/server';
import { myId, myUnit } from './support';

interface Instance {
  id: string;
  version: number;
  state: string;
  input: Record<string, unknown>;
}

const phone = '13712345678';
const name = '王秀英';
const address = '红星村三组 17 号';
const order = { description: '家中老人需要上门理发', beneficiaryName: name, beneficiaryPhone: phone, address, urgency: 'normal' };
const personal = new RegExp(`${phone}|${name}|${address}`);

function expectClear(response: ApiResponse<Instance>, who: string) {
  expect([200, 201], `${who}: ${response.status} ${response.text.slice(0, 200)}`).toContain(response.status);
  expect(response.body.input, who).toMatchObject({ beneficiaryName: name, beneficiaryPhone: phone, address, description: order.description });
}

function expectMasked(response: ApiResponse<Instance>, who: string) {
  expect(response.status, `${who}: ${response.text.slice(0, 200)}`).toBe(200);
  expect(response.body.input, who).toMatchObject({ beneficiaryName: '***', beneficiaryPhone: '***', address: '***', description: order.description });
  expect(response.text, who).not.toMatch(personal);
}

describe.each(DIALECTS)('security: personal data on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let clients: Record<string, ApiClient>;
  let station: string;
  let teamId: string;

  const command = (client: ApiClient, id: string, version: number, body: Record<string, unknown>) =>
    client.post<Instance>(`/api/instances/${id}/commands`, body, { headers: { 'if-match': `"${version}"` } });
  const read = (client: ApiClient, id: string) => client.get<Instance>(`/api/instances/${id}`);

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle);
    const usernames = ['resident1', 'station.admin', 'institute.admin', 'district.admin', 'district.leader', 'assessor1', 'proxy.orderer', 'team.leader', 'volunteer1', 'store.operator', 'station.admin2', 'institute.admin2'];
    clients = Object.fromEntries(await Promise.all(usernames.map(async (username) => [username, await signIn(server.baseUrl, username)] as const)));
    station = await myUnit(clients['resident1']!);
    const leaderId = await myId(clients['team.leader']!);
    teamId = (await clients['station.admin']!.get<{ items: { id: string; leaderUserId: string | null }[] }>('/api/teams')).body.items.find((team) => team.leaderUserId === leaderId)!.id;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('an order: clear for the resident who ordered, the station, institute and district admins; masked for the district leader, assessors and the station’s proxy orderer; invisible elsewhere', async () => {
    const started = await clients['resident1']!.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: order });
    expect(started.status).toBe(201);
    expectClear(started, 'start response');
    const id = started.body.id;
    for (const who of ['resident1', 'station.admin', 'institute.admin', 'district.admin']) expectClear(await read(clients[who]!, id), who);
    for (const who of ['district.leader', 'assessor1', 'proxy.orderer']) expectMasked(await read(clients[who]!, id), who);
    for (const who of ['station.admin2', 'institute.admin2', 'volunteer1', 'store.operator', 'team.leader']) {
      const response = await read(clients[who]!, id);
      expect(response.status, who).toBe(404);
      expect(response.text, who).not.toMatch(personal);
    }
  });

  it('a directed order: the team leader sees the phone masked while it is only offered to them, and in clear from the moment they accept', async () => {
    const admin = clients['station.admin']!;
    const leader = clients['team.leader']!;
    const id = (await clients['resident1']!.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: order })).body.id;
    expectClear(await command(admin, id, 1, { event: 'accept_for_dispatch' }), 'triage response');
    expectClear(await command(admin, id, 2, { event: 'dispatch', data: { mode: 'directed', teamId } }), 'dispatch response');
    expectMasked(await read(leader, id), 'team leader, offered');
    const accepted = await command(leader, id, 3, { event: 'accept' });
    expectClear(accepted, 'accept response');
    expectClear(await read(leader, id), 'team leader, accepted');
    // The district leader still reads aggregates only, whatever the state.
    expectMasked(await read(clients['district.leader']!, id), 'district leader');
  });

  it('a pooled order (抢单): masked for a claiming team leader, in the claim response too, until they accept', async () => {
    const admin = clients['station.admin']!;
    const leader = clients['team.leader']!;
    const id = (await clients['resident1']!.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: order })).body.id;
    await command(admin, id, 1, { event: 'accept_for_dispatch' });
    await command(admin, id, 2, { event: 'dispatch', data: { mode: 'pool' } });
    expectMasked(await read(leader, id), 'pool browser');
    const task = (await leader.get<{ items: { id: string; instanceId: string }[] }>('/api/tasks?mine=1')).body.items.find((item) => item.instanceId === id)!;
    const claimed = await leader.post<Instance>(`/api/tasks/${task.id}/claim`);
    expectMasked(claimed, 'claim response');
    expectMasked(await read(leader, id), 'claimed, not accepted');
    expectClear(await command(leader, id, claimed.body.version, { event: 'accept' }), 'accept response');
  });

  it('a proxy order: clear for the proxy orderer who placed it; a proxy orderer rating someone else’s order gets a masked response', async () => {
    const proxy = clients['proxy.orderer']!;
    const own = await proxy.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: order });
    expect(own.status).toBe(201);
    expectClear(await read(proxy, own.body.id), 'proxy orderer, own order');
    expectMasked(await read(clients['district.leader']!, own.body.id), 'district leader');
    expect((await read(clients['resident1']!, own.body.id)).status).toBe(404);

    const admin = clients['station.admin']!;
    const leader = clients['team.leader']!;
    const id = (await clients['resident1']!.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: order })).body.id;
    await command(admin, id, 1, { event: 'accept_for_dispatch' });
    await command(admin, id, 2, { event: 'dispatch', data: { mode: 'directed', teamId } });
    await command(leader, id, 3, { event: 'accept' });
    await command(leader, id, 4, { event: 'start' });
    expectClear(await command(leader, id, 5, { event: 'complete', data: { summary: '已完成', serviceHours: 1, volunteerCount: 1, photos: ['p'] } }), 'complete response');
    const rated = await command(proxy, id, 6, { event: 'rate', data: { stars: 4 } });
    expectMasked(rated, 'proxy orderer rating response');
    expect(rated.body.state).toBe('closed');
  });

  it('webhook and notification payloads of orders (the outbox effects) carry no personal field', async () => {
    const admin = clients['station.admin']!;
    const id = (await clients['resident1']!.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: order })).body.id;
    await command(admin, id, 1, { event: 'accept_for_dispatch' });
    await command(admin, id, 2, { event: 'dispatch', data: { mode: 'directed', teamId } });
    await command(clients['team.leader']!, id, 3, { event: 'accept' });
    const effects = await database.handle.db.selectFrom('outbox').select(['kind', 'payload']).execute();
    expect(effects.filter((effect) => effect.kind === 'webhook').length).toBeGreaterThan(0);
    for (const effect of effects) expect(effect.payload, effect.kind).not.toMatch(personal);
  });

  it('a volunteer registration: ID number, phone and real name clear for the volunteer and the admins of the unit and above; masked for the district leader, proxy orderers and assessors; invisible to another station', async () => {
    const idNumber = '620602199202021234';
    const registration = { realName: '李娜', idType: 'residentId', idNumber, gender: 'female', phone: '13911112222', residenceUnit: station, consent: true, availability: ['weekend'] };
    const submitted = await clients['volunteer1']!.post<{ id: string }>('/api/forms/volunteer-registration/submissions', { orgUnitId: station, data: registration });
    expect(submitted.status, submitted.text).toBe(201);
    const read = async (client: ApiClient) => (await client.get<{ items: { id: string; data: Record<string, unknown> }[] }>('/api/forms/volunteer-registration/submissions')).body.items.filter((item) => item.id === submitted.body.id);
    for (const who of ['volunteer1', 'station.admin', 'institute.admin', 'district.admin']) {
      expect((await read(clients[who]!))[0]?.data, who).toMatchObject({ realName: '李娜', phone: '13911112222', idNumber });
    }
    for (const who of ['district.leader', 'proxy.orderer', 'assessor1']) {
      const items = await read(clients[who]!);
      expect(items, who).toHaveLength(1);
      expect(items[0]!.data, who).toMatchObject({ realName: '***', phone: '***', idNumber: '***', gender: 'female' });
      expect(JSON.stringify(items), who).not.toMatch(/13911112222|620602199202021234|李娜/);
    }
    for (const who of ['station.admin2', 'institute.admin2', 'resident1']) expect(await read(clients[who]!), who).toEqual([]);
  });
});
