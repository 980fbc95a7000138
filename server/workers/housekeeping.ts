import type { AppDeps } from '../deps';
import type { Logger } from '../errors';
import { periodic, type PeriodicWorker } from './periodic';
import { purgeClosedTaskWatches, purgeConsumedOutbox, purgeDeliveredDeliveries, purgeFinishedTimers } from './retention';

export type HousekeepingDeps = Pick<AppDeps, 'database' | 'clock'> & { log: Logger };

export interface HousekeepingOptions {
  intervalMs: number;
  /** How long a command's Idempotency-Key answers a replay with the first response. */
  idempotencyTtlMs: number;
  /** How long finished timers, consumed outbox rows, delivered deliveries and closed tasks' watch rows are kept (workers/retention.ts). */
  effectRetentionMs?: number;
  /** Whether the single-URL webhook relay runs (SHIJIAN_WEBHOOK_URL): then its rows wait for it. */
  webhookRelay?: boolean;
  /** Rows deleted per transaction; the event loop serves requests between batches. */
  batchSize?: number;
}

export interface Purged {
  idempotencyKeys: number;
  sessions: number;
  timers: number;
  outbox: number;
  /** Delivered webhook and outbound notification deliveries. */
  deliveries: number;
  taskWatches: number;
}

export type Housekeeping = PeriodicWorker<Purged>;

/** The default retention of idempotency keys: a day, as long as any client retries a request. */
export const defaultIdempotencyTtlMs = 24 * 3_600_000;

/** The default retention of the bookkeeping rows in workers/retention.ts: a month to look into what happened. */
export const defaultEffectRetentionMs = 30 * 24 * 3_600_000;

/**
 * Deletes what only had to live for a while. An idempotency key stores the command's whole response
 * (1–2 KB), one per command, so a busy district would keep gigabytes of answers nobody can ask for again.
 * Once a key is gone, a replay runs as a new request, which its stale `If-Match` refuses (412) without
 * changing anything: every command carries the instance version it was made against. Expired sessions
 * are otherwise deleted only when someone signs in. Finished timers, consumed outbox rows, delivered
 * deliveries and closed tasks' watch rows go after their own, longer retention (workers/retention.ts says
 * which rows and why).
 *
 * Small batches in short transactions, so neither SQLite's single writer nor a PostgreSQL table is held up
 * for long; the idempotency table has no index on its age, and needs none: purged daily, it holds about a
 * day of keys, and each batch reads only until it has found its rows.
 */
export function startHousekeeping(deps: HousekeepingDeps, options: HousekeepingOptions): Housekeeping {
  return periodic((stopped) => purge(deps, options, stopped), { intervalMs: options.intervalMs, idle: { idempotencyKeys: 0, sessions: 0, timers: 0, outbox: 0, deliveries: 0, taskWatches: 0 }, log: deps.log, failure: 'housekeeping failed', runAtStart: true });
}

async function purge(deps: HousekeepingDeps, options: HousekeepingOptions, stopped: () => boolean): Promise<Purged> {
  const { db } = deps.database;
  const batchSize = options.batchSize ?? 500;
  const now = deps.clock();
  const keysBefore = new Date(now.getTime() - options.idempotencyTtlMs).toISOString();
  let idempotencyKeys = 0;
  for (let deleted = batchSize; deleted === batchSize && !stopped(); ) {
    deleted = await db.transaction().execute(async (trx) => {
      const expired = await trx.selectFrom('idempotency_keys').select(['actor_id', 'key']).where('created_at', '<', keysBefore).limit(batchSize).execute();
      if (expired.length === 0) return 0;
      await trx
        .deleteFrom('idempotency_keys')
        .where((eb) => eb(eb.refTuple('actor_id', 'key'), 'in', expired.map((row) => eb.tuple(row.actor_id, row.key))))
        .execute();
      return expired.length;
    });
    idempotencyKeys += deleted;
    // Let requests waiting on the event loop (and, on SQLite, on the writer) go first.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const sessions = await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  const retention = { before: new Date(now.getTime() - (options.effectRetentionMs ?? defaultEffectRetentionMs)).toISOString(), batchSize, webhookRelay: options.webhookRelay ?? false, stopped };
  const timers = await purgeFinishedTimers(db, retention);
  const outbox = await purgeConsumedOutbox(db, retention);
  const deliveries = (await purgeDeliveredDeliveries(db, 'webhook_deliveries', retention)) + (await purgeDeliveredDeliveries(db, 'notification_deliveries', retention));
  const taskWatches = await purgeClosedTaskWatches(db, retention);
  return { idempotencyKeys, sessions: Number(sessions.numDeletedRows), timers, outbox, deliveries, taskWatches };
}
