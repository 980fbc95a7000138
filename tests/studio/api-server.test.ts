/**
 * The studio's API client, endpoints and reference lookup against the real server (SQLite, seeded):
 * the contract the pages rely on. A small cookie jar stands in for the browser's.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browserLikeClient } from './browser-like-client';
import { ApiError } from '../../studio/api/client';
import { authApi, definitionsApi, DISTRICT_ROLES, hasAnyRole } from '../../studio/api/endpoints';
import { createReferenceLookup } from '../../studio/api/references';
import { DIALECTS, type TestDatabase } from '../server/support/dialects';
import { startServer, type RunningServer } from '../server/support/server';

let database: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await DIALECTS.find((d) => d.name === 'sqlite')!.create();
  server = await startServer(database.handle, { engine: false });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.destroy();
});


describe('studio API client against the server', () => {
  test('login, me and logout; a district admin sees the designer, a resident does not', async () => {
    const client = browserLikeClient(server.baseUrl);
    const auth = authApi(client);
    await expect(auth.me()).rejects.toMatchObject({ status: 401 });
    const { user } = await auth.login('district.admin', 'shijian-demo');
    expect(hasAnyRole(user, DISTRICT_ROLES)).toBe(true);
    expect((await auth.me()).user.username).toBe('district.admin');
    await auth.logout();
    await expect(auth.me()).rejects.toBeInstanceOf(ApiError);

    const resident = await authApi(browserLikeClient(server.baseUrl)).login('resident1', 'shijian-demo');
    expect(hasAnyRole(resident.user, DISTRICT_ROLES)).toBe(false);
  });

  test('a wrong password is a problem+json error the login page can show', async () => {
    const error = await authApi(browserLikeClient(server.baseUrl))
      .login('district.admin', 'wrong')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).title).toBeTruthy();
  });

  test('a form definition by key, and 404 as a typed error', async () => {
    const client = browserLikeClient(server.baseUrl);
    await authApi(client).login('district.admin', 'shijian-demo');
    const stored = await definitionsApi(client).getForm('activity-record');
    expect(stored.kind).toBe('form');
    expect(stored.body.key).toBe('activity-record');
    expect(stored.body.title['zh-CN']).toBeTruthy();
    const missing = await definitionsApi(client)
      .getForm('no-such-form')
      .catch((e: unknown) => e);
    expect((missing as ApiError).status).toBe(404);
  });

  test('reference lookups list teams and org units by name, and definition kinds by their titles with their keys as values', async () => {
    const client = browserLikeClient(server.baseUrl);
    await authApi(client).login('district.admin', 'shijian-demo');
    const lookup = createReferenceLookup(client);
    const units = await lookup('orgUnit');
    expect(units.length).toBeGreaterThan(10);
    expect(units.some((u) => /\p{Script=Han}/u.test(u.label))).toBe(true);
    expect((await lookup('team')).length).toBeGreaterThan(0);
    const items = await lookup('serviceItem');
    expect(items.length).toBeGreaterThan(0);
    // Each key once (the latest version names it), labelled in both languages.
    expect(new Set(items.map((i) => i.value)).size).toBe(items.length);
    expect(items.find((i) => i.value === 'free-clinic')).toEqual({ value: 'free-clinic', label: '义诊巡诊', labels: { 'zh-CN': '义诊巡诊', en: expect.any(String) } });
    expect(items.every((i) => /\p{Script=Han}/u.test(i.label))).toBe(true);
    expect(await lookup('unknownKind')).toEqual([]);
  });
});
