import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signIn } from './support/client';
import { DIALECTS, type TestDatabase } from './support/dialects';
import { startServer, type RunningServer } from './support/server';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3]);

describe.each(DIALECTS)('standalone forms and attachments on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let stationAdmin: ApiClient;
  let proxy: ApiClient;
  let stationId: string;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle);
    stationAdmin = await signIn(server.baseUrl, 'station.admin');
    proxy = await signIn(server.baseUrl, 'proxy.orderer');
    stationId = (await stationAdmin.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('validates a volunteer registration against the published form, with pointers', async () => {
    const registration = { realName: '张伟', idType: 'residentId', idNumber: '62060219900101123X', gender: 'male', phone: '13800001234', residenceUnit: stationId, consent: true, availability: ['weekend'] };
    const invalid = await stationAdmin.post<{ errors: { pointer: string; code: string }[] }>('/api/forms/volunteer-registration/submissions', { orgUnitId: stationId, data: { ...registration, phone: '12345', consent: false, idNumber: undefined } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/data/phone', '/data/consent', '/data/idNumber']));
    const stored = await stationAdmin.post<{ id: string; formVersion: number }>('/api/forms/volunteer-registration/submissions', { orgUnitId: stationId, data: registration });
    expect(stored.status).toBe(201);
    expect(stored.body.formVersion).toBe(1);
    expect((await stationAdmin.post('/api/forms/no-such-form/submissions', { orgUnitId: stationId, data: {} })).status).toBe(404);
    const district = await signIn(server.baseUrl, 'district.admin');
    const otherStation = (await district.get<{ items: { id: string }[] }>('/api/org-units?level=station')).body.items.at(-1)!.id;
    expect((await stationAdmin.post('/api/forms/volunteer-registration/submissions', { orgUnitId: otherStation, data: registration })).status).toBe(403);

    const asAdmin = await stationAdmin.get<{ items: { data: Record<string, unknown> }[] }>('/api/forms/volunteer-registration/submissions');
    expect(asAdmin.body.items[0]!.data).toMatchObject({ phone: '13800001234', idNumber: '62060219900101123X' });
    // A proxy orderer sees the station's registrations, but not the personal fields.
    const asProxy = await proxy.get<{ items: { data: Record<string, unknown> }[] }>('/api/forms/volunteer-registration/submissions');
    expect(asProxy.body.items[0]!.data).toMatchObject({ realName: '***', phone: '***', idNumber: '***' });
    const otherStationAdmin = await signIn(server.baseUrl, 'station.admin2');
    expect((await otherStationAdmin.get<{ items: unknown[] }>('/api/forms/volunteer-registration/submissions')).body.items).toHaveLength(0);
  });

  it('stores attachments by content hash, refuses wrong types and oversize files', async () => {
    const upload = await stationAdmin.post<{ id: string; sha256: string; size: number }>('/api/attachments?fileName=site.png', undefined, { raw: png, headers: { 'content-type': 'image/png' } });
    expect(upload.status).toBe(201);
    expect(upload.body.size).toBe(png.length);
    const again = await stationAdmin.post<{ id: string; sha256: string }>('/api/attachments', undefined, { raw: png, headers: { 'content-type': 'image/png' } });
    expect(again.body.sha256).toBe(upload.body.sha256);
    const download = await fetch(`${server.baseUrl}/api/attachments/${upload.body.id}`, { headers: { cookie: `sid=${(await sid(stationAdmin))}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(png);
    expect((await stationAdmin.post('/api/attachments', undefined, { raw: png, headers: { 'content-type': 'image/jpeg' } })).status).toBe(415);
    expect((await stationAdmin.post('/api/attachments', undefined, { raw: 'hello', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    const big = new Uint8Array(300 * 1024);
    big.set(png);
    expect(await statusOfUpload(`${server.baseUrl}/api/attachments`, big, { 'content-type': 'image/png', cookie: `sid=${await sid(stationAdmin)}`, 'x-csrf-token': stationAdmin.csrf! })).toBe(413);
    expect((await new ApiClient(server.baseUrl).get(`/api/attachments/${upload.body.id}`)).status).toBe(401);
    expect((await stationAdmin.get('/api/attachments/unknown-id')).status).toBe(404);
  });
});

/** The session cookie a client holds, for a raw fetch of binary content. */
async function sid(client: ApiClient): Promise<string> {
  const me = await client.request('GET', '/api/auth/me');
  expect(me.status).toBe(200);
  return (client as unknown as { cookies: Map<string, string> }).cookies.get('sid')!;
}

/**
 * The status of an upload the server may refuse before reading it (413 from Content-Length): a plain
 * Node request, which still reports the response when the server closes while the body is being sent.
 */
function statusOfUpload(url: string, body: Uint8Array, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': String(body.length) } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', (error) => setTimeout(() => reject(error), 200));
    req.end(body);
  });
}
