import type { Selectable } from 'kysely';
import { appendAudit } from '../../db/repositories/audit-repository';
import { problems } from '../../errors';
import { requireActor, type AppContext } from '../../http/env';
import { newRouter } from '../../http/router';
import { renderTitle, type MessageParams } from '../../notifications/messages';
import { notificationKinds, preferencesFromRow, type Preferences } from '../../notifications/preferences';
import type { NotificationTable } from '../../notifications/tables';
import { canonicalJson, sha256 } from '../../util/canonical-json';
import { getPreferencesRoute, listNotificationsRoute, markAllReadRoute, markReadRoute, putPreferencesRoute, unreadCountRoute } from './schema';

const present = (row: Selectable<NotificationTable>) => {
  const params = JSON.parse(row.params) as MessageParams;
  return { id: row.id, kind: row.kind, urgency: row.urgency, message: row.message, params, title: renderTitle(row.message, params), instanceId: row.instance_id, taskId: row.task_id, createdAt: row.created_at, readAt: row.read_at };
};

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
  });
