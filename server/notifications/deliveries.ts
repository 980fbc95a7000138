/**
 * Sends queued outbound deliveries through their channels. A due delivery is claimed by moving its
 * `next_attempt_at` forward by a lease (`SKIP LOCKED` on PostgreSQL), so two servers never send the same
 * one at once; a failure is retried with doubling backoff until `maxAttempts`, then it is dead. A delivery
 * whose channel is no longer configured is dead at once, with the reason.
 */
import type { DatabaseHandle } from '../db/dialects/dialect';
import { backoffMs } from '../webhooks/webhook-worker';
import type { NotificationChannel, OutboundMessage } from './channels/channel';
import { renderTitle, type MessageParams } from './messages';

export interface DeliveryOptions {
  database: DatabaseHandle;
  clock: () => Date;
  channels: readonly NotificationChannel[];
  maxAttempts?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Longest a channel may take; the lease covers twice that. */
  timeoutMs?: number;
}

export async function deliverDue(options: DeliveryOptions, batchSize = 20): Promise<number> {
  const { db, capabilities } = options.database;
  const maxAttempts = options.maxAttempts ?? 8;
  const base = options.baseBackoffMs ?? 5_000;
  const cap = options.maxBackoffMs ?? 3_600_000;
  const lease = Math.max(base, (options.timeoutMs ?? 10_000) * 2);
  const now = options.clock();
  const claimed = await db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('notification_deliveries').select(['id', 'attempts']).where('status', '=', 'pending').where('next_attempt_at', '<=', now.toISOString()).orderBy('next_attempt_at').limit(batchSize);
    if (capabilities.supportsSkipLocked) query = query.forUpdate().skipLocked();
    const due = await query.execute();
    if (due.length === 0) return [];
    await trx
      .updateTable('notification_deliveries')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: new Date(now.getTime() + lease).toISOString() }))
      .where('id', 'in', due.map((row) => row.id))
      .execute();
    return trx
      .selectFrom('notification_deliveries')
      .innerJoin('notifications', 'notifications.id', 'notification_deliveries.notification_id')
      .innerJoin('users', 'users.id', 'notification_deliveries.user_id')
      .select([
        'notification_deliveries.id',
        'notification_deliveries.channel',
        'notification_deliveries.attempts',
        'notifications.id as notification_id',
        'notifications.kind',
        'notifications.urgency',
        'notifications.message',
        'notifications.params',
        'notifications.instance_id',
        'notifications.task_id',
        'notifications.created_at',
        'users.id as user_id',
        'users.username',
        'users.display_name',
      ])
      .where('notification_deliveries.id', 'in', due.map((row) => row.id))
      .execute();
  });
  const channels = new Map(options.channels.map((channel) => [channel.id, channel]));
  let delivered = 0;
  await Promise.all(
    claimed.map(async (row) => {
      const channel = channels.get(row.channel);
      const params = JSON.parse(row.params) as MessageParams;
      const message: OutboundMessage = {
        id: row.id,
        notificationId: row.notification_id,
        channel: row.channel,
        user: { id: row.user_id, username: row.username, displayName: row.display_name },
        kind: row.kind,
        urgency: row.urgency,
        message: row.message,
        params,
        title: renderTitle(row.message, params),
        instanceId: row.instance_id,
        taskId: row.task_id,
        createdAt: row.created_at,
      };
      const result = channel === undefined ? { ok: false as const, error: `channel ${row.channel} is not configured`, final: true } : await channel.deliver(message).catch((error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }));
      const at = options.clock();
      if (result.ok) {
        await db.updateTable('notification_deliveries').set({ status: 'delivered', delivered_at: at.toISOString(), last_error: null }).where('id', '=', row.id).execute();
        delivered++;
        return;
      }
      const dead = ('final' in result && result.final) || row.attempts >= maxAttempts;
      await db
        .updateTable('notification_deliveries')
        .set({ status: dead ? 'dead' : 'pending', last_error: result.error.slice(0, 500), next_attempt_at: new Date(at.getTime() + backoffMs(row.attempts, base, cap)).toISOString() })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .execute();
    }),
  );
  return delivered;
}
