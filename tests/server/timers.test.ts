import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/client';
import { DIALECTS, type TestDatabase } from './support/dialects';
import { startServer, TestClock } from './support/server';

interface Instance {
  id: string;
  state: string;
  version: number;
  escalationLevel: number;
  history: { event: string; actor: string }[];
}

const hour = 3_600_000;

describe.each(DIALECTS)('durable timers on $name', (dialect) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await dialect.create();
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('escalates an order left undispatched past its SLA once the server restarts, exactly once across two servers', async () => {
    // Monday 2026-03-02 09:00 in Beijing.
    const clock = new TestClock(Date.parse('2026-03-02T01:00:00.000Z'));
    const first = await startServer(database.handle, { clock, worker: { intervalMs: 60_000 } });
    const resident = await signIn(first.baseUrl, 'resident1');
    const station = (await resident.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
    const order = await resident.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: { description: '需要法律咨询' } });
    const stationAdmin = await signIn(first.baseUrl, 'station.admin');
    const pending = await stationAdmin.post<Instance>(`/api/instances/${order.body.id}/commands`, { event: 'accept_for_dispatch' }, { headers: { 'if-match': '1' } });
    expect(pending.body.state).toBe('pending_dispatch');
    expect(await first.worker!.runOnce()).toBe(0);
    await first.close();

    // Down over the SLA (one working day to dispatch): two days pass with no server running.
    clock.advance(50 * hour);
    const second = await startServer(database.reopen(), { clock, worker: { intervalMs: 60_000 } });
    const third = await startServer(database.reopen(), { clock, worker: { intervalMs: 60_000 } });
    try {
      // Both servers' workers fired at start-up and may still hold a claim (a fired timer can make the next one
      // due): race them again until all three timers have fired, then check that none fired twice.
      const db = database.handle.db;
      const firedNames = async () => (await db.selectFrom('timers').select('name').where('instance_id', '=', order.body.id).where('fired_at', 'is not', null).execute()).map((t) => t.name);
      await expect
        .poll(async () => {
          await Promise.all([second.worker!.runOnce(), third.worker!.runOnce()]);
          return (await firedNames()).length;
        }, { timeout: 15_000, interval: 100 })
        .toBe(3);
      const institute = await signIn(second.baseUrl, 'institute.admin');
      const escalated = await institute.get<Instance>(`/api/instances/${order.body.id}`);
      expect(escalated.status).toBe(200);
      expect(escalated.body.state).toBe('pending_dispatch');
      expect(escalated.body.escalationLevel).toBe(1);
      const timerEntries = escalated.body.history.filter((entry) => entry.actor === 'system');
      const fired = await db.selectFrom('timers').select(['name', 'fired_at', 'claimed_by']).where('instance_id', '=', order.body.id).where('fired_at', 'is not', null).execute();
      // One history entry per fired timer: nothing fired twice although two workers raced.
      expect(fired.map((t) => t.name).sort()).toEqual(['dispatch', 'dispatch@50', 'dispatch@90']);
      expect(timerEntries).toHaveLength(fired.length);
      // In the order they fell due, although each worker skips what the other holds: the escalation cancels
      // pending reminders, so a reminder fired after it would be lost.
      const history = await db.selectFrom('history').select('data').where('instance_id', '=', order.body.id).orderBy('seq').execute();
      const timersInHistory = history.map((row) => (JSON.parse(row.data!) as { timer?: string }).timer).filter((timer) => timer !== undefined);
      expect(timersInHistory).toEqual(['dispatch@50', 'dispatch@90', 'dispatch']);
      const inbox = await institute.get<{ items: { instanceId: string }[] }>('/api/tasks?mine=1');
      expect(inbox.body.items.map((task) => task.instanceId)).toContain(order.body.id);
      const outbox = await db.selectFrom('outbox').select('kind').where('instance_id', '=', order.body.id).where('kind', '=', 'notify').execute();
      expect(outbox.length).toBeGreaterThan(0);
      expect(await Promise.all([second.worker!.runOnce(), third.worker!.runOnce()])).toEqual([0, 0]);
      expect(second.errors).toEqual([]);
      expect(third.errors).toEqual([]);
    } finally {
      await second.close();
      await third.close();
    }
  });

  // SQLite has no row locks to skip: its write transactions are exclusive, so this case cannot arise there.
  it.skipIf(dialect.name !== 'postgres')('skips the timers of an instance another transaction holds instead of waiting with a timer row claimed', async () => {
    const clock = new TestClock(Date.parse('2026-03-02T01:00:00.000Z'));
    const server = await startServer(database.reopen(), { clock, worker: { intervalMs: 60_000 } });
    try {
      const resident = await signIn(server.baseUrl, 'resident1');
      const station = (await resident.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
      const order = await resident.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: { description: '需要上门理发' } });
      const stationAdmin = await signIn(server.baseUrl, 'station.admin');
      await stationAdmin.post(`/api/instances/${order.body.id}/commands`, { event: 'accept_for_dispatch' }, { headers: { 'if-match': '1' } });
      clock.advance(50 * hour);
      const db = database.handle.db;
      const pendingTimers = () => db.selectFrom('timers').select(['name', 'claimed_by', 'version']).where('instance_id', '=', order.body.id).where('fired_at', 'is', null).where('cancelled_at', 'is', null).orderBy('name').execute();
      const before = await pendingTimers();
      // A command in flight holds the instance row. Before, a worker claimed the oldest due timer row, then
      // waited here for the instance, and deadlocked with the command when it cancelled that timer.
      await db.transaction().execute(async (trx) => {
        await trx.selectFrom('workflow_instances').select('id').where('id', '=', order.body.id).forUpdate().execute();
        expect(await server.worker!.runOnce()).toBe(0);
      });
      expect(await pendingTimers()).toEqual(before);
      expect(await server.worker!.runOnce()).toBe(3);
      expect(server.errors).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
