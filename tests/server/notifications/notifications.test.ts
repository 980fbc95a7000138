import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationChannel, OutboundMessage } from '../../../server/notifications/channels/channel';
import { channelsFromEnv } from '../../../server/notifications/channels/config';
import { logChannel } from '../../../server/notifications/channels/log-channel';
import { webhookChannel } from '../../../server/notifications/channels/webhook-channel';
import { deliverDue } from '../../../server/notifications/deliveries';
import { outsideQuietHours } from '../../../server/notifications/quiet-hours';
import { verify } from '../../../server/webhooks/signature';
import { startNotificationWorker, type NotificationWorker } from '../../../server/workers/notification-worker';
import { signIn, type ApiClient } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { startServer, TestClock, type RunningServer } from '../support/server';

interface Instance {
  id: string;
  state: string;
  version: number;
}
interface Notification {
  id: string;
  kind: string;
  urgency: string;
  message: string;
  title: { 'zh-CN': string; en: string };
  instanceId: string | null;
  taskId: string | null;
  readAt: string | null;
}
interface Page {
  items: Notification[];
  nextCursor: string | null;
}

const hour = 3_600_000;

describe('quiet hours (Beijing time)', () => {
  const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const beijingMinute = (date: Date) => Math.floor(((date.getTime() + 8 * hour) % 86_400_000) / 60_000);
  const minutes = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
  const inside = (minute: number, start: number, end: number) => (start < end ? minute >= start && minute < end : minute >= start || minute < end);

  it('moves a time inside the window to its end, and leaves any other time alone', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }), hhmm, hhmm, (at, start, end) => {
        const result = outsideQuietHours(at, start, end);
        const from = minutes(start);
        const to = minutes(end);
        expect(result.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(result.getTime() - at.getTime()).toBeLessThan(24 * hour);
        if (from === to || !inside(beijingMinute(at), from, to)) expect(result).toEqual(at);
        else {
          expect(beijingMinute(result)).toBe(to);
          expect(inside(beijingMinute(result), from, to)).toBe(false);
        }
      }),
    );
  });

  it('wraps past midnight: 23:30 Beijing under 22:00–07:00 waits until 07:00 the next morning', () => {
    expect(outsideQuietHours(new Date('2026-03-02T15:30:00Z'), '22:00', '07:00').toISOString()).toBe('2026-03-02T23:00:00.000Z');
    expect(outsideQuietHours(new Date('2026-03-02T20:00:00Z'), '22:00', '07:00').toISOString()).toBe('2026-03-02T23:00:00.000Z');
    expect(outsideQuietHours(new Date('2026-03-02T01:00:00Z'), '22:00', '07:00').toISOString()).toBe('2026-03-02T01:00:00.000Z');
  });
});

