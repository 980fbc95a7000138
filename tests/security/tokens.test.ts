/**
 * API token scope: a token acts as its user, narrowed to its org subtree and limited by its scope
 * (read: safe methods; write: no administration; admin: everything the user may). Revoked or forged
 * tokens are 401 at once; a token can never do more than its user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signIn } from '../server/support/client';
import { DIALECTS, type TestDatabase } from '../server/support/dialects';
import { startServer, type RunningServer } from '../server/support/server';
import { expectProblem, myUnit } from './support';

describe.each(DIALECTS)('security: API token scope on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let institute: ApiClient;
  let station: string;
  let otherStation: string;

  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
  async function token(owner: ApiClient, scope: 'read' | 'write' | 'admin', orgUnitId?: string): Promise<{ id: string; token: string }> {
    const created = await owner.post<{ id: string; token: string }>('/api/tokens', { name: `${scope} token`, scope, ...(orgUnitId ? { orgUnitId } : {}) });
    expect(created.status).toBe(201);
    return created.body;
  }

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle);
    institute = await signIn(server.baseUrl, 'institute.admin');
    station = await myUnit(await signIn(server.baseUrl, 'station.admin'));
    otherStation = await myUnit(await signIn(server.baseUrl, 'station.admin2'));
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('a read token reads but never writes; a write token never administers (no CSRF needed for bearer requests)', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    const read = await token(institute, 'read');
    expect((await anonymous.get('/api/org-units', bearer(read.token))).status).toBe(200);
    expectProblem(await anonymous.post('/api/instances', { workflow: 'five-order', orgUnitId: station, data: { description: '令牌' } }, bearer(read.token)), 403);
    expectProblem(await anonymous.post('/api/tokens', { name: 'more', scope: 'admin' }, bearer(read.token)), 403);
    const write = await token(await signIn(server.baseUrl, 'station.admin'), 'write');
    expect((await anonymous.post('/api/instances', { workflow: 'five-order', orgUnitId: station, data: { description: '令牌下单' } }, bearer(write.token))).status).toBe(201);
    for (const [path, body] of [
      ['/api/tokens', { name: 'escalate', scope: 'admin' }],
      ['/api/users', { username: 'token.made', displayName: '令牌', password: 'token-made-pw', role: 'volunteer', orgUnitId: station }],
      ['/api/org-units', { parentId: station, level: 'point', name: '令牌点' }],
      ['/api/definitions/serviceCategory/token-made/drafts', { title: { 'zh-CN': '令牌' }, order: 1 }],
    ] as const) {
      expectProblem(await anonymous.post(path, body, bearer(write.token)), 403);
    }
    // Path tricks do not slip past the administration prefixes.
    for (const path of ['/api/users/', '/api//users', '/API/users', '/api/%75sers']) expect((await anonymous.post(path, {}, bearer(write.token))).status).not.toBeLessThan(400);
  });

  it('a token narrowed to a unit sees and acts only there; an admin token does no more than its user', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    const narrow = await token(institute, 'admin', station);
    expect((await anonymous.get(`/api/org-units/${station}`, bearer(narrow.token))).status).toBe(200);
    expectProblem(await anonymous.get(`/api/org-units/${otherStation}`, bearer(narrow.token)), 404);
    expectProblem(await anonymous.post('/api/instances', { workflow: 'five-order', orgUnitId: otherStation, data: { description: '越界' } }, bearer(narrow.token)), [403, 404]);
    const units = await anonymous.get<{ items: { id: string }[] }>('/api/org-units', bearer(narrow.token));
    // The station and what lies under it (its service point), nothing beside it.
    expect(units.body.items.map((u) => u.id)).toContain(station);
    expect(units.body.items.map((u) => u.id)).not.toContain(otherStation);
    const all = await institute.get<{ items: { id: string }[] }>('/api/org-units');
    expect(units.body.items.length).toBeLessThan(all.body.items.length);
    // Outside the institute admin's own reach a token cannot even be made.
    const institutes = (await (await signIn(server.baseUrl, 'district.admin')).get<{ items: { id: string }[] }>('/api/org-units?level=institute')).body.items;
    expectProblem(await institute.post('/api/tokens', { name: 'far', scope: 'admin', orgUnitId: institutes[3]!.id }), 404);
    const full = await token(institute, 'admin');
    const me = (await institute.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
    expectProblem(await anonymous.post('/api/role-assignments', { userId: me, role: 'districtAdmin', orgUnitId: station }, bearer(full.token)), 403);
    // Volunteers and residents hold no admin role: no tokens.
    expectProblem(await (await signIn(server.baseUrl, 'volunteer1')).post('/api/tokens', { name: 'x', scope: 'read' }), 403);
  });

  it('revoked, forged and malformed tokens are 401 at once', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    const live = await token(institute, 'read');
    expect((await anonymous.get('/api/org-units', bearer(live.token))).status).toBe(200);
    expect((await institute.request('DELETE', `/api/tokens/${live.id}`)).status).toBeLessThan(300);
    expectProblem(await anonymous.get('/api/org-units', bearer(live.token)), 401);
    for (const forged of [`${live.token.slice(0, -2)}xx`, 'sjt_', 'not-a-token', `${live.token}' OR '1'='1`, 'a'.repeat(5000)]) {
      expectProblem(await anonymous.get('/api/org-units', bearer(forged)), 401);
    }
  });
});
