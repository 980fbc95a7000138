/**
 * Which bookkeeping rows have served their purpose, and deleting them once they are past their retention.
 *
 * Every state change cancels an order's timers and schedules new ones (about six timer rows per command),
 * writes an outbox row per effect, and each new task gets a watch row for its SLA warning; deliveries to
 * webhook subscribers and outbound notification channels leave a row each. Once a timer has fired or been
 * cancelled, an outbox row's consumer has handled it, a watched task has closed, or a delivery went
 * through, nothing in the product reads the row again: the instance's history keeps what happened (a timer
 * firing is an event in it), and the notifications themselves and the audit log are never trimmed. So these
 * rows are kept for a while, for whoever looks into what a server did, and then deleted; a busy district
 * would otherwise add some 100 MB a year of rows nobody reads. Dead letters stay until someone retries them.
 *
 * None of these tables has an index on age, and none gains one: an index would cost every command an entry.
 * Ids are time-ordered (util/ids.ts), so a walk of the primary key from its start reads the oldest rows
 * first and stops at the first batch holding a row inside the retention. Rows still in use (a timer not yet
 * due, a webhook the relay still retries) are stepped over and looked at again on the next run.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { publicationRecordType } from '../needs/publisher';
import { relayMaxAttempts } from './outbox-relay';

export interface RetentionOptions {
  /** Rows created before this instant (ISO 8601) may go once finished. */
  before: string;
  /** Rows read per transaction; requests are served between batches. */
  batchSize: number;
  /** Whether the single-URL relay (SHIJIAN_WEBHOOK_URL) delivers webhook rows; without it nothing will. */
  webhookRelay: boolean;
  stopped: () => boolean;
}

interface OutboxEntry {
  kind: string;
  payload: string;
  delivered_at: string | null;
  fanned_out_at: string | null;
  attempts: number;
}

/** True when no consumer of the outbox will read the row again (each consumer's own pending query is the rule). */
export function outboxRowConsumed(row: OutboxEntry, webhookRelay: boolean): boolean {
  switch (row.kind) {
    // notifications/dispatcher.ts marks a row delivered in the transaction that writes its notifications.
    case 'notify':
      return row.delivered_at !== null;
    // webhooks/webhook-worker.ts fans a row out to the subscriptions' deliveries; the legacy relay
    // (workers/outbox-relay.ts) posts it to its one URL until delivered or out of attempts.
    case 'webhook':
      return row.fanned_out_at !== null && (!webhookRelay || row.delivered_at !== null || row.attempts >= relayMaxAttempts);
    // Only the needs publisher consumes a record effect; the others (service records, ratings, strikes) are a log.
    case 'record':
      return row.delivered_at !== null || (JSON.parse(row.payload) as { record?: unknown }).record !== publicationRecordType;
    case 'setData':
      return true;
    default:
      // A kind this code does not know may have a consumer it does not know of either.
      return false;
  }
}

/** Deletes consumed outbox rows created before `options.before`; answers how many. */
export async function purgeConsumedOutbox(db: Kysely<Database>, options: RetentionOptions): Promise<number> {
  return walkOldest(db, options, async (trx, after) => {
    const rows = await trx.selectFrom('outbox').select(['id', 'kind', 'payload', 'created_at', 'delivered_at', 'fanned_out_at', 'attempts']).where('id', '>', after).orderBy('id').limit(options.batchSize).execute();
    return sweep(rows, options, {
      old: (row) => row.created_at < options.before,
      done: (row) => outboxRowConsumed(row, options.webhookRelay),
      remove: (ids) => trx.deleteFrom('outbox').where('id', 'in', ids).execute(),
    });
  });
}

