/**
 * What hostile input does: SQL-injection strings in every filter and path id, prototype-pollution keys,
 * deep and large JSON, expression bombs, and errors that reveal nothing of the server.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signIn } from '../server/support/client';
import { DIALECTS, type TestDatabase } from '../server/support/dialects';
import { startServer, type RunningServer } from '../server/support/server';
import { cookieOf, expectNoServerError, expectProblem, myUnit } from './support';

const injections = [`' OR '1'='1`, `1; DROP TABLE users; --`, `x' UNION SELECT password_hash FROM users --`, `%' OR path LIKE '%`, `\\'; SELECT pg_sleep(5); --`, `~`, `/`, `%`, `_`, `'||(select 1)||'`];

const fiveOrder = JSON.parse(readFileSync(join(import.meta.dirname, '../../definitions/liangzhou/workflows/five-order.json'), 'utf8')) as Record<string, unknown>;

describe.each(DIALECTS)('security: hostile input on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let admin: ApiClient;
  let stationAdmin: ApiClient;
  let station: string;

  const count = async (table: 'users' | 'workflow_instances' | 'org_units' | 'form_submissions') =>
    Number((await database.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  /**
   * Status of an oversize POST sent with a plain Node request on its own connection: the server may answer
   * 413 and close before the body is sent, which fetch reports as a failure rather than a response.
   * `chunked`: no Content-Length, so the limit must hold while streaming.
   */
  function rawStatus(body: string, chunked = false): Promise<number> {
    const headers: Record<string, string> = { 'content-type': 'application/json', cookie: `sid=${cookieOf(stationAdmin, 'sid')}`, 'x-csrf-token': stationAdmin.csrf! };
    if (!chunked) headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise((resolve, reject) => {
      const req = request(`${server.baseUrl}/api/instances`, { method: 'POST', headers, agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      req.on('error', (error) => setTimeout(() => reject(error), 200));
      if (chunked) for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
      req.end(chunked ? undefined : body);
    });
  }

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle);
    admin = await signIn(server.baseUrl, 'district.admin');
    stationAdmin = await signIn(server.baseUrl, 'station.admin');
    station = await myUnit(stationAdmin);
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('SQL injection strings in every filter, path id and the login name change nothing and widen nothing', async () => {
    const before = { users: await count('users'), units: await count('org_units') };
    const stationView = (await stationAdmin.get<{ items: unknown[] }>('/api/org-units')).body.items.length;
    for (const raw of injections) {
      const p = encodeURIComponent(raw);
      const lists = [
        `/api/instances?workflow=${p}`, `/api/instances?state=${p}`, `/api/instances?orgUnitId=${p}`, `/api/instances?cursor=${p}`,
        `/api/org-units?under=${p}`, `/api/org-units?level=${p}`, `/api/definitions?key=${p}`, `/api/definitions?kind=${p}`,
        `/api/teams?teamType=${p}`, `/api/forms/volunteer-registration/submissions?cursor=${p}`, `/api/tasks?mine=${p}`,
      ];
      for (const path of lists) {
        const response = await stationAdmin.get<{ items?: unknown[] }>(path);
        expectNoServerError(response);
        if (response.status === 200 && path.startsWith('/api/org-units')) expect(response.body.items!.length).toBeLessThanOrEqual(stationView);
        if (response.status === 200 && path.startsWith('/api/instances?orgUnitId')) expect(response.body.items).toEqual([]);
      }
      for (const path of [`/api/instances/${p}`, `/api/org-units/${p}`, `/api/definitions/workflow/${p}`, `/api/attachments/${p}`, `/api/forms/${p}/submissions`]) {
        expectNoServerError(await stationAdmin.get(path));
      }
      expectProblem(await new ApiClient(server.baseUrl).post('/api/auth/login', { username: raw, password: raw.padEnd(8, 'x') }, { headers: { 'x-forwarded-for': `10.9.${injections.indexOf(raw)}.1` } }), [400, 401]);
    }
    expect({ users: await count('users'), units: await count('org_units') }).toEqual(before);
  });

  it('prototype-pollution keys in form data, command data and definitions are refused and pollute nothing', async () => {
    const submissions = await count('form_submissions');
    const registration = { realName: '王五', idType: 'residentId', idNumber: '62060219900101123X', gender: 'male', phone: '13800001234', residenceUnit: station, consent: true, availability: ['weekend'] };
    const polluted = [
      `{"orgUnitId":"${station}","data":{"__proto__":{"isAdmin":true},"realName":"x"}}`,
      `{"orgUnitId":"${station}","data":${JSON.stringify(registration).slice(0, -1)},"constructor":{"prototype":{"isAdmin":true}}}}`,
      `{"orgUnitId":"${station}","data":${JSON.stringify(registration).slice(0, -1)},"nested":{"__proto__":{"polluted":1}}}}`,
    ];
    for (const raw of polluted) expectProblem(await stationAdmin.post('/api/forms/volunteer-registration/submissions', undefined, { raw, headers: { 'content-type': 'application/json' } }), [400, 422]);
    expect(await count('form_submissions')).toBe(submissions);
    const start = await stationAdmin.post('/api/instances', undefined, { raw: `{"workflow":"five-order","orgUnitId":"${station}","data":{"description":"x","__proto__":{"polluted":1}}}`, headers: { 'content-type': 'application/json' } });
    expectNoServerError(start);
    if (start.status === 201) expect(JSON.stringify((start.body as { input: unknown }).input)).not.toContain('polluted');
    const draft = await admin.post('/api/definitions/serviceCategory/polluted/drafts', undefined, { raw: '{"title":{"zh-CN":"污染"},"order":1,"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}', headers: { 'content-type': 'application/json' } });
    expectNoServerError(draft);
    const lint = await admin.post<{ errors: number }>('/api/definitions/serviceCategory/polluted2/lint', undefined, { raw: '{"body":{"kind":"serviceCategory","key":"polluted2","version":1,"title":{"zh-CN":"污"},"__proto__":{"isAdmin":true}}}', headers: { 'content-type': 'application/json' } });
    expectNoServerError(lint);
    // The server runs in this process: its prototypes are ours.
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('deeply nested and very large JSON: 400/413, no crash, bounded memory', async () => {
    const depth = 20_000;
    const deep = `{"workflow":"five-order","orgUnitId":"${station}","data":{"description":"x","extra":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    expect(deep.length).toBeLessThan(64 * 1024);
    const deepObject = `{"orgUnitId":"${station}","data":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    const rssBefore = process.memoryUsage().rss;
    for (let i = 0; i < 10; i++) {
      expectProblem(await stationAdmin.post('/api/instances', undefined, { raw: deep, headers: { 'content-type': 'application/json' } }), [400, 413, 422]);
      expectProblem(await stationAdmin.post('/api/forms/volunteer-registration/submissions', undefined, { raw: deepObject, headers: { 'content-type': 'application/json' } }), [400, 413, 422]);
      expect(await rawStatus(`{"data":"${'x'.repeat(2 * 1024 * 1024)}"}`)).toBe(413);
      expect(await rawStatus(`[${'1,'.repeat(200_000)}1]`)).toBe(413);
      expect(await rawStatus(`[${'1,'.repeat(200_000)}1]`, true)).toBe(413);
    }
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * 1024 * 1024);
    expect((await stationAdmin.get('/api/health')).status).toBe(200);
  });

  it('expression bombs in definitions are refused at lint and publish (expr-too-complex)', async () => {
    const bombs = [
      '[1,2,3].all(a, [1,2,3].all(b, [1,2,3].all(c, [1,2,3].all(d, true))))',
      `vars.rated && ${Array.from({ length: 600 }, (_, i) => `vars.stars != ${i}`).join(' && ')}`,
      `${'('.repeat(200)}vars.rated${')'.repeat(200)}`,
      `vars.rated && 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.matches('(a+)+$')`,
    ];
    for (const [index, bomb] of bombs.entries()) {
      const key = `bomb-${index}`;
      const body = structuredClone({ ...fiveOrder, key }) as unknown as { states: Record<string, { transitions: { guard?: string }[] }> };
      expect(body.states.closed!.transitions[0]!.guard).toBe('vars.rated && vars.stars <= 2');
      body.states.closed!.transitions[0]!.guard = bomb;
      const lint = await admin.post<{ errors: number; problems: { pointer: string; severity: string; params?: { checkerCode?: string } }[] }>(`/api/definitions/workflow/${key}/lint`, { body });
      expect(lint.status).toBe(200);
      const atGuard = lint.body.problems.filter((p) => p.pointer === '/states/closed/transitions/0/guard' && p.severity === 'error');
      expect(atGuard, JSON.stringify(lint.body.problems)).not.toEqual([]);
      // Nesting and backtracking bombs are named as such; size bombs may also fail as unparseable.
      if (index === 0 || index === 3) expect(atGuard.map((p) => p.params?.checkerCode)).toContain('expr-too-complex');
      const draft = await admin.post(`/api/definitions/workflow/${key}/drafts`, body);
      if (draft.status === 201) expectProblem(await admin.post(`/api/definitions/workflow/${key}/versions/1/publish`), 422);
      else expectProblem(draft, [400, 413, 422]);
    }
  });

  it('no stack traces in any error, and every error is problem+json', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    const responses = [
      await anonymous.get('/api/instances'),
      await stationAdmin.post('/api/instances', undefined, { raw: '{"workflow":', headers: { 'content-type': 'application/json' } }),
      await stationAdmin.post('/api/instances', undefined, { raw: 'workflow=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      await stationAdmin.post('/api/instances', { workflow: 42, orgUnitId: null, data: [] }),
      await stationAdmin.post('/api/instances', { workflow: 'no-such-flow', orgUnitId: station, data: {} }),
      await stationAdmin.post('/api/instances/no-such-id/commands', { event: 'x' }, { headers: { 'if-match': '"1"' } }),
      await stationAdmin.post('/api/instances/no-such-id/commands', { event: 'x' }),
      await stationAdmin.get('/api/definitions/not-a-kind/x'),
      await stationAdmin.put('/api/definitions/workflow/five-order/versions/1', {}, { headers: { 'if-match': 'garbage' } }),
      await stationAdmin.get('/api/instances?limit=-1'),
      await stationAdmin.get('/api/instances?limit=99999999999999999999'),
      await stationAdmin.patch(`/api/org-units/${station}`, { nameEn: 'x' }, { headers: { 'if-match': '"999"' } }),
      await stationAdmin.post('/api/attachments', undefined, { raw: 'x', headers: { 'content-type': 'image/png' } }),
    ];
    for (const response of responses) expectProblem(response, response.status);
    expect(responses.every((r) => r.status >= 400 && r.status < 500)).toBe(true);
  });

  it('unknown routes and methods are problem+json 404/405, signed in or not', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    for (const client of [anonymous, stationAdmin]) {
      for (const [method, path] of [['GET', '/api/nope'], ['POST', '/api/nope'], ['DELETE', '/api/instances'], ['GET', '/api/instances/x/y/z'], ['PUT', '/api/health'], ['GET', '/api/../../etc/passwd'], ['GET', '/nope']] as const) {
        const response = await client.request(method, path, method === 'GET' ? undefined : {});
        expectProblem(response, [401, 403, 404, 405]);
      }
    }
  });
});
