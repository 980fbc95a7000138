import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type ApiClient } from './support/client';
import { DIALECTS, type TestDatabase } from './support/dialects';
import { startServer, type RunningServer } from './support/server';

interface Definition {
  kind: string;
  key: string;
  version: number;
  status: string;
  body: Record<string, unknown>;
  contentHash: string;
  rowVersion: number;
}

const category = (zh: string) => ({ kind: 'serviceCategory', key: 'ignored', version: 99, title: { 'zh-CN': zh, en: 'Test category' }, order: 20 });

describe.each(DIALECTS)('definitions API on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let admin: ApiClient;
  let station: ApiClient;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { engine: false });
    admin = await signIn(server.baseUrl, 'district.admin');
    station = await signIn(server.baseUrl, 'station.admin');
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('lists and reads published definitions of the pack; unknown ones are 404, bad kinds 400', async () => {
    const list = await station.get<{ items: { kind: string; status: string }[] }>('/api/definitions?kind=form');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(3);
    expect(list.body.items.every((item) => item.kind === 'form' && item.status === 'published')).toBe(true);
    // Each names what it is in both languages, so a choice of service items reads 义诊巡诊, not free-clinic.
    const items = await station.get<{ items: { key: string; title: { 'zh-CN': string; en?: string } | null }[] }>('/api/definitions?kind=serviceItem');
    expect(items.body.items.find((item) => item.key === 'free-clinic')?.title).toEqual({ 'zh-CN': '义诊巡诊', en: expect.any(String) });
    expect(items.body.items.every((item) => item.title !== null && item.title['zh-CN'].length > 0)).toBe(true);
    const form = await station.get<Definition>('/api/definitions/form/service-order');
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ kind: 'form', key: 'service-order', version: 1, status: 'published', createdBy: 'system' });
    expect(form.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(form.body.body).toMatchObject({ kind: 'form', key: 'service-order' });
    expect((await station.get('/api/definitions/form/service-order?version=1')).status).toBe(200);
    expect((await station.get('/api/definitions/form/service-order?version=7')).status).toBe(404);
    expect((await station.get('/api/definitions/form/nope')).status).toBe(404);
    expect((await station.get('/api/definitions/gadget/x')).status).toBe(400);
  });

  it('creates and updates drafts (district staff only, If-Match on rowVersion), hidden from others', async () => {
    expect((await station.post('/api/definitions/serviceCategory/test-one/drafts', category('测试'))).status).toBe(403);
    const draft = await admin.post<Definition>('/api/definitions/serviceCategory/test-one/drafts', category('测试'));
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ kind: 'serviceCategory', key: 'test-one', version: 1, status: 'draft', rowVersion: 1 });
    expect(draft.body.body).toMatchObject({ key: 'test-one', version: 1 });
    expect((await station.get('/api/definitions/serviceCategory/test-one?version=1')).status).toBe(404);
    const path = '/api/definitions/serviceCategory/test-one/versions/1';
    expect((await admin.put(path, category('测试二'))).status).toBe(428);
    const updated = await admin.put<Definition>(path, category('测试二'), { headers: { 'if-match': '1' } });
    expect(updated.status).toBe(200);
    expect(updated.body.rowVersion).toBe(2);
    expect(updated.body.contentHash).not.toBe(draft.body.contentHash);
    expect((await admin.put(path, category('测试三'), { headers: { 'if-match': '1' } })).status).toBe(412);
    expect((await admin.put(path, [1, 2], { headers: { 'if-match': '2' } })).status).toBe(400);
  });

  it('lints a body with pointers, refuses to publish with errors (422), publishes when clean', async () => {
    const broken = { kind: 'serviceCategory', key: 'test-broken', version: 1, title: { en: 'no chinese' } };
    const lint = await admin.post<{ errors: number; problems: { pointer: string; code: string }[] }>('/api/definitions/serviceCategory/test-broken/lint', { body: broken });
    expect(lint.status).toBe(200);
    expect(lint.body.errors).toBeGreaterThan(0);
    expect(lint.body.problems.map((p) => p.pointer)).toContain('/title/zh-CN');
    expect((await admin.post('/api/definitions/serviceCategory/test-broken/lint', { body: broken, extra: 1 })).status).toBe(400);
    await admin.post('/api/definitions/serviceCategory/test-broken/drafts', broken);
    const refused = await admin.post<{ status: number; errors: { pointer: string; code: string }[]; rule: string }>('/api/definitions/serviceCategory/test-broken/versions/1/publish');
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e) => e.pointer)).toContain('/title/zh-CN');
    expect((await admin.get<Definition>('/api/definitions/serviceCategory/test-broken?version=1')).body.status).toBe('draft');
    expect((await station.post('/api/definitions/serviceCategory/test-one/versions/1/publish')).status).toBe(403);
    const published = await admin.post<Definition>('/api/definitions/serviceCategory/test-one/versions/1/publish');
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect((await admin.post('/api/definitions/serviceCategory/test-one/versions/1/publish')).status).toBe(409);
    expect((await admin.put('/api/definitions/serviceCategory/test-one/versions/1', category('x'), { headers: { 'if-match': '3' } })).status).toBe(409);
    expect((await station.get<Definition>('/api/definitions/serviceCategory/test-one')).body.body.title).toEqual({ 'zh-CN': '测试二', en: 'Test category' });
  });

  it('diffs two versions by JSON pointer and retires a version', async () => {
    await admin.post('/api/definitions/serviceCategory/test-one/drafts', { ...category('测试二'), title: { 'zh-CN': '测试 第二版', en: 'Test category' }, icon: 'star' });
    const diff = await station.get<{ changes: { op: string; pointer: string; from?: unknown; to?: unknown }[] }>('/api/definitions/serviceCategory/test-one/diff?from=1&to=2');
    expect(diff.status).toBe(404); // version 2 is a draft: station staff do not see it
    const seen = await admin.get<{ changes: { op: string; pointer: string; from?: unknown; to?: unknown }[] }>('/api/definitions/serviceCategory/test-one/diff?from=1&to=2');
    expect(seen.body.changes).toEqual(
      expect.arrayContaining([
        { op: 'replace', pointer: '/title/zh-CN', from: '测试二', to: '测试 第二版' },
        { op: 'replace', pointer: '/version', from: 1, to: 2 },
        { op: 'add', pointer: '/icon', to: 'star' },
      ]),
    );
    expect((await admin.get('/api/definitions/serviceCategory/test-one/diff?from=1')).status).toBe(400);
    expect((await station.post('/api/definitions/serviceCategory/test-one/versions/1/retire')).status).toBe(403);
    const retired = await admin.post<Definition>('/api/definitions/serviceCategory/test-one/versions/1/retire');
    expect(retired.body.status).toBe('retired');
    expect((await admin.post('/api/definitions/serviceCategory/test-one/versions/1/retire')).status).toBe(409);
    expect((await station.get('/api/definitions/serviceCategory/test-one')).status).toBe(404);
  });

  it('exports a bundle and round-trips it byte for byte through import into an empty database', async () => {
    const bundle = {
      kind: 'bundle',
      key: 'test-bundle',
      version: 1,
      title: { 'zh-CN': '测试定义包', en: 'Test bundle' },
      members: [
        { kind: 'serviceCategory', key: 'theory-policy', version: 1 },
        { kind: 'form', key: 'reason', version: 1 },
        { kind: 'serviceCategory', key: 'culture-arts', version: 1 },
      ],
    };
    await admin.post('/api/definitions/bundle/test-bundle/drafts', bundle);
    expect((await admin.post('/api/definitions/bundle/test-bundle/versions/1/publish')).status).toBe(200);
    const first = await station.get('/api/bundles/test-bundle/export');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ format: 'shijian-bundle/1', bundle: { key: 'test-bundle' } });
    expect((first.body as { definitions: unknown[] }).definitions).toHaveLength(3);
    expect((await admin.post<{ imported: number; unchanged: number }>('/api/bundles/import', first.body)).body).toEqual({ imported: 0, unchanged: 4 });

    const otherDatabase = await dialect.create();
    const other = await startServer(otherDatabase.handle, { engine: false, packDirectory: mkdtempSync(join(tmpdir(), 'empty-pack-')) });
    try {
      const otherAdmin = await signIn(other.baseUrl, 'district.admin');
      expect((await otherAdmin.get('/api/bundles/test-bundle/export')).status).toBe(404);
      const otherStation = await signIn(other.baseUrl, 'station.admin');
      expect((await otherStation.post('/api/bundles/import', first.body)).status).toBe(403);
      const imported = await otherAdmin.request<{ imported: number }>('POST', '/api/bundles/import', undefined, { raw: first.text, headers: { 'content-type': 'application/json' } });
      expect(imported.body).toEqual({ imported: 4, unchanged: 0 });
      const again = await otherAdmin.get('/api/bundles/test-bundle/export');
      expect(again.text).toBe(first.text);
      const changed = JSON.parse(first.text) as { definitions: { title: { 'zh-CN': string } }[] };
      changed.definitions[0]!.title['zh-CN'] = '改过';
      expect((await otherAdmin.post('/api/bundles/import', changed)).status).toBe(409);
      expect((await otherAdmin.post('/api/bundles/import', { format: 'other', bundle: {}, definitions: [] })).status).toBe(400);
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
      await otherDatabase.destroy();
    }
  });
});