/** Deletes fired and cancelled timers scheduled before `options.before`; answers how many. */
export async function purgeFinishedTimers(db: Kysely<Database>, options: RetentionOptions): Promise<number> {
  return walkOldest(db, options, async (trx, after) => {
    const rows = await trx.selectFrom('timers').select(['id', 'created_at', 'fired_at', 'cancelled_at']).where('id', '>', after).orderBy('id').limit(options.batchSize).execute();
    return sweep(rows, options, {
      // Rows from before migration 0112 carry no time: they are older than any retention.
      old: (row) => row.created_at === null || row.created_at < options.before,
      // A finished timer never becomes pending again, and the timer worker claims pending ones only.
      done: (row) => row.fired_at !== null || row.cancelled_at !== null,
      remove: (ids) => trx.deleteFrom('timers').where('id', 'in', ids).execute(),
    });
  });
}

/**
 * Deletes webhook and outbound notification deliveries that were delivered, created before
 * `options.before`. Dead letters stay until someone retries them by hand; pending ones are still being tried.
 */
export async function purgeDeliveredDeliveries(db: Kysely<Database>, table: 'webhook_deliveries' | 'notification_deliveries', options: RetentionOptions): Promise<number> {
  return walkOldest(db, options, async (trx, after) => {
    const rows = await trx.selectFrom(table).select(['id', 'status', 'created_at']).where('id', '>', after).orderBy('id').limit(options.batchSize).execute();
    return sweep(rows, options, {
      old: (row) => row.created_at < options.before,
      done: (row) => row.status === 'delivered',
      remove: (ids) => trx.deleteFrom(table).where('id', 'in', ids).execute(),
    });
  });
}

/**
 * Deletes the notification worker's watch rows (notifications/task-watch.ts) of tasks that closed, created
 * before `options.before`: the watch looks for new open tasks only, and a closed task never reopens.
 */
export async function purgeClosedTaskWatches(db: Kysely<Database>, options: RetentionOptions): Promise<number> {
  return walkOldest(db, options, async (trx, after) => {
    const rows = await trx
      .selectFrom('notification_task_watch')
      .leftJoin('tasks', 'tasks.id', 'notification_task_watch.task_id')
      .select(['notification_task_watch.task_id as id', 'tasks.status', 'tasks.created_at'])
      .where('notification_task_watch.task_id', '>', after)
      .orderBy('notification_task_watch.task_id')
      .limit(options.batchSize)
      .execute();
    return sweep(rows, options, {
      // A watch whose task is gone watches nothing.
      old: (row) => row.created_at === null || row.created_at < options.before,
      done: (row) => row.status !== 'open',
      remove: (ids) => trx.deleteFrom('notification_task_watch').where('task_id', 'in', ids).execute(),
    });
  });
}

interface Swept {
  last: string | undefined;
  deleted: number;
  /** The batch was full and all of it old: the next one may hold old rows too. */
  more: boolean;
}

type Batch = (trx: Kysely<Database>, after: string) => Promise<Swept>;

/** One batch of a walk, oldest first: deletes the old rows that are done, and says whether to go on. */
async function sweep<R extends { id: string }>(rows: R[], options: RetentionOptions, rule: { old: (row: R) => boolean; done: (row: R) => boolean; remove: (ids: string[]) => Promise<unknown> }): Promise<Swept> {
  const old = rows.filter(rule.old);
  const ids = old.filter(rule.done).map((row) => row.id);
  if (ids.length > 0) await rule.remove(ids);
  return { last: rows.at(-1)?.id, deleted: ids.length, more: rows.length === options.batchSize && old.length === rows.length };
}

async function walkOldest(db: Kysely<Database>, options: RetentionOptions, batch: Batch): Promise<number> {
  let after = '';
  let deleted = 0;
  for (let more = true; more && !options.stopped(); ) {
    const result = await db.transaction().execute((trx) => batch(trx, after));
    deleted += result.deleted;
    more = result.more && result.last !== undefined;
    after = result.last ?? after;
    // Let requests waiting on the event loop (and, on SQLite, on the writer) go first.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return deleted;
}
