import type { Kysely } from 'kysely';
import type { Database } from '../../db/types';
import { requireActor } from '../../http/env';
import { newRouter } from '../../http/router';
import { assignWish, claimWish, listVisibleWishes, postWish, type WishRow } from '../../wishes/wishes';
import { assignWishRoute, claimWishRoute, listWishesRoute, postWishRoute } from './schema';

function present(row: WishRow, orderState: string, orderVersion: number) {
  return {
    id: row.id,
    orgUnitId: row.org_unit_id,
    requesterId: row.requester_id,
    text: row.text,
    photos: JSON.parse(row.photos) as string[],
    category: row.category,
    status: row.status,
    claimedTeamId: row.claimed_team_id,
    claimedBy: row.claimed_by,
    claimedAt: row.claimed_at,
    instanceId: row.instance_id,
    orderState,
    orderVersion,
    createdAt: row.created_at,
  };
}

async function withOrder(db: Kysely<Database>, row: WishRow) {
  const order = await db.selectFrom('workflow_instances').select(['state', 'version']).where('id', '=', row.instance_id).executeTakeFirstOrThrow();
  return present(row, order.state, order.version);
}

export const wishRoutes = newRouter()
  .openapi(postWishRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const row = await deps.database.db.transaction().execute((trx) => postWish(trx, deps, actor, c.req.valid('json'), at));
    c.header('location', `/api/wishes/${row.id}`);
    return c.json(await withOrder(deps.database.db, row), 201);
  })
  .openapi(listWishesRoute, async (c) => {
    const rows = await listVisibleWishes(c.get('deps').database.db, requireActor(c), c.req.valid('query'));
    return c.json({ items: rows.map((row) => present(row, row.state, row.instance_version)) }, 200);
  })
  .openapi(claimWishRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const row = await deps.database.db.transaction().execute((trx) => claimWish(trx, deps, actor, c.req.valid('param').id, c.req.valid('json').teamId, at));
    return c.json(await withOrder(deps.database.db, row), 200);
  })
  .openapi(assignWishRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const row = await deps.database.db.transaction().execute((trx) => assignWish(trx, deps, actor, c.req.valid('param').id, c.req.valid('json').teamId, at));
    return c.json(await withOrder(deps.database.db, row), 200);
  });
