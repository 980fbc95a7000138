/**
 * Sessions and their roles are cached for a few seconds (server/auth/session-cache.ts), so a burst of
 * requests does not reload them each time. What changes them on this server must take effect on the very
 * next request anyway: signing out, a role granted or revoked, a password reset, a deactivation. The
 * clock does not move here, so nothing expires from the cache by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signIn } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { startServer, type RunningServer } from '../support/server';

interface Me {
  user: { id: string; roles: { role: string; orgUnitId: string }[] };
}

describe.each(DIALECTS)('the session cache on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { engine: false });
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('forgets a session at sign-out, and a user’s roles when they are granted or revoked', async () => {
    const institute = await signIn(server.baseUrl, 'institute.admin');
    const stationUnit = (await institute.get<{ items: { id: string; level: string }[] }>('/api/org-units')).body.items.find((u) => u.level === 'station')!;
    const made = await institute.post<{ id: string }>('/api/users', { username: 'cache.helper', displayName: '缓存 帮办员', password: 'a-long-password', role: 'proxyOrderer', orgUnitId: stationUnit.id });
    expect(made.status).toBe(201);
    const helper = new ApiClient(server.baseUrl);
    expect((await helper.post('/api/auth/login', { username: 'cache.helper', password: 'a-long-password' })).status).toBe(200);
    const roles = async () => (await helper.get<Me>('/api/auth/me')).body.user.roles.map((r) => r.role).sort();
    expect(await roles()).toEqual(['proxyOrderer']);

    const granted = await institute.post<{ id: string }>('/api/role-assignments', { userId: made.body.id, role: 'stationAdmin', orgUnitId: stationUnit.id });
    expect(granted.status).toBe(201);
    expect(await roles()).toEqual(['proxyOrderer', 'stationAdmin']);
    expect((await helper.get(`/api/org-units/${stationUnit.id}/members`)).status).toBe(200);

    expect((await institute.request('DELETE', `/api/role-assignments/${granted.body.id}`)).status).toBe(204);
    expect(await roles()).toEqual(['proxyOrderer']);

    const cookie = (helper as unknown as { cookies: Map<string, string> }).cookies.get('sid')!;
    expect((await helper.post('/api/auth/logout')).status).toBe(204);
    const replayed = await fetch(server.baseUrl + '/api/auth/me', { headers: { cookie: `sid=${cookie}` } });
    expect(replayed.status).toBe(401);
  });

  it('forgets every session of a user whose password is reset or who is deactivated', async () => {
    const institute = await signIn(server.baseUrl, 'institute.admin');
    const stationUnit = (await institute.get<{ items: { id: string; level: string }[] }>('/api/org-units')).body.items.find((u) => u.level === 'station')!;
    const made = await institute.post<{ id: string }>('/api/users', { username: 'cache.volunteer', displayName: '缓存 志愿者', password: 'a-long-password', role: 'volunteer', orgUnitId: stationUnit.id });
    const path = `/api/users/${made.body.id}`;
    const login = async () => {
      const client = new ApiClient(server.baseUrl);
      expect((await client.post('/api/auth/login', { username: 'cache.volunteer', password: 'a-long-password' })).status).toBe(200);
      expect((await client.get('/api/auth/me')).status).toBe(200);
      return client;
    };
    const version = async () => (await institute.get<{ items: { id: string; version: number }[] }>('/api/users?q=cache.volunteer')).body.items[0]!.version;

    const first = await login();
    expect((await institute.patch(path, { password: 'a-long-password' }, { headers: { 'if-match': String(await version()) } })).status).toBe(200);
    expect((await first.get('/api/auth/me')).status).toBe(401);

    const second = await login();
    expect((await institute.post(`${path}/deactivate`, undefined, { headers: { 'if-match': String(await version()) } })).status).toBe(200);
    expect((await second.get('/api/auth/me')).status).toBe(401);
  });
});
