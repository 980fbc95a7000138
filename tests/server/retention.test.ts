/**
 * Retention of bookkeeping rows (server/workers/retention.ts): an outbox row counts as consumed exactly when
 * no consumer's own query for waiting rows returns it, and the purge deletes finished timers and consumed
 * outbox rows, delivered deliveries and closed tasks' watch rows past their retention, and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../server/db/migrate';
import type { Database } from '../../server/db/types';
import type { Insertable } from 'kysely';
import { pendingPublications, publicationRecordType } from '../../server/needs/publisher';
import { pendingNotifications } from '../../server/notifications/dispatcher';
import { pendingFanOut } from '../../server/webhooks/webhook-worker';
import { relayMaxAttempts, undeliveredWebhooks } from '../../server/workers/outbox-relay';
import { outboxRowConsumed, purgeClosedTaskWatches, purgeConsumedOutbox, purgeDeliveredDeliveries, purgeFinishedTimers } from '../../server/workers/retention';
import { newId } from '../../server/util/ids';
import { DIALECTS, type TestDatabase } from './support/dialects';

const old = '2026-01-05T08:00:00.000Z';
const recent = '2026-03-01T08:00:00.000Z';
const before = '2026-02-01T00:00:00.000Z';
const at = '2026-01-05T08:00:01.000Z';

type OutboxRow = Insertable<Database['outbox']>;

/** Every kind of outbox row in every state its consumers can leave it in. */
function outboxRows(createdAt: string): OutboxRow[] {
  const rows: OutboxRow[] = [];
  const add = (kind: string, payload: object, state: Partial<OutboxRow> = {}) =>
    rows.push({ id: newId(), instance_id: null, kind, payload: JSON.stringify(payload), created_at: createdAt, delivered_at: null, attempts: 0, version: 1, fanned_out_at: null, ...state });
  add('notify', { type: 'notify' });
  add('notify', { type: 'notify' }, { delivered_at: at });
  for (const fanned_out_at of [null, at])
    for (const delivered_at of [null, at])
      for (const attempts of [0, relayMaxAttempts - 1, relayMaxAttempts]) add('webhook', { type: 'webhook', event: 'order.rated' }, { fanned_out_at, delivered_at, attempts });
  add('record', { type: 'record', record: 'serviceRecord', data: {} });
  add('record', { type: 'record', record: 'rating', data: {} }, { delivered_at: at });
  add('setData', { type: 'setData' });
  add('somethingNew', { type: 'somethingNew' });
  return rows;
}

