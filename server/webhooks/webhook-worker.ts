/**
 * Webhook deliveries. Two steps per tick, each in short transactions:
 * 1. fan-out: every `webhook` outbox row not yet fanned out becomes one delivery per matching active
 *    subscription (event type and org subtree), and is marked fanned out in the same transaction;
 * 2. delivery: claim due deliveries by moving `next_attempt_at` forward by the backoff (a lease: a server
 *    that dies mid-request leaves the row to be retried after it) and bumping `attempts`; POST outside any
 *    transaction with the Standard Webhooks headers; mark delivered on 2xx, else keep the status and error.
 *    After `maxAttempts` the delivery is dead (a dead letter, visible and retryable over the API).
 * At least once: a retry repeats the same `webhook-id`, so receivers dedupe by it.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types';
import type { AppDeps } from '../deps';
import type { Logger } from '../errors';
import { periodic, type PeriodicWorker } from '../workers/periodic';
import { newId } from '../util/ids';
import { sign } from './signature';

export interface WebhookWorkerOptions {
  deps: Pick<AppDeps, 'database' | 'clock'> & { log: Logger };
  intervalMs: number;
  /** Per-request timeout; a timeout counts as a failed attempt. */
  timeoutMs?: number;
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, capped at `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

export type WebhookWorker = PeriodicWorker<number>;

export function backoffMs(attempt: number, base: number, cap: number): number {
  return Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
}

export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  return periodic(
    async () => {
      await fanOut(options.deps.database.db, options.deps.clock().toISOString());
      return deliverDue(options);
    },
    { intervalMs: options.intervalMs, idle: 0, log: options.deps.log, failure: 'webhook worker failed' },
  );
}

function matches(events: string, event: string): boolean {
  const list = JSON.parse(events) as string[];
  return list.includes('*') || list.includes(event);
}

/** Webhook outbox rows not fanned out yet, oldest first, with the instance fields subscriptions match on. */
export function pendingFanOut(db: Kysely<Database>) {
  return (
    db
      .selectFrom('outbox')
      .leftJoin('workflow_instances', 'workflow_instances.id', 'outbox.instance_id')
      .select(['outbox.id', 'outbox.instance_id', 'outbox.payload', 'outbox.created_at', 'workflow_instances.org_path', 'workflow_instances.org_unit_id', 'workflow_instances.definition_key', 'workflow_instances.state'])
      // Literals, so SQLite can use the partial index of the rows still to fan out (migration 0109).
      .where('outbox.kind', '=', sql.lit('webhook'))
      .where('outbox.fanned_out_at', 'is', null)
      .orderBy('outbox.id')
      .limit(200)
  );
}

export async function fanOut(db: Kysely<Database>, at: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await pendingFanOut(trx).execute();
    if (rows.length === 0) return 0;
    const subscriptions = await trx.selectFrom('webhook_subscriptions').selectAll().where('active', '=', 1).execute();
    const deliveries = [];
    for (const row of rows) {
      const effect = JSON.parse(row.payload) as { event?: string; data?: Record<string, unknown> };
      const event = effect.event ?? 'unknown';
      const payload = JSON.stringify({
        type: event,
        timestamp: row.created_at,
        data: { ...(effect.data ?? {}), instanceId: row.instance_id, workflow: row.definition_key, orgUnitId: row.org_unit_id, state: row.state },
      });
      for (const subscription of subscriptions) {
        if (!matches(subscription.events, event)) continue;
        if (row.org_path === null || !row.org_path.startsWith(subscription.org_path)) continue;
        deliveries.push({ id: `msg_${newId()}`, subscription_id: subscription.id, outbox_id: row.id, event, payload, status: 'pending' as const, attempts: 0, next_attempt_at: at, last_status: null, last_error: null, delivered_at: null, created_at: at });
      }
    }
    if (deliveries.length > 0) await trx.insertInto('webhook_deliveries').values(deliveries).onConflict((c) => c.columns(['subscription_id', 'outbox_id']).doNothing()).execute();
    await trx
      .updateTable('outbox')
      .set({ fanned_out_at: at })
      .where('id', 'in', rows.map((row) => row.id))
      .execute();
    return deliveries.length;
  });
}

async function deliverDue(options: WebhookWorkerOptions): Promise<number> {
  const { database, clock } = options.deps;
  const db = database.db;
  const maxAttempts = options.maxAttempts ?? 8;
  const base = options.baseBackoffMs ?? 5_000;
  const cap = options.maxBackoffMs ?? 3_600_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = clock();
  const claimed = await db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('webhook_deliveries').select(['id', 'attempts']).where('status', '=', 'pending').where('next_attempt_at', '<=', now.toISOString()).orderBy('next_attempt_at').limit(20);
    if (database.capabilities.supportsSkipLocked) query = query.forUpdate().skipLocked();
    const due = await query.execute();
    const leased = [];
    for (const row of due) {
      // The lease covers the request's timeout, so a live attempt is never doubled by another server.
      const lease = Math.max(backoffMs(row.attempts + 1, base, cap), timeoutMs * 2);
      await trx.updateTable('webhook_deliveries').set({ attempts: row.attempts + 1, next_attempt_at: new Date(now.getTime() + lease).toISOString() }).where('id', '=', row.id).execute();
      leased.push(row.id);
    }
    if (leased.length === 0) return [];
    return trx
      .selectFrom('webhook_deliveries')
      .innerJoin('webhook_subscriptions', 'webhook_subscriptions.id', 'webhook_deliveries.subscription_id')
      .select(['webhook_deliveries.id', 'webhook_deliveries.payload', 'webhook_deliveries.attempts', 'webhook_subscriptions.url', 'webhook_subscriptions.secret'])
      .where('webhook_deliveries.id', 'in', leased)
      .execute();
  });
  let delivered = 0;
  await Promise.all(
    claimed.map(async (row) => {
      const timestamp = Math.floor(clock().getTime() / 1000);
      let status: number | null = null;
      let error: string | null = null;
      try {
        const response = await fetch(row.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'webhook-id': row.id, 'webhook-timestamp': String(timestamp), 'webhook-signature': sign(row.secret, row.id, timestamp, row.payload) },
          body: row.payload,
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.status;
        await response.body?.cancel();
      } catch (failure) {
        error = failure instanceof Error ? failure.name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : failure.message : String(failure);
      }
      const at = clock();
      if (status !== null && status >= 200 && status < 300) {
        await db.updateTable('webhook_deliveries').set({ status: 'delivered', delivered_at: at.toISOString(), last_status: status, last_error: null }).where('id', '=', row.id).execute();
        delivered++;
        return;
      }
      const dead = row.attempts >= maxAttempts;
      await db
        .updateTable('webhook_deliveries')
        .set({
          status: dead ? 'dead' : 'pending',
          last_status: status,
          last_error: error ?? `HTTP ${status}`,
          next_attempt_at: new Date(at.getTime() + backoffMs(row.attempts, base, cap)).toISOString(),
        })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .execute();
    }),
  );
  return delivered;
}
