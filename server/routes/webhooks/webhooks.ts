import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/types';
import type { Actor } from '../../auth/actor';
import { OrgScope } from '../../db/scope';
import type { WebhookDeliveryTable, WebhookSubscriptionTable } from '../../db/types-assessments';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { newRouter } from '../../http/router';
import { newId } from '../../util/ids';
import { newWebhookSecret } from '../../webhooks/signature';
import { createSubscriptionRoute, deleteSubscriptionRoute, listDeliveriesRoute, listSubscriptionsRoute, retryDeliveryRoute } from './schema';

type SubscriptionRow = Selectable<WebhookSubscriptionTable>;

const unitOfPath = (path: string) => path.split('/').filter((part) => part.length > 0).at(-1) ?? null;

const presentSubscription = (row: SubscriptionRow) => ({ id: row.id, url: row.url, events: JSON.parse(row.events) as string[], orgUnitId: unitOfPath(row.org_path), active: row.active === 1, createdAt: row.created_at });

const presentDelivery = (row: Selectable<WebhookDeliveryTable>) => ({
  id: row.id,
  event: row.event,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastStatus: row.last_status,
  lastError: row.last_error,
  deliveredAt: row.delivered_at,
  createdAt: row.created_at,
});

/** Webhooks are integration settings: district and institute admins, for their subtree. */
function adminScope(actor: Actor): OrgScope {
  if (!actor.memberships.some((m) => m.role === 'districtAdmin' || m.role === 'instituteAdmin')) throw problems.forbidden('Webhooks are managed by district and institute admins.');
  return new OrgScope({ ...actor, memberships: actor.memberships.filter((m) => m.role === 'districtAdmin' || m.role === 'instituteAdmin') });
}

async function findSubscription(db: Kysely<Database>, actor: Actor, id: string): Promise<SubscriptionRow> {
  const row = await db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined || !adminScope(actor).covers(row.org_path)) throw problems.notFound('webhook subscription');
  return row;
}

export const webhookRoutes = newRouter()
  .openapi(createSubscriptionRoute, async (c) => {
    const actor = requireActor(c);
    const scope = adminScope(actor);
    const body = c.req.valid('json');
    const deps = c.get('deps');
    let orgPath = scope.roots[0]!;
    if (body.orgUnitId !== undefined) {
      const unit = await deps.database.db.selectFrom('org_units').select('path').where('id', '=', body.orgUnitId).executeTakeFirst();
      if (unit === undefined || !scope.covers(unit.path)) throw problems.notFound('org unit');
      orgPath = unit.path;
    }
    const row: SubscriptionRow = { id: newId(), url: body.url, events: JSON.stringify(body.events), secret: newWebhookSecret(), org_path: orgPath, created_by: actor.userId, created_at: deps.clock().toISOString(), active: 1 };
    await deps.database.db.insertInto('webhook_subscriptions').values(row).execute();
    return c.json({ ...presentSubscription(row), secret: row.secret }, 201);
  })
  .openapi(listSubscriptionsRoute, async (c) => {
    const scope = adminScope(requireActor(c));
    const rows = await c.get('deps').database.db.selectFrom('webhook_subscriptions').selectAll().where(scope.subtree('webhook_subscriptions.org_path')).orderBy('id', 'desc').execute();
    return c.json({ items: rows.map(presentSubscription) }, 200);
  })
  .openapi(deleteSubscriptionRoute, async (c) => {
    const row = await findSubscription(c.get('deps').database.db, requireActor(c), c.req.valid('param').id);
    await c.get('deps').database.db.transaction().execute(async (trx) => {
      await trx.updateTable('webhook_subscriptions').set({ active: 0 }).where('id', '=', row.id).execute();
      // What was still waiting to go out stays visible in the log, as undeliverable, and is never sent.
      await trx.updateTable('webhook_deliveries').set({ status: 'dead', last_error: 'subscription deleted' }).where('subscription_id', '=', row.id).where('status', '=', 'pending').execute();
    });
    return c.json(presentSubscription({ ...row, active: 0 }), 200);
  })
  .openapi(listDeliveriesRoute, async (c) => {
    const row = await findSubscription(c.get('deps').database.db, requireActor(c), c.req.valid('param').id);
    const query = c.req.valid('query');
    let select = c.get('deps').database.db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', row.id);
    if (query.status !== undefined) select = select.where('status', '=', query.status);
    const rows = await select.orderBy('id', 'desc').limit(query.limit).execute();
    return c.json({ items: rows.map(presentDelivery) }, 200);
  })
  .openapi(retryDeliveryRoute, async (c) => {
    const { id, deliveryId } = c.req.valid('param');
    const subscription = await findSubscription(c.get('deps').database.db, requireActor(c), id);
    const deps = c.get('deps');
    const db = deps.database.db;
    const delivery = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', deliveryId).where('subscription_id', '=', subscription.id).executeTakeFirst();
    if (delivery === undefined) throw problems.notFound('delivery');
    if (delivery.status !== 'dead') throw problems.conflict(`The delivery is ${delivery.status}; only dead letters are retried by hand.`);
    if (subscription.active !== 1) throw problems.conflict('The subscription is deleted; its deliveries are not sent again.');
    const requeued = { ...delivery, status: 'pending' as const, attempts: 0, next_attempt_at: deps.clock().toISOString() };
    await db.updateTable('webhook_deliveries').set({ status: 'pending', attempts: 0, next_attempt_at: requeued.next_attempt_at }).where('id', '=', delivery.id).where('status', '=', 'dead').execute();
    return c.json(presentDelivery(requeued), 200);
  });
