/**
 * Housekeeping against a real server and database: expired idempotency keys and sessions are deleted in
 * batches, live ones stay, and a replay whose key is gone is refused by its stale If-Match, changing nothing.
 * Finished timers and consumed outbox rows go after their retention, and the timers still pending fire.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchBatch } from '../../server/notifications/dispatcher';
import { fanOut } from '../../server/webhooks/webhook-worker';
import { startHousekeeping } from '../../server/workers/housekeeping';
import { signIn } from './support/client';
import { DIALECTS, type TestDatabase } from './support/dialects';
import { startServer, TestClock, type RunningServer } from './support/server';

interface Instance {
  id: string;
  state: string;
  version: number;
}

const hour = 3_600_000;

describe.each(DIALECTS)('housekeeping on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  const clock = new TestClock(Date.parse('2026-03-02T01:00:00.000Z'));

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { clock, worker: { intervalMs: 3_600_000 }, overrides: { sessionTtlMs: 72 * hour } });
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('deletes idempotency keys past their retention and expired sessions, keeps the rest, and a late replay changes nothing', async () => {
    const db = server.deps.database.db;
    const resident = await signIn(server.baseUrl, 'resident1');
    const station = (await resident.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
    const stationAdmin = await signIn(server.baseUrl, 'station.admin');
    const orders: Instance[] = [];
    for (let i = 0; i < 7; i++) orders.push((await resident.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: { description: `需要帮助 ${i}` } })).body);
    const accept = (order: Instance, key: string) => stationAdmin.post<Instance>(`/api/instances/${order.id}/commands`, { event: 'accept_for_dispatch' }, { headers: { 'if-match': '1', 'idempotency-key': key } });
    // Five keys from a day and a half ago, two from now.
    for (const order of orders.slice(0, 5)) expect((await accept(order, `old-${order.id}`)).status).toBe(200);
    clock.advance(36 * hour);
    for (const order of orders.slice(5)) expect((await accept(order, `new-${order.id}`)).status).toBe(200);
    // A session that expired an hour ago (its user signed in 73 hours back).
    const stale = { id: 'stale-session', user_id: (await db.selectFrom('users').select('id').where('username', '=', 'volunteer1').executeTakeFirstOrThrow()).id, csrf_token: 'x', created_at: new Date(clock.nowMs - 73 * hour).toISOString(), expires_at: new Date(clock.nowMs - hour).toISOString() };
    await db.insertInto('sessions').values(stale).execute();

    const housekeeping = startHousekeeping({ ...server.deps }, { intervalMs: 3_600_000, idempotencyTtlMs: 24 * hour, batchSize: 2 });
    try {
      // The first run starts with the worker; this one runs after it and finds nothing left to do.
      expect(await housekeeping.runOnce()).toEqual({ idempotencyKeys: 0, sessions: 0, timers: 0, outbox: 0, deliveries: 0, taskWatches: 0 });
      const keys = (await db.selectFrom('idempotency_keys').select('key').execute()).map((row) => row.key).sort();
      expect(keys).toEqual(orders.slice(5).map((order) => `new-${order.id}`).sort());
      expect(await db.selectFrom('sessions').select('id').where('id', '=', stale.id).execute()).toEqual([]);
      // The signed-in users' sessions are alive and still work.
      expect((await stationAdmin.get('/api/auth/me')).status).toBe(200);

      // A replay with a purged key runs as a new request: its If-Match is stale, so nothing changes.
      const before = (await stationAdmin.get<Instance>(`/api/instances/${orders[0]!.id}`)).body;
      const late = await accept(orders[0]!, `old-${orders[0]!.id}`);
      expect(late.status).toBe(412);
      expect((await stationAdmin.get<Instance>(`/api/instances/${orders[0]!.id}`)).body).toEqual(before);
      // A replay with a live key still answers with the first response.
      const replayed = await accept(orders[5]!, `new-${orders[5]!.id}`);
      expect(replayed.status).toBe(200);
      expect(replayed.body.version).toBe(2);
    } finally {
      await housekeeping.stop();
    }
  });

  it("deletes a month's finished timers and consumed outbox rows; the timers still pending fire when due", async () => {
    const db = server.deps.database.db;
    const resident = await signIn(server.baseUrl, 'resident1');
    const station = (await resident.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
    const stationAdmin = await signIn(server.baseUrl, 'station.admin');
    const order = (await resident.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: { description: '上门理发' } })).body;
    // Accepting it for dispatch ends the first step's timers and starts the next step's.
    expect((await stationAdmin.post(`/api/instances/${order.id}/commands`, { event: 'accept_for_dispatch' }, { headers: { 'if-match': '1' } })).status).toBe(200);
    const timersOf = () => db.selectFrom('timers').select(['id', 'name', 'fired_at', 'cancelled_at']).where('instance_id', '=', order.id).orderBy('id').execute();
    const before = await timersOf();
    const pending = before.filter((timer) => timer.fired_at === null && timer.cancelled_at === null);
    expect(before.length).toBeGreaterThan(pending.length);
    expect(pending.length).toBeGreaterThan(0);
    const outboxBefore = await db.selectFrom('outbox').select(['id', 'kind', 'delivered_at']).where('instance_id', '=', order.id).execute();
    expect(outboxBefore.length).toBeGreaterThan(0);

    const housekeeping = startHousekeeping({ ...server.deps }, { intervalMs: 3_600_000, idempotencyTtlMs: 24 * hour, effectRetentionMs: 30 * 24 * hour, batchSize: 2 });
    try {
      // Within the month nothing of the order goes.
      await housekeeping.runOnce();
      expect(await timersOf()).toEqual(before);
      clock.advance(31 * 24 * hour);
      const purged = await housekeeping.runOnce();
      expect(purged.timers).toBeGreaterThanOrEqual(before.length - pending.length);
      expect(await timersOf()).toEqual(pending);
      // No notification or webhook worker has run, so its rows still wait, and stay.
      expect(await db.selectFrom('outbox').select(['id', 'kind', 'delivered_at']).where('instance_id', '=', order.id).execute()).toEqual(outboxBefore);
      // Once handled (notifications written, webhooks fanned out to subscriptions, no single-URL relay), they go.
      await dispatchBatch({ ...server.deps, channelIds: [] }, 1000);
      await fanOut(db, clock.now().toISOString());
      expect((await housekeeping.runOnce()).outbox).toBeGreaterThanOrEqual(outboxBefore.length);
      expect(await db.selectFrom('outbox').select('id').where('instance_id', '=', order.id).execute()).toEqual([]);

      // The order's pending timers are long overdue now: they fire, and the order's history says so.
      expect(await server.worker!.runOnce()).toBeGreaterThan(0);
      // A month on, the morning's sessions have expired.
      const after = await (await signIn(server.baseUrl, 'resident1')).get<Instance & { history: { event: string; actor: string }[] }>(`/api/instances/${order.id}`);
      expect(after.status).toBe(200);
      expect(after.body.history.filter((entry) => entry.actor === 'system').length).toBeGreaterThan(0);
      expect((await timersOf()).filter((timer) => timer.fired_at !== null).length).toBeGreaterThan(0);
    } finally {
      await housekeeping.stop();
    }
  });
});