describe('channel configuration (SHIJIAN_NOTIFY_CHANNELS)', () => {
  it('builds the configured adapters, and refuses a broken list with the reason', () => {
    expect(channelsFromEnv(undefined)).toEqual([]);
    const channels = channelsFromEnv(JSON.stringify([{ type: 'webhook', id: 'sms', label: { 'zh-CN': '短信', en: 'SMS' }, url: 'https://gateway.example/sms', secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=' }, { type: 'log', id: 'dev' }]));
    expect(channels.map((c) => [c.id, c.label.en])).toEqual([
      ['sms', 'SMS'],
      ['dev', 'dev'],
    ]);
    expect(() => channelsFromEnv('[{')).toThrow(/not valid JSON/);
    expect(() => channelsFromEnv(JSON.stringify([{ type: 'webhook', id: 'sms', url: 'ftp://x', secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=' }]))).toThrow(/\/0\/url/);
    expect(() => channelsFromEnv(JSON.stringify([{ type: 'log', id: 'dev' }, { type: 'log', id: 'dev' }]))).toThrow(/unique/);
    expect(() => channelsFromEnv(JSON.stringify([{ type: 'carrier-pigeon', id: 'x' }]))).toThrow(/SHIJIAN_NOTIFY_CHANNELS/);
  });
});

describe.each(DIALECTS)('notifications on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let clock: TestClock;
  let worker: NotificationWorker;
  let resident: ApiClient;
  let stationAdmin: ApiClient;
  let teamLeader: ApiClient;
  let stationId: string;
  let teamId: string;
  const sent: OutboundMessage[] = [];
  const recording: NotificationChannel = { id: 'sms', label: { 'zh-CN': '短信', en: 'SMS' }, deliver: async (message) => (sent.push(message), { ok: true }) };

  const command = (client: ApiClient, id: string, version: number, body: Record<string, unknown>) => client.post<Instance>(`/api/instances/${id}/commands`, body, { headers: { 'if-match': `"${version}"` } });
  const unread = async (client: ApiClient) => (await client.get<{ count: number }>('/api/notifications/unread-count')).body.count;

  /** An order at the station, dispatched to the demo team: its 接单 task is the team leader's. */
  async function dispatchedOrder(description = '需要上门理发'): Promise<Instance> {
    const started = await resident.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: stationId, data: { description, beneficiaryPhone: '13800000000' } });
    expect(started.status).toBe(201);
    // A second between commands, as people take: each command's history entry has its own instant.
    clock.advance(1000);
    expect((await command(stationAdmin, started.body.id, 1, { event: 'accept_for_dispatch' })).status).toBe(200);
    clock.advance(1000);
    const dispatched = await command(stationAdmin, started.body.id, 2, { event: 'dispatch', data: { mode: 'directed', teamId } });
    expect(dispatched.body.state).toBe('dispatched');
    return dispatched.body;
  }

  beforeAll(async () => {
    database = await dialect.create();
    clock = new TestClock();
    server = await startServer(database.handle, { clock, overrides: { notificationChannels: [recording] } });
    // Long intervals: the test drives the worker by hand, so each step is deterministic.
    worker = startNotificationWorker({ deps: server.deps, channels: [recording], dispatchIntervalMs: 3_600_000, watchIntervalMs: 3_600_000 });
    resident = await signIn(server.baseUrl, 'resident1');
    stationAdmin = await signIn(server.baseUrl, 'station.admin');
    teamLeader = await signIn(server.baseUrl, 'team.leader');
    stationId = (await resident.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
    const leaderId = (await teamLeader.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
    teamId = (await stationAdmin.get<{ items: { id: string; leaderUserId: string | null }[] }>('/api/teams')).body.items.find((team) => team.leaderUserId === leaderId)!.id;
    await worker.runOnce();
    await teamLeader.post('/api/notifications/read-all');
  });
  afterAll(async () => {
    await worker.stop();
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('a dispatched order notifies the team leader, only them, once; they mark it read', async () => {
    const before = await unread(teamLeader);
    const residentBefore = (await resident.get<Page>('/api/notifications?limit=100')).body.items.length;
    const order = await dispatchedOrder();
    await worker.dispatchOnce();
    await worker.dispatchOnce();
    expect(await unread(teamLeader)).toBe(before + 1);
    const page = await teamLeader.get<Page>('/api/notifications?unread=true');
    const mine = page.body.items.filter((item) => item.instanceId === order.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'assigned', urgency: 'normal', message: 'workflow.task.assigned', readAt: null });
    expect(mine[0]!.title['zh-CN']).toContain('接单');
    expect(mine[0]!.title.en).toContain('Accept the order');
    expect(mine[0]!.taskId).not.toBeNull();
    // Nobody else sees it; marking someone else's is a 404 problem.
    expect((await resident.get<Page>('/api/notifications?limit=100')).body.items).toHaveLength(residentBefore);
    const foreign = await resident.post(`/api/notifications/${mine[0]!.id}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');
    const read = await teamLeader.post<Notification>(`/api/notifications/${mine[0]!.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    // The station admin was told of the new order, but not of the 派单 step their own 受理 gave them.
    const admins = (await stationAdmin.get<Page>('/api/notifications?limit=100')).body.items.filter((item) => item.instanceId === order.id);
    expect(admins.map((item) => item.title['zh-CN'])).toEqual(['新待办：受理订单']);
    expect(await unread(teamLeader)).toBe(before);
    expect((await teamLeader.post(`/api/notifications/${mine[0]!.id}/read`, undefined, { noCsrf: true })).status).toBe(403);
  });

  it('a 催办 notifies the current assignee at once, urgent, on their outbound channel even in quiet hours', async () => {
    // Quiet hours around now (09:00 Beijing): the urgent reminder must not wait for them.
    expect((await teamLeader.put('/api/notifications/preferences', { channels: { assigned: ['sms'], reminder: ['sms'] }, quietHours: { start: '08:00', end: '12:00' } })).status).toBe(200);
    const order = await dispatchedOrder('催办测试');
    await worker.dispatchOnce();
    const reminded = await command(stationAdmin, order.id, order.version, { event: 'remind' });
    expect(reminded.status).toBe(200);
    await worker.runOnce();
    const items = (await teamLeader.get<Page>('/api/notifications?unread=1')).body.items.filter((item) => item.instanceId === order.id);
    expect(items.map((item) => [item.kind, item.urgency])).toEqual([
      ['reminder', 'urgent'],
      ['assigned', 'normal'],
    ]);
    expect(items[0]!.title['zh-CN']).toBe('催办：接单');
    const outbound = sent.filter((message) => message.instanceId === order.id && message.user.username === 'team.leader');
    // The reminder went out; the non-urgent assignment waits for 12:00 Beijing.
    expect(outbound.map((message) => message.kind)).toEqual(['reminder']);
    expect(outbound[0]).toMatchObject({ channel: 'sms', urgency: 'urgent', user: { username: 'team.leader' } });
    const waiting = await database.handle.db.selectFrom('notification_deliveries').innerJoin('notifications', 'notifications.id', 'notification_deliveries.notification_id').select(['notification_deliveries.next_attempt_at', 'notification_deliveries.status']).innerJoin('users', 'users.id', 'notifications.user_id').where('users.username', '=', 'team.leader').where('notifications.instance_id', '=', order.id).where('notifications.kind', '=', 'assigned').execute();
    expect(waiting).toEqual([{ next_attempt_at: '2026-03-02T04:00:00.000Z', status: 'pending' }]);
  });

  it('quiet hours defer a non-urgent outbound delivery until they end', async () => {
    const order = await dispatchedOrder('免打扰测试');
    await worker.runOnce();
    const leaders = () => sent.filter((message) => message.instanceId === order.id && message.user.username === 'team.leader');
    expect(leaders()).toEqual([]);
    clock.advance(3 * hour + 1000); // 12:00:01 Beijing
    await worker.runOnce();
    expect(leaders().map((message) => message.kind)).toEqual(['assigned']);
    clock.advance(-(3 * hour + 1000));
    await teamLeader.put('/api/notifications/preferences', { channels: {}, quietHours: null });
  });

  it('warns once when 80 % of a task’s time has passed, before it is due', async () => {
    const order = await dispatchedOrder('超时预警测试');
    await worker.runOnce();
    // Read from the table: hours pass on the test clock, and the signed-in sessions would expire.
    const warnings = async () => {
      const rows = await database.handle.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select(['notifications.id', 'users.username', 'notifications.urgency', 'notifications.message']).where('notifications.instance_id', '=', order.id).where('notifications.kind', '=', 'slaWarning').execute();
      expect(rows.every((row) => row.username === 'team.leader')).toBe(true);
      return rows;
    };
    const start = clock.nowMs;
    try {
      clock.advance(19 * hour); // 接单 is due after 24 h: 79 %
      await worker.runOnce();
      expect(await warnings()).toHaveLength(0);
      clock.advance(hour + 60_000); // just past 80 %
      await worker.runOnce();
      await worker.runOnce();
      const warned = await warnings();
      expect(warned).toHaveLength(1);
      expect(warned[0]).toMatchObject({ urgency: 'urgent', message: 'notification.sla.warning' });
      clock.advance(2 * hour);
      await worker.runOnce();
      expect(await warnings()).toHaveLength(1);
    } finally {
      clock.nowMs = start;
    }
    const shown = (await teamLeader.get<Page>('/api/notifications?limit=100')).body.items.find((item) => item.instanceId === order.id && item.kind === 'slaWarning');
    expect(shown!.title['zh-CN']).toBe('即将超时：接单');
  });

  it('a pool dispatch (抢单) tells everyone who may claim it, once', async () => {
    const started = await resident.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: stationId, data: { description: '抢单测试', beneficiaryPhone: '13800000000' } });
    await command(stationAdmin, started.body.id, 1, { event: 'accept_for_dispatch' });
    expect((await command(stationAdmin, started.body.id, 2, { event: 'dispatch', data: { mode: 'pool' } })).status).toBe(200);
    await worker.runOnce();
    await worker.runOnce();
    const db = database.handle.db;
    const leaders = await db.selectFrom('role_memberships').select('user_id').distinct().where('role', '=', 'teamLeader').execute();
    const told = await db.selectFrom('notifications').select('user_id').where('instance_id', '=', started.body.id).where('message', '=', 'notification.pool.opened').execute();
    expect(told.map((row) => row.user_id).sort()).toEqual(leaders.map((row) => row.user_id).sort());
    const mine = (await teamLeader.get<Page>('/api/notifications?limit=100')).body.items.find((item) => item.instanceId === started.body.id);
    expect(mine).toMatchObject({ kind: 'assigned', title: { 'zh-CN': '可抢单：接单' } });
  });

  it('refuses bad preferences with pointers and changes nothing', async () => {
    const before = await teamLeader.get('/api/notifications/preferences');
    const unknownChannel = await teamLeader.put<{ errors: { pointer: string }[] }>('/api/notifications/preferences', { channels: { assigned: ['sms', 'pigeon'] }, quietHours: null });
    expect(unknownChannel.status).toBe(400);
    expect(unknownChannel.body.errors.map((e) => e.pointer)).toEqual(['/channels/assigned/1']);
    const badTime = await teamLeader.put<{ errors: { pointer: string }[] }>('/api/notifications/preferences', { channels: {}, quietHours: { start: '25:00', end: '07:00' } });
    expect(badTime.status).toBe(400);
    expect(badTime.body.errors.map((e) => e.pointer)).toEqual(['/quietHours/start']);
    const sameTimes = await teamLeader.put<{ errors: { pointer: string }[] }>('/api/notifications/preferences', { channels: {}, quietHours: { start: '07:00', end: '07:00' } });
    expect(sameTimes.body.errors.map((e) => e.pointer)).toEqual(['/quietHours/end']);
    expect((await teamLeader.put('/api/notifications/preferences', { channels: { nope: [] }, quietHours: null })).status).toBe(400);
    expect((await teamLeader.get('/api/notifications?limit=0')).status).toBe(400);
    expect((await teamLeader.get('/api/notifications/preferences')).body).toEqual(before.body);
    expect(before.body).toMatchObject({ availableChannels: [{ id: 'sms', label: { 'zh-CN': '短信', en: 'SMS' } }] });
    expect((await new (await import('../support/client')).ApiClient(server.baseUrl).get('/api/notifications/unread-count')).status).toBe(401);
  });

  it('pages newest first with a cursor and marks all read', async () => {
    for (let i = 0; i < 3; i++) await dispatchedOrder(`分页 ${i}`);
    await worker.runOnce();
    const first = await teamLeader.get<Page>('/api/notifications?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await teamLeader.get<Page>(`/api/notifications?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0]!.id < first.body.items[1]!.id).toBe(true);
    expect((await teamLeader.post<{ updated: number }>('/api/notifications/read-all')).body.updated).toBeGreaterThanOrEqual(3);
    expect(await unread(teamLeader)).toBe(0);
  });

  it('delivers each notification exactly once with two dispatchers racing', async () => {
    const db = database.handle.db;
    const users = await db.selectFrom('users').select('id').where('username', 'in', ['volunteer1', 'assessor1']).execute();
    const at = clock.now().toISOString();
    const rows = Array.from({ length: 400 }, (_, i) => ({ id: `race-${String(i).padStart(4, '0')}`, instance_id: null, kind: 'notify', payload: JSON.stringify({ type: 'notify', to: users.map((u) => u.id), message: 'order.completed', data: {} }), created_at: at, delivered_at: null, attempts: 0, version: 1 }));
    await db.insertInto('outbox').values(rows).execute();
    // PostgreSQL: a second connection pool, as a second server has. SQLite is one server's file: its rival is a second worker in the process.
    const second = dialect.name === 'postgres' ? database.reopen() : database.handle;
    await second.db.selectFrom('users').select('id').limit(1).execute(); // connected before the race starts
    const other = startNotificationWorker({ deps: { ...server.deps, database: second }, channels: [], dispatchIntervalMs: 3_600_000, watchIntervalMs: 3_600_000 });
    const drain = async (w: NotificationWorker) => {
      let total = 0;
      for (let i = 0; i < 30; i++) total += await w.dispatchOnce();
      return total;
    };
    try {
      const [a, b] = await Promise.all([drain(worker), drain(other)]);
      expect(a + b).toBe(800);
      if (dialect.name === 'postgres') expect(Math.min(a, b)).toBeGreaterThan(0);
    } finally {
      await other.stop();
    }
    const written = await db.selectFrom('notifications').select(['source_id', 'user_id']).where('source_id', 'like', 'race-%').execute();
    expect(written).toHaveLength(800);
    expect(new Set(written.map((row) => `${row.source_id} ${row.user_id}`)).size).toBe(800);
  });
});

describe.each(DIALECTS)('outbound channels on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { engine: false });
  });
  afterAll(async () => {
    await server.close();
    await database.destroy();
  });

  it('the webhook adapter retries with backoff, then succeeds, signed like subscription webhooks', async () => {
    const secret = 'whsec_' + Buffer.from('notification-secret-0123456789').toString('base64');
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    const gateway = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.statusCode = received.length <= 2 ? 503 : 200;
        response.end();
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
    const clock = new TestClock();
    const channel = webhookChannel({ id: 'sms', label: { 'zh-CN': '短信', en: 'SMS' }, url, secret, now: clock.now });
    const db = database.handle.db;
    const user = await db.selectFrom('users').select('id').where('username', '=', 'volunteer1').executeTakeFirstOrThrow();
    const at = clock.now().toISOString();
    await db.insertInto('notifications').values({ id: 'n-webhook-1', user_id: user.id, kind: 'reminder', urgency: 'urgent', message: 'workflow.task.reminder', params: JSON.stringify({ task: { 'zh-CN': '接单', en: 'Accept' } }), instance_id: null, task_id: null, source_id: 'test', created_at: at, read_at: null }).execute();
    await db.insertInto('notification_deliveries').values({ id: 'ntf-1', notification_id: 'n-webhook-1', user_id: user.id, channel: 'sms', status: 'pending', attempts: 0, next_attempt_at: at, last_error: null, delivered_at: null, created_at: at }).execute();
    const options = { database: database.handle, clock: clock.now, channels: [channel], baseBackoffMs: 1_000, timeoutMs: 500 };
    const state = () => db.selectFrom('notification_deliveries').select(['status', 'attempts', 'last_error', 'next_attempt_at']).where('id', '=', 'ntf-1').executeTakeFirstOrThrow();
    try {
      expect(await deliverDue(options)).toBe(0);
      expect(await state()).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 503', next_attempt_at: '2026-03-02T01:00:01.000Z' });
      expect(await deliverDue(options)).toBe(0); // not due yet: nothing sent
      expect(received).toHaveLength(1);
      clock.advance(1_000);
      expect(await deliverDue(options)).toBe(0);
      expect(await state()).toMatchObject({ attempts: 2, next_attempt_at: '2026-03-02T01:00:03.000Z' }); // doubled
      clock.advance(2_000);
      expect(await deliverDue(options)).toBe(1);
      expect(await state()).toMatchObject({ status: 'delivered', attempts: 3, last_error: null });
      expect(received).toHaveLength(3);
      const ids = new Set(received.map((r) => r.headers['webhook-id']));
      expect(ids).toEqual(new Set(['ntf-1']));
      const last = received[2]!;
      expect(verify(secret, { id: String(last.headers['webhook-id']), timestamp: String(last.headers['webhook-timestamp']), signature: String(last.headers['webhook-signature']) }, last.body, Math.floor(clock.nowMs / 1000))).toBe(true);
      expect(JSON.parse(last.body)).toMatchObject({ id: 'ntf-1', kind: 'reminder', urgency: 'urgent', user: { username: 'volunteer1' }, title: { 'zh-CN': '催办：接单' } });
    } finally {
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
    }
  });

  it('a delivery whose channel is gone is dead at once; the log adapter writes one line', async () => {
    const db = database.handle.db;
    const clock = new TestClock();
    const user = await db.selectFrom('users').select('id').where('username', '=', 'volunteer1').executeTakeFirstOrThrow();
    const at = clock.now().toISOString();
    await db.insertInto('notifications').values({ id: 'n-log-1', user_id: user.id, kind: 'update', urgency: 'normal', message: 'order.completed', params: '{}', instance_id: null, task_id: null, source_id: 'test-log', created_at: at, read_at: null }).execute();
    await db.insertInto('notification_deliveries').values([
      { id: 'ntf-log', notification_id: 'n-log-1', user_id: user.id, channel: 'dev', status: 'pending', attempts: 0, next_attempt_at: at, last_error: null, delivered_at: null, created_at: at },
      { id: 'ntf-gone', notification_id: 'n-log-1', user_id: user.id, channel: 'wechat', status: 'pending', attempts: 0, next_attempt_at: at, last_error: null, delivered_at: null, created_at: at },
    ]).execute();
    const lines: string[] = [];
    expect(await deliverDue({ database: database.handle, clock: clock.now, channels: [logChannel('dev', { 'zh-CN': '开发', en: 'Dev' }, (line) => lines.push(line))] })).toBe(1);
    expect(lines).toEqual([expect.stringContaining('服务已完成，请评价')]);
    expect(await db.selectFrom('notification_deliveries').select(['id', 'status', 'last_error']).where('id', 'in', ['ntf-log', 'ntf-gone']).orderBy('id').execute()).toEqual([
      { id: 'ntf-gone', status: 'dead', last_error: 'channel wechat is not configured' },
      { id: 'ntf-log', status: 'delivered', last_error: null },
    ]);
  });

  it('district admins see dead letters and send one again; nobody else may', async () => {
    const admin = await signIn(server.baseUrl, 'district.admin');
    const station = await signIn(server.baseUrl, 'station.admin');
    const dead = await admin.get<{ items: { id: string; status: string; lastError: string | null }[] }>('/api/notifications/deliveries?status=dead');
    expect(dead.status).toBe(200);
    expect(dead.body.items).toEqual([expect.objectContaining({ id: 'ntf-gone', status: 'dead', lastError: 'channel wechat is not configured' })]);
    expect((await station.get('/api/notifications/deliveries')).status).toBe(403);
    expect((await station.post('/api/notifications/deliveries/ntf-gone/retry')).status).toBe(403);
    expect((await admin.post('/api/notifications/deliveries/ntf-log/retry')).status).toBe(409);
    expect((await admin.post('/api/notifications/deliveries/no-such/retry')).status).toBe(404);
    expect((await admin.get('/api/notifications/deliveries?status=lost')).status).toBe(400);
    const retried = await admin.post<{ status: string; attempts: number }>('/api/notifications/deliveries/ntf-gone/retry');
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await admin.get<{ items: unknown[] }>('/api/notifications/deliveries?status=dead')).body.items).toEqual([]);
  });
});