describe.each(DIALECTS)('retention on $name', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await dialect.create();
    await migrateToLatest(database.handle);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it("counts an outbox row as consumed exactly when no consumer's query for waiting rows returns it", async () => {
    const { db, capabilities } = database.handle;
    await db.insertInto('org_units').values({ id: 'u1', parent_id: null, path: '/u1/', level: 'center', station_type: null, name: '中心', name_en: 'Center', admin_division_code: null, active: 1, version: 1, created_at: at, updated_at: at }).execute();
    const rows = outboxRows(old);
    // Publications: one still waiting for its proposal, one published.
    for (const [instance, delivered_at] of [['p-waiting', null], ['p-done', at]] as const) {
      const id = newId();
      rows.push({ id, instance_id: instance, kind: 'record', payload: JSON.stringify({ type: 'record', record: publicationRecordType, data: {} }), created_at: old, delivered_at, attempts: 0, version: 1, fanned_out_at: null });
      await db.insertInto('need_proposals').values({ id: `proposal-${instance}`, survey_id: null, org_unit_id: 'u1', org_path: '/u1/', instance_id: instance, item: '{}', status: delivered_at === null ? 'proposed' : 'published', service_item_key: 'x', service_item_version: null, failure: null, created_by: 'u', created_at: at, published_at: null, version: 1 }).execute();
    }
    await db.insertInto('outbox').values(rows).execute();

    const waiting = async (webhookRelay: boolean) => {
      const ids = new Set<string>();
      for (const row of await pendingNotifications(db, 1000).execute()) ids.add(row.id);
      for (const row of await pendingFanOut(db).execute()) ids.add(row.id);
      for (const row of await pendingPublications(db, capabilities).execute()) ids.add(row.outboxId);
      // The relay's query takes 20 at a time; here all of them.
      if (webhookRelay) for (const row of await undeliveredWebhooks(db).limit(1000).execute()) ids.add(row.id);
      return ids;
    };
    for (const webhookRelay of [false, true]) {
      const pending = await waiting(webhookRelay);
      for (const row of rows) {
        const consumed = outboxRowConsumed({ ...row, delivered_at: row.delivered_at ?? null, fanned_out_at: row.fanned_out_at ?? null, attempts: row.attempts ?? 0 }, webhookRelay);
        // A kind no consumer here knows is kept, though no query here asks for it.
        const expected = row.kind === 'somethingNew' ? false : !pending.has(row.id);
        expect({ kind: row.kind, payload: row.payload, state: [row.delivered_at, row.fanned_out_at, row.attempts], webhookRelay, consumed }).toEqual({ kind: row.kind, payload: row.payload, state: [row.delivered_at, row.fanned_out_at, row.attempts], webhookRelay, consumed: expected });
      }
    }
    await db.deleteFrom('outbox').execute();
  });

  it('deletes consumed outbox rows and finished timers created before the cutoff, in batches, and keeps the rest', async () => {
    const { db } = database.handle;
    const at2 = '2026-01-05T09:00:00.000Z';
    await db
      .insertInto('workflow_instances')
      .values({ id: 'i1', definition_key: 'five-order', definition_version: 1, org_unit_id: 'u1', org_path: '/u1/', state: 'dispatching', status: 'active', snapshot: '{}', data: '{}', created_by: 'u', created_at: at, updated_at: at, version: 1 })
      .execute();
    const oldRows = outboxRows(old);
    const recentRows = outboxRows(recent);
    await db.insertInto('outbox').values([...oldRows, ...recentRows]).execute();
    const timer = (created_at: string | null, state: 'pending' | 'fired' | 'cancelled') => ({
      id: newId(),
      instance_id: 'i1',
      name: 'sla',
      event: 'timer',
      payload: null,
      due_at: '2026-06-01T00:00:00.000Z',
      claimed_by: null,
      claimed_at: null,
      fired_at: state === 'fired' ? at2 : null,
      cancelled_at: state === 'cancelled' ? at2 : null,
      version: 1,
      created_at,
    });
    // Rows from before migration 0112 (no time), old rows, then recent ones, in id order as in real life.
    const timers = [timer(null, 'cancelled'), timer(null, 'pending'), ...(['pending', 'fired', 'cancelled', 'cancelled', 'pending'] as const).map((state) => timer(old, state)), ...(['fired', 'cancelled', 'pending'] as const).map((state) => timer(recent, state))];
    await db.insertInto('timers').values(timers).execute();

    const options = (webhookRelay: boolean) => ({ before, batchSize: 3, webhookRelay, stopped: () => false });
    const timerIds = async () => (await db.selectFrom('timers').select('id').orderBy('id').execute()).map((row) => row.id);
    const outboxIds = async () => (await db.selectFrom('outbox').select('id').orderBy('id').execute()).map((row) => row.id);

    // A cutoff before every dated row deletes only the finished timer from before timers had a time.
    const earlier = { ...options(false), before: '2025-01-01T00:00:00.000Z' };
    expect(await purgeFinishedTimers(db, earlier)).toBe(1);
    expect(await timerIds()).toEqual(timers.slice(1).map((row) => row.id));
    expect(await purgeConsumedOutbox(db, earlier)).toBe(0);

    const finishedOld = timers.slice(1).filter((row) => row.created_at !== recent && (row.fired_at !== null || row.cancelled_at !== null));
    expect(await purgeFinishedTimers(db, options(false))).toBe(finishedOld.length);
    expect(await timerIds()).toEqual(timers.slice(1).filter((row) => !finishedOld.includes(row)).map((row) => row.id));

    // With the relay on, webhook rows it has not delivered nor given up on stay; then without it they go too.
    const consumedWith = (relay: boolean) => oldRows.filter((row) => outboxRowConsumed({ ...row, delivered_at: row.delivered_at ?? null, fanned_out_at: row.fanned_out_at ?? null, attempts: row.attempts ?? 0 }, relay));
    expect(consumedWith(false).length).toBeGreaterThan(consumedWith(true).length);
    expect(await purgeConsumedOutbox(db, options(true))).toBe(consumedWith(true).length);
    expect(await purgeConsumedOutbox(db, options(false))).toBe(consumedWith(false).length - consumedWith(true).length);
    const kept = [...oldRows.filter((row) => !consumedWith(false).includes(row)), ...recentRows].map((row) => row.id);
    expect(await outboxIds()).toEqual(kept);
    // What stays of the old rows is what a consumer still waits for, and the kind nobody here knows.
    expect(oldRows.filter((row) => kept.includes(row.id)).map((row) => row.kind).sort()).toEqual(['notify', 'somethingNew', 'webhook', 'webhook', 'webhook', 'webhook', 'webhook', 'webhook']);
  });

  it('deletes delivered deliveries and the watch rows of closed tasks created before the cutoff; dead letters and open tasks stay', async () => {
    const { db } = database.handle;
    const options = { before, batchSize: 2, webhookRelay: false, stopped: () => false };
    await db.insertInto('webhook_subscriptions').values({ id: 'sub1', url: 'http://127.0.0.1:9/hook', events: '["*"]', secret: 's', org_path: '/u1/', created_by: 'u', created_at: at, active: 1 }).execute();
    const states = [['delivered', old], ['dead', old], ['pending', old], ['delivered', old], ['delivered', recent], ['pending', recent]] as const;
    const webhook = states.map(([status, created_at], index) => ({ id: `msg_${newId()}`, subscription_id: 'sub1', outbox_id: `o${index}`, event: 'order.rated', payload: '{}', status, attempts: 1, next_attempt_at: created_at, last_status: null, last_error: null, delivered_at: status === 'delivered' ? created_at : null, created_at }));
    const outbound = states.map(([status, created_at], index) => ({ id: `ntf_${newId()}`, notification_id: `n${index}`, user_id: 'u', channel: 'sms', status, attempts: 1, next_attempt_at: created_at, last_error: null, delivered_at: status === 'delivered' ? created_at : null, created_at }));
    await db.insertInto('webhook_deliveries').values(webhook).execute();
    await db.insertInto('notification_deliveries').values(outbound).execute();
    const keptIndexes = [1, 2, 4, 5];
    expect(await purgeDeliveredDeliveries(db, 'webhook_deliveries', options)).toBe(2);
    expect(await purgeDeliveredDeliveries(db, 'notification_deliveries', options)).toBe(2);
    expect((await db.selectFrom('webhook_deliveries').select('id').orderBy('id').execute()).map((row) => row.id)).toEqual(keptIndexes.map((index) => webhook[index]!.id));
    expect((await db.selectFrom('notification_deliveries').select('id').orderBy('id').execute()).map((row) => row.id)).toEqual(keptIndexes.map((index) => outbound[index]!.id));

    const task = (status: 'open' | 'done' | 'cancelled', created_at: string) => ({ id: newId(), instance_id: 'i1', org_path: '/u1/', name: 'dispatching', assignee_user_id: 'u', pool_role: null, pool_org_unit_id: null, pool_team_id: null, status, claimed_by: null, due_at: null, created_at, closed_at: status === 'open' ? null : created_at, version: 1 });
    // The first watch row's task id names no task: it is the oldest, and watches nothing.
    const gone = newId();
    const tasks = [task('done', old), task('open', old), task('cancelled', old), task('done', recent), task('open', recent)];
    await db.insertInto('tasks').values(tasks).execute();
    const watched = [gone, ...tasks.map((row) => row.id)];
    await db.insertInto('notification_task_watch').values(watched.map((task_id) => ({ task_id, warn_at: null, warned_at: null }))).execute();
    expect(await purgeClosedTaskWatches(db, options)).toBe(3);
    expect((await db.selectFrom('notification_task_watch').select('task_id').orderBy('task_id').execute()).map((row) => row.task_id)).toEqual([tasks[1]!.id, tasks[3]!.id, tasks[4]!.id]);
  });
});
