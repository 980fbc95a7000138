/**
 * Who may do what: sessions, CSRF, brute force, privilege escalation, IDOR through paths, filters and
 * attachments, uploads. Personal data is tests/security/personal-data.test.ts. The role × resource × own/other matrix itself lives in
 * tests/server/api-access-matrix.test.ts; this suite covers the routes that matrix does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoPassword, signIn } from '../server/support/client';
import { DIALECTS, type TestDatabase } from '../server/support/dialects';
import { startServer, type RunningServer } from '../server/support/server';
import { cookieOf, expectProblem, myId, myUnit, png } from './support';

describe.each(DIALECTS)('security: access on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let url: string;
  let stationAdmin: ApiClient;
  let otherStationAdmin: ApiClient;
  let districtAdmin: ApiClient;
  let ownStation: string;
  let otherStation: string;
  let farStation: string;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle);
    url = server.baseUrl;
    stationAdmin = await signIn(url, 'station.admin');
    otherStationAdmin = await signIn(url, 'station.admin2');
    districtAdmin = await signIn(url, 'district.admin');
    ownStation = await myUnit(stationAdmin);
    otherStation = await myUnit(otherStationAdmin);
    const institutes = (await districtAdmin.get<{ items: { id: string }[] }>('/api/org-units?level=institute')).body.items;
    farStation = (await districtAdmin.get<{ items: { id: string }[] }>(`/api/org-units?level=station&under=${institutes[3]!.id}`)).body.items[0]!.id;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('session fixation: a session id chosen before login is never adopted; every login issues a new one', async () => {
    const client = new ApiClient(url);
    const planted = 'attacker-chosen-session-id-000000000000';
    const login = await client.post('/api/auth/login', { username: 'volunteer1', password: demoPassword }, { headers: { cookie: `sid=${planted}` } });
    expect(login.status).toBe(200);
    const issued = cookieOf(client, 'sid')!;
    expect(issued).not.toBe(planted);
    expect(issued.length).toBeGreaterThanOrEqual(32);
    expectProblem(await new ApiClient(url).get('/api/auth/me', { headers: { cookie: `sid=${planted}` } }), 401);
    await client.post('/api/auth/login', { username: 'volunteer1', password: demoPassword });
    const second = cookieOf(client, 'sid')!;
    expect(second).not.toBe(issued);
    // The old id stays its own session (another device) but is no longer this client's; after logout it is dead.
    await client.post('/api/auth/logout');
    expectProblem(await new ApiClient(url).get('/api/auth/me', { headers: { cookie: `sid=${second}` } }), 401);
  });

  it('cookie flags: sid HttpOnly + SameSite=Lax, csrf readable, Secure only when configured behind HTTPS', async () => {
    const plain = await new ApiClient(url).post('/api/auth/login', { username: 'volunteer1', password: demoPassword });
    const sid = plain.headers.getSetCookie().find((c) => c.startsWith('sid='))!;
    expect(sid).toMatch(/HttpOnly/i);
    expect(sid).toMatch(/SameSite=Lax/i);
    expect(sid).not.toMatch(/;\s*Secure/i);
    expect(plain.headers.getSetCookie().find((c) => c.startsWith('csrf='))).not.toMatch(/HttpOnly/i);
    const secureServer = await startServer(database.reopen(), { overrides: { secureCookies: true } });
    try {
      const secure = await new ApiClient(secureServer.baseUrl).post('/api/auth/login', { username: 'volunteer1', password: demoPassword });
      for (const cookie of secure.headers.getSetCookie()) expect(cookie).toMatch(/;\s*Secure/i);
      expect(secureServer.errors).toEqual([]);
    } finally {
      await secureServer.close();
    }
  });

  it('CSRF: a cookie-authenticated mutation without, with a wrong, or with another session’s token is 403', async () => {
    const other = await signIn(url, 'institute.admin');
    const body = { workflow: 'five-order', orgUnitId: ownStation, data: { description: 'CSRF 测试' } };
    const before = (await database.handle.db.selectFrom('workflow_instances').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expectProblem(await stationAdmin.post('/api/instances', body, { noCsrf: true }), 403);
    expectProblem(await stationAdmin.post('/api/instances', body, { headers: { 'x-csrf-token': 'wrong' } }), 403);
    expectProblem(await stationAdmin.post('/api/instances', body, { headers: { 'x-csrf-token': other.csrf! } }), 403);
    const after = (await database.handle.db.selectFrom('workflow_instances').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect(Number(after)).toBe(Number(before));
    expect((await stationAdmin.post('/api/instances', body)).status).toBe(201);
  });

  it('login brute force: repeated failures for one user from many addresses, or many users from one address, get 429', async () => {
    const client = new ApiClient(url);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await client.post('/api/auth/login', { username: 'assessor1', password: `guess-${i}-xx` }, { headers: { 'x-forwarded-for': `198.51.100.${i}` } })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Even the right password waits out the lock.
    const locked = await client.post('/api/auth/login', { username: 'assessor1', password: demoPassword }, { headers: { 'x-forwarded-for': '198.51.100.200' } });
    expectProblem(locked, 429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const spray: number[] = [];
    for (let i = 0; i < 12; i++) spray.push((await client.post('/api/auth/login', { username: `nobody${i}`, password: 'password-spray' }, { headers: { 'x-forwarded-for': '192.0.2.77' } })).status);
    expect(spray.at(-1)).toBe(429);
  });

  it('privilege escalation through role assignment: no one grants above their own admin role or outside their scope', async () => {
    const selfId = await myId(stationAdmin);
    const institute = await signIn(url, 'institute.admin');
    const root = (await districtAdmin.get<{ items: { id: string; level: string }[] }>('/api/org-units?level=center')).body.items[0]!.id;
    const attempts: [ApiClient, Record<string, string>, readonly number[]][] = [
      [stationAdmin, { userId: selfId, role: 'districtAdmin', orgUnitId: ownStation }, [403]],
      [stationAdmin, { userId: selfId, role: 'instituteAdmin', orgUnitId: ownStation }, [403]],
      [stationAdmin, { userId: selfId, role: 'stationAdmin', orgUnitId: otherStation }, [403, 404]],
      [stationAdmin, { userId: selfId, role: 'assessor', orgUnitId: ownStation }, [403]],
      [institute, { userId: await myId(institute), role: 'districtAdmin', orgUnitId: root }, [403, 404]],
      [institute, { userId: selfId, role: 'stationAdmin', orgUnitId: farStation }, [403, 404]],
      [await signIn(url, 'volunteer1'), { userId: selfId, role: 'volunteer', orgUnitId: ownStation }, [403]],
    ];
    for (const [client, body, statuses] of attempts) expectProblem(await client.post('/api/role-assignments', body), statuses);
    expectProblem(await stationAdmin.post('/api/users', { username: 'sneaky.admin', displayName: '越权', password: 'sneaky-password', role: 'districtAdmin', orgUnitId: ownStation }), 403);
    const roles = (await stationAdmin.get<{ user: { roles: { role: string }[] } }>('/api/auth/me')).body.user.roles.map((r) => r.role);
    expect(roles).toEqual(['stationAdmin']);
  });

  it('IDOR through ids in paths: another unit’s instance, unit, members and task are 404', async () => {
    const resident = await signIn(url, 'resident1');
    const order = await resident.post<{ id: string }>('/api/instances', { workflow: 'five-order', orgUnitId: ownStation, data: { description: '越权读取测试', beneficiaryPhone: '13900000000' } });
    expectProblem(await otherStationAdmin.get(`/api/instances/${order.body.id}`), 404);
    expectProblem(await otherStationAdmin.post(`/api/instances/${order.body.id}/commands`, { event: 'accept_for_dispatch' }, { headers: { 'if-match': '1' } }), 404);
    expectProblem(await otherStationAdmin.get(`/api/org-units/${ownStation}`), 404);
    expectProblem(await otherStationAdmin.get(`/api/org-units/${ownStation}/members`), 404);
    const task = await database.handle.db.selectFrom('tasks').select('id').where('instance_id', '=', order.body.id).where('status', '=', 'open').executeTakeFirstOrThrow();
    expectProblem(await otherStationAdmin.post(`/api/tasks/${task.id}/claim`), [403, 404]);
  });

  it('IDOR through filters: a unit filter outside your scope yields nothing of that unit', async () => {
    const theirs = await otherStationAdmin.get<{ items: { orgUnitId: string }[] }>(`/api/instances?orgUnitId=${ownStation}`);
    if (theirs.status === 200) expect(theirs.body.items).toEqual([]);
    else expectProblem(theirs, [403, 404]);
    const units = await otherStationAdmin.get<{ items: { id: string }[] }>(`/api/org-units?under=${ownStation}`);
    if (units.status === 200) expect(units.body.items).toEqual([]);
    else expectProblem(units, [403, 404]);
    const inbox = await otherStationAdmin.get<{ items: { instanceId: string }[] }>('/api/tasks?mine=1');
    const visible = await database.handle.db.selectFrom('workflow_instances').select('id').where('org_unit_id', '=', ownStation).execute();
    const foreign = new Set(visible.map((row) => row.id));
    expect(inbox.body.items.filter((task) => foreign.has(task.instanceId))).toEqual([]);
  });

  it('IDOR through attachments: another unit cannot download or upload into a unit it does not cover', async () => {
    const upload = await stationAdmin.post<{ id: string }>(`/api/attachments?fileName=site.png&orgUnitId=${ownStation}`, undefined, { raw: png, headers: { 'content-type': 'image/png' } });
    expect(upload.status).toBe(201);
    expect((await stationAdmin.get(`/api/attachments/${upload.body.id}`)).status).toBe(200);
    expect((await districtAdmin.get(`/api/attachments/${upload.body.id}`)).status).toBe(200);
    expectProblem(await otherStationAdmin.get(`/api/attachments/${upload.body.id}`), 404);
    expectProblem(await (await signIn(url, 'institute.admin2')).get(`/api/attachments/${upload.body.id}`), 404);
    // Members of the unit read its files (a resident sees the photo of their own order).
    expect((await (await signIn(url, 'resident1')).get(`/api/attachments/${upload.body.id}`)).status).toBe(200);
    expectProblem(await otherStationAdmin.post(`/api/attachments?orgUnitId=${ownStation}`, undefined, { raw: png, headers: { 'content-type': 'image/png' } }), 403);
    // Without a unit the id is the capability (a team's completion photo, shown to whoever reads the order):
    // unguessable, and never readable without signing in.
    const loose = await stationAdmin.post<{ id: string }>('/api/attachments', undefined, { raw: png, headers: { 'content-type': 'image/png' } });
    expect(loose.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expectProblem(await new ApiClient(url).get(`/api/attachments/${loose.body.id}`), 401);
  });

  it('uploads: path traversal in names and ids goes nowhere; wrong or lying MIME types are 415', async () => {
    const traversal = await stationAdmin.post<{ id: string; sha256: string; fileName: string }>('/api/attachments?fileName=../../../../etc/passwd', undefined, { raw: png, headers: { 'content-type': 'image/png' } });
    expect(traversal.status).toBe(201);
    const stored = await database.handle.db.selectFrom('attachments').select('sha256').where('id', '=', traversal.body.id).executeTakeFirstOrThrow();
    // The file on disk is named by its hash, whatever the client called it.
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const id of ['..%2F..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..', traversal.body.sha256]) {
      const response = await stationAdmin.get(`/api/attachments/${id}`);
      expect(response.text).not.toContain('root:');
      expectProblem(response, [400, 404]);
    }
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const refused: [Uint8Array, string][] = [[html, 'text/html'], [html, 'image/png'], [svg, 'image/svg+xml'], [png, 'application/x-msdownload'], [png, 'image/jpeg'], [html, 'application/pdf']];
    for (const [bytes, type] of refused) expectProblem(await stationAdmin.post('/api/attachments', undefined, { raw: new Uint8Array(bytes), headers: { 'content-type': type } }), 415);
  });
});
