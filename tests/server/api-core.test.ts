import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/db/repositories/audit-repository';
import { ApiClient, signIn } from './support/client';
import { DIALECTS, type TestDatabase } from './support/dialects';
import { startServer, type RunningServer } from './support/server';

interface Unit {
  id: string;
  parentId: string | null;
  level: string;
  name: string;
  version: number;
  active: boolean;
}

describe.each(DIALECTS)('core API on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let url: string;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { engine: false });
    url = server.baseUrl;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('serves health, the OpenAPI 3.1 document and an offline reference page', async () => {
    const anonymous = new ApiClient(url);
    const health = await anonymous.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: dialect.name });
    const doc = await anonymous.get<{ openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    for (const path of ['/api/auth/login', '/api/org-units', '/api/definitions/{kind}/{key}', '/api/instances/{id}/commands', '/api/tasks', '/api/bundles/import']) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    for (const operations of Object.values(doc.body.paths)) for (const operation of Object.values(operations)) expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
    const page = await anonymous.get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/api/openapi.json');
    expect(page.text).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('signs in with the contract shape, sets HttpOnly sid and readable csrf cookies, and signs out', async () => {
    const client = new ApiClient(url);
    const login = await client.post<{ user: { username: string; roles: { role: string; orgUnitId: string; orgUnitName: string }[] } }>('/api/auth/login', { username: 'station.admin', password: 'shijian-demo' });
    expect(login.status).toBe(200);
    expect(login.body.user.username).toBe('station.admin');
    expect(login.body.user.roles).toEqual([{ role: 'stationAdmin', orgUnitId: expect.any(String), orgUnitName: expect.stringContaining('红星村') }]);
    const cookies = login.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('sid='))).toMatch(/HttpOnly/i);
    expect(cookies.find((c) => c.startsWith('sid='))).toMatch(/SameSite=Lax/i);
    expect(cookies.find((c) => c.startsWith('csrf='))).not.toMatch(/HttpOnly/i);
    expect((await client.get('/api/auth/me')).body).toEqual({ user: login.body.user });
    expect((await client.post('/api/auth/logout', undefined, { noCsrf: true })).status).toBe(403);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const after = await client.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses wrong passwords with 401 and rate-limits repeated failures with 429', async () => {
    const client = new ApiClient(url);
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    const wrong = await client.post('/api/auth/login', { username: 'assessor2', password: 'nope-nope' }, { headers });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ type: '/problems/bad-credentials', status: 401 });
    for (let i = 0; i < 9; i++) await client.post('/api/auth/login', { username: 'assessor2', password: 'nope-nope' }, { headers });
    const limited = await client.post('/api/auth/login', { username: 'assessor2', password: 'shijian-demo' }, { headers });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const validation = await client.post('/api/auth/login', { username: '' });
    expect(validation.status).toBe(400);
    expect(validation.body).toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ pointer: '/username' }), expect.objectContaining({ pointer: '/password' })]) });
  });

  it('answers bad requests with problems: unknown route, malformed JSON, wrong type, too large, no stack', async () => {
    const admin = await signIn(url, 'district.admin');
    const unknown = await admin.get('/api/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    const malformed = await admin.post('/api/org-units', undefined, { raw: '{"parentId":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ type: '/problems/malformed-json' });
    const form = await admin.post('/api/org-units', undefined, { raw: 'parentId=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const large = await admin.post('/api/org-units', { parentId: 'x', level: 'station', name: 'x'.repeat(70 * 1024) });
    expect(large.status).toBe(413);
    expect(large.body).toMatchObject({ type: '/problems/payload-too-large' });
    for (const response of [unknown, malformed, form, large]) expect(response.text).not.toMatch(/at .*\.ts:\d+|node_modules/);
    expect((await new ApiClient(url).get('/api/org-units')).status).toBe(401);
  });

  it('scopes the org tree: the center sees all, an institute its subtree, a station only itself', async () => {
    const district = await signIn(url, 'district.admin');
    const institute = await signIn(url, 'institute.admin');
    const station = await signIn(url, 'station.admin');
    const all = (await district.get<{ items: Unit[] }>('/api/org-units')).body.items;
    expect(all.filter((u) => u.level === 'institute').length).toBeGreaterThanOrEqual(10);
    expect(all.filter((u) => u.level === 'station').length).toBeGreaterThanOrEqual(60);
    const mine = (await institute.get<{ items: Unit[] }>('/api/org-units')).body.items;
    expect(mine[0]!.level).toBe('institute');
    expect(mine.filter((u) => u.level === 'station')).toHaveLength(6);
    const own = (await station.get<{ items: Unit[] }>('/api/org-units')).body.items;
    expect(own.map((u) => u.level)).toEqual(['station', 'servicePoint']);
    const otherInstitute = all.filter((u) => u.level === 'institute')[1]!;
    expect((await institute.get(`/api/org-units/${otherInstitute.id}`)).status).toBe(404);
    expect((await station.get(`/api/org-units/${mine[0]!.id}`)).status).toBe(404);
    expect((await district.get(`/api/org-units/${otherInstitute.id}`)).status).toBe(200);
    expect((await institute.get('/api/org-units?level=nonsense')).status).toBe(400);
  });

  it('creates, updates (If-Match) and deactivates units only inside the admin’s subtree', async () => {
    const institute = await signIn(url, 'institute.admin');
    const station = await signIn(url, 'station.admin');
    const mine = (await institute.get<{ items: Unit[] }>('/api/org-units')).body.items;
    const root = mine[0]!;
    const created = await institute.post<Unit>('/api/org-units', { parentId: root.id, level: 'station', name: '新村新时代文明实践站', adminDivisionCode: '620602100299' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ parentId: root.id, level: 'station', version: 1, active: true });
    expect((await institute.post('/api/org-units', { parentId: root.id, level: 'center', name: 'x' })).status).toBe(422);
    const district = await signIn(url, 'district.admin');
    const otherInstitute = (await district.get<{ items: Unit[] }>('/api/org-units?level=institute')).body.items[1]!;
    expect((await institute.post('/api/org-units', { parentId: otherInstitute.id, level: 'station', name: 'x' })).status).toBe(403);
    expect((await station.post('/api/org-units', { parentId: root.id, level: 'station', name: 'x' })).status).toBe(403);

    const path = `/api/org-units/${created.body.id}`;
    expect((await institute.patch(path, { name: '改名' })).status).toBe(428);
    const updated = await institute.patch<Unit>(path, { name: '改名' }, { headers: { 'if-match': '"1"' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: '改名', version: 2 });
    const stale = await institute.patch(path, { name: '再改' }, { headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect((await institute.get<Unit>(path)).body.name).toBe('改名');
    expect((await institute.patch(path, { name: '', extra: 1 }, { headers: { 'if-match': '2' } })).status).toBe(400);
    expect((await station.patch(path, { name: 'x' }, { headers: { 'if-match': '2' } })).status).toBe(404);

    expect((await institute.post(`/api/org-units/${root.id}/deactivate`, undefined, { headers: { 'if-match': String(root.version) } })).status).toBe(403);
    const deactivated = await institute.post<Unit>(`${path}/deactivate`, undefined, { headers: { 'if-match': '2' } });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    expect((await institute.post(`${path}/deactivate`, undefined, { headers: { 'if-match': '3' } })).status).toBe(409);
    expect((await institute.get<{ items: Unit[] }>('/api/org-units')).body.items.some((u) => u.id === created.body.id)).toBe(false);
    expect((await institute.get<{ items: Unit[] }>('/api/org-units?includeInactive=1')).body.items.some((u) => u.id === created.body.id)).toBe(true);
  });

  it('grants roles only at or below the granter’s level inside their scope', async () => {
    const institute = await signIn(url, 'institute.admin');
    const station = await signIn(url, 'station.admin');
    const district = await signIn(url, 'district.admin');
    const units = (await institute.get<{ items: Unit[] }>('/api/org-units')).body.items;
    const stationUnit = units.find((u) => u.level === 'station')!;
    const made = await institute.post<{ id: string; roles: { id: string }[] }>('/api/users', { username: 'new.helper', displayName: '新帮办员', password: 'a-long-password', role: 'proxyOrderer', orgUnitId: stationUnit.id });
    expect(made.status).toBe(201);
    expect((await institute.post('/api/users', { username: 'new.helper', displayName: 'x', role: 'volunteer', orgUnitId: stationUnit.id })).status).toBe(409);
    // Escalation: an institute admin cannot make a district admin, nor a station admin an institute admin.
    expect((await institute.post('/api/role-assignments', { userId: made.body.id, role: 'districtAdmin', orgUnitId: units[0]!.id })).status).toBe(403);
    expect((await station.post('/api/role-assignments', { userId: made.body.id, role: 'instituteAdmin', orgUnitId: stationUnit.id })).status).toBe(403);
    const center = (await district.get<{ items: Unit[] }>('/api/org-units?level=center')).body.items[0]!;
    expect((await institute.post('/api/role-assignments', { userId: made.body.id, role: 'volunteer', orgUnitId: center.id })).status).toBe(403);
    const granted = await institute.post<{ id: string }>('/api/role-assignments', { userId: made.body.id, role: 'stationAdmin', orgUnitId: stationUnit.id });
    expect(granted.status).toBe(201);
    expect((await institute.post('/api/role-assignments', { userId: made.body.id, role: 'stationAdmin', orgUnitId: stationUnit.id })).status).toBe(409);
    expect((await institute.post('/api/role-assignments', { userId: made.body.id, role: 'king', orgUnitId: stationUnit.id })).status).toBe(400);
    const members = await institute.get<{ items: { username: string; role: string }[] }>(`/api/org-units/${stationUnit.id}/members`);
    expect(members.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ username: 'new.helper', role: 'stationAdmin' })]));
    const helper = new ApiClient(url);
    expect((await helper.post('/api/auth/login', { username: 'new.helper', password: 'a-long-password' })).status).toBe(200);
    expect((await station.request('DELETE', `/api/role-assignments/${granted.body.id}`)).status).toBe(204);
    expect((await station.request('DELETE', `/api/role-assignments/${granted.body.id}`)).status).toBe(404);

    // Users: listed, renamed (If-Match) and deactivated by an admin who could grant every role they hold.
    const listed = await institute.get<{ items: { id: string; username: string; version: number }[] }>('/api/users?q=new.');
    expect(listed.body.items.map((u) => u.username)).toEqual(['new.helper']);
    expect((await institute.get<{ items: { username: string }[] }>('/api/users')).body.items.map((u) => u.username)).not.toContain('district.admin');
    expect((await (await signIn(url, 'resident1')).get('/api/users')).status).toBe(403);
    const userPath = `/api/users/${made.body.id}`;
    const renamed = await institute.patch<{ displayName: string; version: number }>(userPath, { displayName: '帮办员 小王' }, { headers: { 'if-match': String(listed.body.items[0]!.version) } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.displayName).toBe('帮办员 小王');
    expect((await institute.patch(userPath, { displayName: 'x' }, { headers: { 'if-match': String(listed.body.items[0]!.version) } })).status).toBe(412);
    const districtAdminId = (await district.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
    expect((await institute.patch(`/api/users/${districtAdminId}`, { displayName: 'x' }, { headers: { 'if-match': '1' } })).status).toBe(404);
    const second = await signIn(url, 'station.admin2');
    const secondId = (await second.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
    expect((await station.post(`/api/users/${secondId}/deactivate`, undefined, { headers: { 'if-match': '1' } })).status).toBe(404);
    expect((await institute.post(`/api/users/${secondId}/deactivate`, undefined, { headers: { 'if-match': '1' } })).status).toBe(200);
    expect((await second.get('/api/auth/me')).status).toBe(401);
    expect((await new ApiClient(url).post('/api/auth/login', { username: 'station.admin2', password: 'shijian-demo' })).status).toBe(401);
    const deactivated = await district.get<{ items: { id: string; active: boolean }[] }>('/api/users?q=station.admin2');
    expect(deactivated.body.items).toEqual([expect.objectContaining({ id: secondId, active: false })]);
    expect((await institute.post(`${userPath}/deactivate`, undefined, { headers: { 'if-match': String(renamed.body.version) } })).status).toBe(200);
    expect((await institute.post(`${userPath}/deactivate`, undefined, { headers: { 'if-match': String(renamed.body.version + 1) } })).status).toBe(409);
  });

  it('lists the teams serving a unit: its institute’s teams, not another institute’s', async () => {
    const station = await signIn(url, 'station.admin');
    const teams = await station.get<{ items: { teamType: string; orgUnitId: string; memberCount: number }[] }>('/api/teams');
    expect(teams.status).toBe(200);
    expect(new Set(teams.body.items.map((team) => team.teamType)).size).toBe(7);
    expect(teams.body.items.every((team) => team.memberCount > 0)).toBe(true);
    const legal = await station.get<{ items: { teamType: string }[] }>('/api/teams?teamType=legal-service');
    expect(legal.body.items.map((team) => team.teamType)).toEqual(['legal-service']);
    const otherInstitute = await signIn(url, 'institute.admin2');
    const theirs = await otherInstitute.get<{ items: { orgUnitId: string }[] }>('/api/teams');
    expect(theirs.body.items.some((team) => teams.body.items.some((mine) => mine.orgUnitId === team.orgUnitId))).toBe(false);
    // Teams are public within the area they serve: a resident sees the teams of their own institute.
    const residentTeams = await (await signIn(url, 'resident1')).get<{ items: { orgUnitId: string }[] }>('/api/teams');
    expect(residentTeams.body.items).toEqual(teams.body.items);
    expect((await new ApiClient(url).get('/api/teams')).status).toBe(401);
  });

  it('keeps an intact hash-chained audit log with a row per mutation', async () => {
    const db = database.handle.db;
    expect(await verifyAuditChain(db)).toBeNull();
    const actions = (await db.selectFrom('audit_log').select('action').execute()).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'orgUnit.create', 'orgUnit.update', 'orgUnit.deactivate', 'user.create', 'role.grant', 'role.revoke']));
    const hash = await db.selectFrom('users').select('password_hash').where('username', '=', 'district.admin').executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
    await db.updateTable('audit_log').set({ target_id: 'tampered' }).where('seq', '=', 2).execute();
    expect(await verifyAuditChain(db)).toBe(2);
  });
});
