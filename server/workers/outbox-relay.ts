import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/types';
import type { AppDeps } from '../deps';
import type { Logger } from '../errors';
import { periodic, type PeriodicWorker } from './periodic';

export type RelayDeps = Pick<AppDeps, 'database' | 'clock'> & { log: Logger; webhookUrl: string | null; fetch?: typeof fetch };

export type OutboxRelay = PeriodicWorker<number>;

/** Posts of one webhook row before the relay gives up on it. */
export const relayMaxAttempts = 10;
const batchSize = 20;
/** Batches per tick at most, so a huge backlog does not hold up stop() for long. */
const maxBatchesPerTick = 50;

/**
 * Delivers webhook effects from the outbox after their transaction committed: claim a batch (bumping
 * `attempts` in a short transaction, `SKIP LOCKED` on PostgreSQL so several servers share the work), POST
 * each to the configured URL outside any transaction, then mark it delivered. At least once: a server
 * dying between POST and mark delivers again, so receivers dedupe by the `id` sent with each event.
 * Other effect kinds stay in the outbox for the features that consume them (notify: notification-worker.ts).
 */
export function startOutboxRelay(deps: RelayDeps, intervalMs: number): OutboxRelay {
  return periodic(
    async (stopped) => {
      if (deps.webhookUrl === null) return 0;
      // A full batch means more are waiting: drain them now. One batch per tick capped delivery at
      // 10 webhooks/s (20 per 2 s), below a campaign day's rate, so the backlog would only grow.
      let total = 0;
      for (let batch = 0, delivered = batchSize; delivered === batchSize && batch < maxBatchesPerTick && !stopped(); batch++) {
        delivered = await relayBatch(deps);
        total += delivered;
      }
      return total;
    },
    { intervalMs, idle: 0, log: deps.log, failure: 'outbox relay failed' },
  );
}

/** Webhook rows still to deliver, oldest first; literals, as in the partial index `outbox_webhook_undelivered` (migration 0111). */
export function undeliveredWebhooks(db: Kysely<Database>) {
  return db
    .selectFrom('outbox')
    .select(['id', 'version'])
    .where(sql<SqlBool>`kind = ${sql.lit('webhook')} and delivered_at is null`)
    .where('attempts', '<', relayMaxAttempts)
    .orderBy('created_at')
    .limit(batchSize);
}

async function relayBatch(deps: RelayDeps): Promise<number> {
  const { db, capabilities } = deps.database;
  const claimed = await db.transaction().execute(async (trx) => {
    let query = undeliveredWebhooks(trx);
    if (capabilities.supportsSkipLocked) query = query.forUpdate().skipLocked();
    const ids = (await query.execute()).map((row) => row.id);
    if (ids.length === 0) return [];
    return trx
      .updateTable('outbox')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), version: eb('version', '+', 1) }))
      .where('id', 'in', ids)
      .returning(['id', 'instance_id', 'payload', 'created_at'])
      .execute();
  });
  let delivered = 0;
  const post = deps.fetch ?? fetch;
  for (const row of claimed) {
    const effect = JSON.parse(row.payload) as { event?: string; data?: unknown };
    try {
      const response = await post(deps.webhookUrl!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: row.id, event: effect.event, instanceId: row.instance_id, data: effect.data ?? {}, occurredAt: row.created_at }),
        signal: AbortSignal.timeout(5_000),
      });
      if (!response.ok) continue;
      await db.updateTable('outbox').set({ delivered_at: deps.clock().toISOString() }).where('id', '=', row.id).execute();
      delivered++;
    } catch {
      // Unreachable receiver: the row stays pending and is retried on a later tick, up to maxAttempts.
    }
  }
  return delivered;
}
