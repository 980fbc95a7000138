import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { newId } from '../util/ids';
import { classify, type MessageParams } from './messages';
import { loadPreferences } from './preferences';
import { outsideQuietHours } from './quiet-hours';
import type { NotificationDeliveryTable } from './tables';

export interface NotificationBatch {
  /** Unique per producer event: with the user it makes the notification's identity, so a retry writes nothing new. */
  sourceId: string;
  userIds: readonly string[];
  message: string;
  /** The effect's data; decides urgency (a 催办 carries `by`). */
  data: Record<string, unknown>;
  params: MessageParams;
  instanceId: string | null;
  taskIdOf?: (userId: string) => string | null;
}

/**
 * Writes in-app notifications for the active users among the recipients, and queues one outbound
 * delivery per channel the person wants for this kind: non-urgent ones wait for the end of their quiet
 * hours, urgent ones are due at once. Runs inside the caller's transaction.
 */
export async function writeNotifications(trx: Kysely<Database>, batch: NotificationBatch, channelIds: readonly string[], at: Date): Promise<number> {
  const wanted = [...new Set(batch.userIds)].filter((id) => typeof id === 'string' && id.length > 0);
  if (wanted.length === 0) return 0;
  const users = await trx.selectFrom('users').select('id').where('id', 'in', wanted).where('active', '=', 1).execute();
  if (users.length === 0) return 0;
  const { kind, urgency } = classify(batch.message, batch.data);
  const createdAt = at.toISOString();
  const params = JSON.stringify(batch.params);
  const inserted = await trx
    .insertInto('notifications')
    .values(users.map((user) => ({ id: newId(at.getTime()), user_id: user.id, kind, urgency, message: batch.message, params, instance_id: batch.instanceId, task_id: batch.taskIdOf?.(user.id) ?? null, source_id: batch.sourceId, created_at: createdAt, read_at: null })))
    .onConflict((c) => c.columns(['source_id', 'user_id']).doNothing())
    .returning(['id', 'user_id'])
    .execute();
  if (inserted.length === 0 || channelIds.length === 0) return inserted.length;
  const preferences = await loadPreferences(trx, inserted.map((row) => row.user_id), channelIds);
  const deliveries: NotificationDeliveryTable[] = [];
  for (const row of inserted) {
    const wanted = preferences.get(row.user_id)!;
    const quiet = wanted.quietHours;
    const due = urgency === 'urgent' || quiet === null ? at : outsideQuietHours(at, quiet.start, quiet.end);
    for (const channel of wanted.channels[kind]) {
      deliveries.push({ id: `ntf_${newId(at.getTime())}`, notification_id: row.id, user_id: row.user_id, channel, status: 'pending', attempts: 0, next_attempt_at: due.toISOString(), last_error: null, delivered_at: null, created_at: createdAt });
    }
  }
  if (deliveries.length > 0) await trx.insertInto('notification_deliveries').values(deliveries).onConflict((c) => c.columns(['notification_id', 'channel']).doNothing()).execute();
  return inserted.length;
}
