/**
 * The designer's calls against the real server (SQLite, seeded pack): draft, update with If-Match,
 * lint, publish refused with problems, publish, diff, retire, and the rubric impact preview.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browserLikeClient } from '../browser-like-client';
import { ApiError } from '../../../studio/api/client';
import { authApi } from '../../../studio/api/endpoints';
import { designerApi } from '../../../studio/designer/designer-api';
import { setItem, type RubricBody } from '../../../studio/designer/rubric/rubric-model';
import { DIALECTS, type TestDatabase } from '../../server/support/dialects';
import { startServer, type RunningServer } from '../../server/support/server';

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


describe('designer API against the server', () => {
  test('a rubric draft: refused while points do not add up, published once they do, then diffed, previewed and retired', { timeout: 60_000 }, async () => {
    const client = browserLikeClient(server.baseUrl);
    await authApi(client).login('district.admin', 'shijian-demo');
    const api = designerApi(client);
    const published = await api.get('rubric', 'station-rubric');
    const body = published.body as RubricBody;
    const s = body.sections.findIndex((x) => x.key === 'activity');
    const unbalanced = setItem(body, s, 1, { points: 10 });

    const lint = await api.lint('rubric', 'station-rubric', unbalanced);
    expect(lint.errors).toBeGreaterThan(0);
    expect(lint.problems.some((p) => p.pointer.startsWith(`/sections/${s}`) && /[\u4e00-\u9fff]/.test(p.message['zh-CN']))).toBe(true);

    const draft = await api.createDraft('rubric', 'station-rubric', unbalanced);
    expect(draft).toMatchObject({ version: 2, status: 'draft' });
    const refused = await api.publish('rubric', 'station-rubric', 2).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(422);

    const balanced = setItem(unbalanced, s, 2, { points: 3 });
    const preview = await api.rubricPreview('station-rubric', balanced, 2026);
    expect(preview.published.version).toBe(1);
    expect(preview.preview.units).toBeGreaterThan(0);

    const updated = await api.updateDraft(draft, balanced);
    expect(updated.rowVersion).toBeGreaterThan(draft.rowVersion);
    const stale = await api.updateDraft(draft, balanced).catch((e: unknown) => e);
    expect((stale as ApiError).status).toBe(412);
    expect((await api.publish('rubric', 'station-rubric', 2)).status).toBe('published');

    const diff = await api.diff('rubric', 'station-rubric', 1, 2);
    expect(diff.changes.map((c) => c.pointer).filter((p) => p !== '/version').sort()).toEqual([`/sections/${s}/items/1/points`, `/sections/${s}/items/2/points`]);
    expect((await api.retire('rubric', 'station-rubric', 1)).status).toBe('retired');
    const versions = await api.list({ kind: 'rubric', key: 'station-rubric' });
    expect(versions.items.map((v) => [v.version, v.status]).sort()).toEqual([
      [1, 'retired'],
      [2, 'published'],
    ]);
  });
});
