import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signIn } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { startServer, type RunningServer } from '../support/server';

const meeting = { type: 'station-head-deploy', date: '2026-02-01', topic: '年度工作部署', chair: '站长', minutes: '部署全年文明实践活动' };

describe.each(DIALECTS)('API tokens on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let admin: ApiClient;
  let station1: string;
  let station2: string;
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { engine: false });
    admin = await signIn(server.baseUrl, 'district.admin');
    station1 = (await (await signIn(server.baseUrl, 'station.admin')).get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
    station2 = (await (await signIn(server.baseUrl, 'station.admin2')).get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('a read token reads but cannot write; the secret is shown once and stored hashed', async () => {
    const created = await admin.post<{ id: string; token: string; scope: string }>('/api/tokens', { name: '数据大屏', scope: 'read' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^sjt_/);
    const stored = await database.handle.db.selectFrom('api_tokens').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(created.body.token);
    expect(JSON.stringify((await admin.get('/api/tokens')).body)).not.toContain(created.body.token);

    const anonymous = new ApiClient(server.baseUrl);
    const read = await anonymous.get<{ items: unknown[] }>('/api/org-units', bearer(created.body.token));
    expect(read.status).toBe(200);
    expect(read.body.items.length).toBeGreaterThan(80);
    const write = await anonymous.post('/api/forms/meeting-record/submissions', { orgUnitId: station1, data: meeting }, bearer(created.body.token));
    expect(write.status).toBe(403);
    expect(write.headers.get('content-type')).toContain('application/problem+json');
    expect((await anonymous.get('/api/org-units', bearer('sjt_not-a-token'))).status).toBe(401);
    const listed = (await admin.get<{ items: { id: string; lastUsedAt: string | null }[] }>('/api/tokens')).body.items.find((t) => t.id === created.body.id);
    expect(listed?.lastUsedAt).not.toBeNull();
  });

  it('a subtree token sees and writes only inside its subtree, and a write token cannot administer', async () => {
    const created = await admin.post<{ token: string }>('/api/tokens', { name: '红星村对接', scope: 'write', orgUnitId: station1 });
    const client = new ApiClient(server.baseUrl);
    const units = await client.get<{ items: { id: string }[] }>('/api/org-units', bearer(created.body.token));
    expect(units.body.items.map((unit) => unit.id)).toContain(station1);
    expect(units.body.items.map((unit) => unit.id)).not.toContain(station2);
    expect((await client.get(`/api/org-units/${station2}`, bearer(created.body.token))).status).toBe(404);
    expect((await client.post('/api/forms/meeting-record/submissions', { orgUnitId: station1, data: meeting }, bearer(created.body.token))).status).toBe(201);
    expect((await client.post('/api/forms/meeting-record/submissions', { orgUnitId: station2, data: meeting }, bearer(created.body.token))).status).toBe(403);
    expect((await client.post('/api/tokens', { name: 'x', scope: 'admin' }, bearer(created.body.token))).status).toBe(403);
    // Tokens may not be created for a subtree outside one's reach.
    const stationAdmin = await signIn(server.baseUrl, 'station.admin');
    expect((await stationAdmin.post('/api/tokens', { name: 'x', scope: 'read', orgUnitId: station2 })).status).toBe(404);
  });

  it('a revoked token fails at once', async () => {
    const created = await admin.post<{ id: string; token: string }>('/api/tokens', { name: '临时', scope: 'admin' });
    const client = new ApiClient(server.baseUrl);
    expect((await client.get('/api/org-units', bearer(created.body.token))).status).toBe(200);
    const revoked = await admin.request<{ revokedAt: string | null }>('DELETE', `/api/tokens/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await client.get('/api/org-units', bearer(created.body.token))).status).toBe(401);
    const other = await signIn(server.baseUrl, 'institute.admin');
    expect((await other.request('DELETE', `/api/tokens/${created.body.id}`)).status).toBe(404);
  });
});
