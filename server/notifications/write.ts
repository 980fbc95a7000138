import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/types';
import { newId } from '../util/ids';
import { classify, type MessageParams } from './messages';
import { loadPreferences } from './preferences';
import { outsideQuietHours } from './quiet-hours';
import type { NotificationDeliveryTable, NotificationTable } from './tables';

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

/** Rows per INSERT: far below either database's bound-parameter limit. */
const chunk = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += chunk) out.push(items.slice(i, i + chunk));
  return out;
}

/**
 * Writes in-app notifications for the active users among each batch's recipients, and queues one
 * outbound delivery per channel the person wants for that kind: non-urgent ones wait for the end of
 * their quiet hours, urgent ones are due at once. Runs inside the caller's transaction, with a fixed
 * number of statements however many batches it gets (the dispatcher hands it a whole outbox batch).
 */
export async function writeNotifications(trx: Kysely<Database>, batches: readonly NotificationBatch[], channelIds: readonly string[], at: Date): Promise<number> {
  const wanted = [...new Set(batches.flatMap((batch) => batch.userIds))].filter((id) => typeof id === 'string' && id.length > 0);
  if (wanted.length === 0) return 0;
  const active = new Set<string>();
  for (const ids of chunks(wanted)) for (const user of await trx.selectFrom('users').select('id').where('id', 'in', ids).where('active', '=', 1).execute()) active.add(user.id);
  const createdAt = at.toISOString();
  const rows: Insertable<NotificationTable>[] = [];
  for (const batch of batches) {
    const { kind, urgency } = classify(batch.message, batch.data);
    const params = JSON.stringify(batch.params);
    for (const user of new Set(batch.userIds)) {
      if (!active.has(user)) continue;
      rows.push({ id: newId(at.getTime()), user_id: user, kind, urgency, message: batch.message, params, instance_id: batch.instanceId, task_id: batch.taskIdOf?.(user) ?? null, source_id: batch.sourceId, created_at: createdAt, read_at: null });
    }
  }
  if (rows.length === 0) return 0;
  const inserted: { id: string; user_id: string; kind: NotificationTable['kind']; urgency: NotificationTable['urgency'] }[] = [];
  for (const part of chunks(rows)) {
    inserted.push(...(await trx.insertInto('notifications').values(part).onConflict((c) => c.columns(['source_id', 'user_id']).doNothing()).returning(['id', 'user_id', 'kind', 'urgency']).execute()));
  }
  if (inserted.length === 0 || channelIds.length === 0) return inserted.length;
  const preferences = await loadPreferences(trx, [...new Set(inserted.map((row) => row.user_id))], channelIds);
  const deliveries: NotificationDeliveryTable[] = [];
  for (const row of inserted) {
    const chosen = preferences.get(row.user_id)!;
    const quiet = chosen.quietHours;
    const due = row.urgency === 'urgent' || quiet === null ? at : outsideQuietHours(at, quiet.start, quiet.end);
    for (const channel of chosen.channels[row.kind]) {
      deliveries.push({ id: `ntf_${newId(at.getTime())}`, notification_id: row.id, user_id: row.user_id, channel, status: 'pending', attempts: 0, next_attempt_at: due.toISOString(), last_error: null, delivered_at: null, created_at: createdAt });
    }
  }
  for (const part of chunks(deliveries)) await trx.insertInto('notification_deliveries').values(part).onConflict((c) => c.columns(['notification_id', 'channel']).doNothing()).execute();
  return inserted.length;
}
