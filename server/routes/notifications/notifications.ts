import type { Selectable } from 'kysely';
import { appendAudit } from '../../db/repositories/audit-repository';
import { problems } from '../../errors';
import { requireActor, type AppContext } from '../../http/env';
import { newRouter } from '../../http/router';
import { renderTitle, type MessageParams } from '../../notifications/messages';
import { notificationKinds, preferencesFromRow, type Preferences } from '../../notifications/preferences';
import type { NotificationDeliveryTable, NotificationTable } from '../../notifications/tables';
import { hasRole, type Actor } from '../../auth/actor';
import { canonicalJson, sha256 } from '../../util/canonical-json';
import { getPreferencesRoute, listDeliveriesRoute, listNotificationsRoute, markAllReadRoute, markReadRoute, putPreferencesRoute, retryDeliveryRoute, unreadCountRoute } from './schema';

const present = (row: Selectable<NotificationTable>) => {
  const params = JSON.parse(row.params) as MessageParams;
  return { id: row.id, kind: row.kind, urgency: row.urgency, message: row.message, params, title: renderTitle(row.message, params), instanceId: row.instance_id, taskId: row.task_id, createdAt: row.created_at, readAt: row.read_at };
};

const presentDelivery = (row: Selectable<NotificationDeliveryTable>) => ({
  id: row.id,
  notificationId: row.notification_id,
  userId: row.user_id,
  channel: row.channel,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  deliveredAt: row.delivered_at,
  createdAt: row.created_at,
});

/** The outbound channels are the district's integration: its admins watch and retry their deliveries. */
function requireDistrictAdmin(actor: Actor): void {
  if (!hasRole(actor, 'districtAdmin')) throw problems.forbidden('Outbound deliveries are managed by district admins.');
}

const channelsOf = (c: AppContext) => c.get('deps').notificationChannels ?? [];

function presentPreferences(c: AppContext, preferences: Preferences) {
  return { ...preferences, availableChannels: channelsOf(c).map((channel) => ({ id: channel.id, label: channel.label })) };
}

/** A person's own notifications only: every query is keyed by the signed-in user. */
export const notificationRoutes = newRouter()
  .openapi(listNotificationsRoute, async (c) => {
    const actor = requireActor(c);
    const query = c.req.valid('query');
    let select = c.get('deps').database.db.selectFrom('notifications').selectAll().where('user_id', '=', actor.userId);
    if (query.unread === 'true' || query.unread === '1') select = select.where('read_at', 'is', null);
    if (query.cursor !== undefined) select = select.where('id', '<', query.cursor);
    const rows = await select.orderBy('id', 'desc').limit(query.limit + 1).execute();
    const page = rows.slice(0, query.limit);
    return c.json({ items: page.map(present), nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null }, 200);
  })
  .openapi(unreadCountRoute, async (c) => {
    const actor = requireActor(c);
    const row = await c.get('deps').database.db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', actor.userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
    return c.json({ count: Number(row.n) }, 200);
  })
  .openapi(markReadRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const { id } = c.req.valid('param');
    return deps.database.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('notifications').selectAll().where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
      if (row === undefined) throw problems.notFound('notification');
      if (row.read_at !== null) return c.json(present(row), 200);
      const at = deps.clock().toISOString();
      await trx.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
      await appendAudit(trx, { actorId: actor.userId, action: 'notification.read', targetType: 'notification', targetId: id, beforeHash: null, afterHash: null, at });
      return c.json(present({ ...row, read_at: at }), 200);
    });
  })
  .openapi(markAllReadRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const updated = await deps.database.db.transaction().execute(async (trx) => {
      const result = await trx.updateTable('notifications').set({ read_at: at }).where('user_id', '=', actor.userId).where('read_at', 'is', null).executeTakeFirst();
      const count = Number(result.numUpdatedRows);
      if (count > 0) await appendAudit(trx, { actorId: actor.userId, action: 'notification.readAll', targetType: 'user', targetId: actor.userId, beforeHash: null, afterHash: null, at });
      return count;
    });
    return c.json({ updated }, 200);
  })
  .openapi(getPreferencesRoute, async (c) => {
    const actor = requireActor(c);
    const row = await c.get('deps').database.db.selectFrom('notification_preferences').selectAll().where('user_id', '=', actor.userId).executeTakeFirst();
    return c.json(presentPreferences(c, preferencesFromRow(row, channelsOf(c).map((channel) => channel.id))), 200);
  })
  .openapi(putPreferencesRoute, async (c) => {
    const actor = requireActor(c);
    if (actor.system) throw problems.forbidden('Preferences belong to people.');
    const deps = c.get('deps');
    const body = c.req.valid('json');
    const known = new Set(channelsOf(c).map((channel) => channel.id));
    const errors = notificationKinds.flatMap((kind) =>
      (body.channels[kind] ?? []).flatMap((id, index) => (known.has(id) ? [] : [{ pointer: `/channels/${kind}/${index}`, code: 'unknown-channel', message: `No channel ${id} is configured on this server.` }])),
    );
    if (errors.length > 0) throw problems.validation(errors);
    const channels = Object.fromEntries(notificationKinds.map((kind) => [kind, [...new Set(body.channels[kind] ?? [])]]));
    const at = deps.clock().toISOString();
    const row = { user_id: actor.userId, channels: JSON.stringify(channels), quiet_start: body.quietHours?.start ?? null, quiet_end: body.quietHours?.end ?? null, updated_at: at };
    await deps.database.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('notification_preferences').selectAll().where('user_id', '=', actor.userId).executeTakeFirst();
      await trx
        .insertInto('notification_preferences')
        .values(row)
        .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ channels: row.channels, quiet_start: row.quiet_start, quiet_end: row.quiet_end, updated_at: at }))
        .execute();
      await appendAudit(trx, { actorId: actor.userId, action: 'notification.preferences', targetType: 'user', targetId: actor.userId, beforeHash: before === undefined ? null : sha256(canonicalJson(before)), afterHash: sha256(canonicalJson(row)), at });
    });
    return c.json(presentPreferences(c, preferencesFromRow(row, [...known])), 200);
  })
  .openapi(listDeliveriesRoute, async (c) => {
    requireDistrictAdmin(requireActor(c));
    const query = c.req.valid('query');
    let select = c.get('deps').database.db.selectFrom('notification_deliveries').selectAll();
    if (query.status !== undefined) select = select.where('status', '=', query.status);
    if (query.channel !== undefined) select = select.where('channel', '=', query.channel);
    const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
    return c.json({ items: rows.map(presentDelivery) }, 200);
  })
  .openapi(retryDeliveryRoute, async (c) => {
    const actor = requireActor(c);
    requireDistrictAdmin(actor);
    const deps = c.get('deps');
    const { id } = c.req.valid('param');
    return deps.database.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('notification_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
      if (row === undefined) throw problems.notFound('delivery');
      if (row.status !== 'dead') throw problems.conflict(`The delivery is ${row.status}; only dead letters are retried by hand.`);
      const at = deps.clock().toISOString();
      await trx.updateTable('notification_deliveries').set({ status: 'pending', attempts: 0, next_attempt_at: at }).where('id', '=', id).where('status', '=', 'dead').execute();
      await appendAudit(trx, { actorId: actor.userId, action: 'notification.delivery.retry', targetType: 'notificationDelivery', targetId: id, beforeHash: null, afterHash: null, at });
      return c.json(presentDelivery({ ...row, status: 'pending', attempts: 0, next_attempt_at: at }), 200);
    });
  });
