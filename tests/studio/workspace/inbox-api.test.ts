/**
 * The inbox as the workspace reads it from the real server, on both dialects: 催办 counted on the task
 * (PostgreSQL returns counts as strings), and the pages as InboxPage asks for them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authApi } from '../../../studio/api/endpoints';
import { appendPage, INBOX_PAGE, inboxQuery } from '../../../studio/workspace/inbox-order';
import { newIdempotencyKey, workspaceApi } from '../../../studio/workspace/workspace-api';
import { browserLikeClient } from '../browser-like-client';
import { DIALECTS, type TestDatabase } from '../../server/support/dialects';
import { startServer, TestClock, type RunningServer } from '../../server/support/server';

describe.each(DIALECTS)('inbox on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  const clock = new TestClock();

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { clock });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await database?.destroy();
  });

  const signedIn = async (username: string) => {
    const client = browserLikeClient(server.baseUrl);
    const { user } = await authApi(client).login(username, 'shijian-demo');
    return { api: workspaceApi(client), user };
  };

  test('reminders (催办) show on the station admin’s task: how many and when the last one was', async () => {
    const resident = await signedIn('resident1');
    const unit = resident.user.roles[0]!.orgUnitId;
    const reminded = await resident.api.start('five-order', unit, { description: '楼道灯坏了，请帮忙修' });
    const quiet = await resident.api.start('five-order', unit, { description: '想报名书法班' });

    const remind = async () => {
      // Signed in afresh each time: the test clock jumps past the session's lifetime.
      const { api } = await signedIn('resident1');
      const current = await api.instance(reminded.id);
      expect(current.availableActions.map((a) => a.event)).toContain('remind');
      await api.command(reminded.id, current.version, { event: 'remind' }, newIdempotencyKey());
      return (await api.instance(reminded.id)).history.filter((h) => h.event === 'remind').at(-1)!.at;
    };
    await remind();
    // The workflow allows one reminder per two hours.
    clock.advance(2 * 3_600_000 + 1000);
    const lastAt = await remind();

    const station = await signedIn('station.admin');
    const { items } = await station.api.inbox();
    const task = items.find((t) => t.instanceId === reminded.id);
    expect(task?.reminders).toEqual({ count: 2, lastAt });
    expect(items.find((t) => t.instanceId === quiet.id)?.reminders).toBeNull();
  });

  test('the inbox comes a page at a time, soonest due first, and load more follows the cursor to the end', async () => {
    const resident = await signedIn('resident1');
    const unit = resident.user.roles[0]!.orgUnitId;
    for (let i = 0; i < INBOX_PAGE + 3; i++) await resident.api.start('five-order', unit, { description: `第 ${i + 1} 个需求` });
    const station = await signedIn('station.admin');
    const first = await station.api.inbox(inboxQuery({}));
    expect(first.items).toHaveLength(INBOX_PAGE);
    expect(first.nextCursor).not.toBeNull();
    let shown = first.items;
    let cursor = first.nextCursor;
    while (cursor !== null) {
      const page = await station.api.inbox(inboxQuery({}, cursor));
      shown = appendPage(shown, page.items);
      cursor = page.nextCursor;
    }
    expect(shown.length).toBeGreaterThanOrEqual(INBOX_PAGE + 3);
    expect(new Set(shown.map((t) => t.id)).size).toBe(shown.length);
    const dues = shown.map((t) => (t.dueAt ? Date.parse(t.dueAt) : Infinity));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const filtered = await station.api.inbox(inboxQuery({ workflow: 'five-order', kind: 'assigned' }));
    expect(filtered.items.every((t) => t.workflow === 'five-order' && t.pool === null)).toBe(true);
  });
});
