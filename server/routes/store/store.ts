import type { Actor } from '../../auth/actor';
import { appendAudit } from '../../db/repositories/audit-repository';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { etag, requireIfMatch } from '../../http/preconditions';
import { newRouter } from '../../http/router';
import { balanceOf } from '../../records/points-ledger';
import { changeItem, changeStore, createItem, createStore, findStore, listItems, listStores, presentItem, presentStore, requireOperator } from '../../store/catalog';
import { cancelRedemption, listRedemptions, redeem } from '../../store/redemptions';
import { readStarLevels, writeStarLevels } from '../../store/star-level-settings';
import { presentCode, rotateCode, userByCode } from '../../store/volunteer-codes';
import { pointsOverview } from '../../store/volunteer-points';
import {
  cancelRedemptionRoute,
  changeItemRoute,
  changeStoreRoute,
  createItemRoute,
  createStoreRoute,
  getStarLevelsRoute,
  listItemsRoute,
  listRedemptionsRoute,
  listStoresRoute,
  lookupVolunteerRoute,
  myPointsRoute,
  putStarLevelsRoute,
  redeemRoute,
  rotateCodeRoute,
} from './schema';

/** Star levels are readable by anyone of the district (volunteers see how far the next star is). */
function inDistrict(actor: Actor, districtId: string): boolean {
  return actor.system || actor.memberships.some((m) => m.orgPath.startsWith(`/${districtId}/`));
}

export const storeRoutes = newRouter()
  .openapi(listStoresRoute, async (c) => {
    const actor = requireActor(c);
    const rows = await listStores(c.get('deps').database.db, actor, { operable: c.req.valid('query').operable === '1' });
    return c.json({ items: rows.map((row) => presentStore(row, actor)) }, 200);
  })
  .openapi(createStoreRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const row = await createStore(deps.database.db, actor, c.req.valid('json'), deps.clock().toISOString());
    c.header('etag', etag(row.version));
    return c.json(presentStore(row, actor), 201);
  })
  .openapi(changeStoreRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const row = await changeStore(deps.database.db, actor, c.req.valid('param').id, requireIfMatch(c.req.header('if-match')), c.req.valid('json'), deps.clock().toISOString());
    c.header('etag', etag(row.version));
    return c.json(presentStore(row, actor), 200);
  })
  .openapi(listItemsRoute, async (c) => {
    const actor = requireActor(c);
    const rows = await listItems(c.get('deps').database.db, actor, c.req.valid('param').id);
    return c.json({ items: rows.map(presentItem) }, 200);
  })
  .openapi(createItemRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const row = await createItem(deps.database.db, actor, c.req.valid('param').id, c.req.valid('json'), deps.clock().toISOString());
    c.header('etag', etag(row.version));
    return c.json(presentItem(row), 201);
  })
  .openapi(changeItemRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const row = await changeItem(deps.database.db, actor, c.req.valid('param').id, requireIfMatch(c.req.header('if-match')), c.req.valid('json'), deps.clock().toISOString());
    c.header('etag', etag(row.version));
    return c.json(presentItem(row), 200);
  })
  .openapi(lookupVolunteerRoute, async (c) => {
    const actor = requireActor(c);
    const db = c.get('deps').database.db;
    requireOperator(actor, await findStore(db, actor, c.req.valid('query').storeId));
    const volunteer = await userByCode(db, c.req.valid('param').code);
    if (volunteer === undefined) throw problems.notFound('volunteer code');
    return c.json({ ...volunteer, balance: await balanceOf(db, volunteer.id) }, 200);
  })
  .openapi(redeemRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const { redemption, replayed } = await redeem(deps.database, actor, { ...c.req.valid('json'), idempotencyKey: c.req.valid('header')['idempotency-key'] }, deps.clock().toISOString());
    if (replayed) {
      c.header('idempotent-replayed', 'true');
      return c.json(redemption, 200);
    }
    return c.json(redemption, 201);
  })
  .openapi(cancelRedemptionRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    return c.json(await cancelRedemption(deps.database, actor, c.req.valid('param').id, c.req.valid('json').reason, deps.clock().toISOString()), 200);
  })
  .openapi(listRedemptionsRoute, async (c) => {
    const actor = requireActor(c);
    const query = c.req.valid('query');
    return c.json({ items: await listRedemptions(c.get('deps').database, actor, query.storeId, query.limit) }, 200);
  })
  .openapi(myPointsRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    return c.json(await pointsOverview(deps.database, actor, deps.clock().toISOString(), c.req.valid('query').limit), 200);
  })
  .openapi(rotateCodeRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const code = await deps.database.db.transaction().execute(async (trx) => {
      const next = await rotateCode(trx, actor.userId, at);
      await appendAudit(trx, { actorId: actor.userId, action: 'volunteer-code.rotate', targetType: 'volunteer-code', targetId: actor.userId, beforeHash: null, afterHash: null, at });
      return next;
    });
    return c.json(presentCode(code), 200);
  })
  .openapi(getStarLevelsRoute, async (c) => {
    const actor = requireActor(c);
    const districtId = c.req.valid('param').districtId;
    if (!inDistrict(actor, districtId)) throw problems.notFound('district');
    return c.json(await readStarLevels(c.get('deps').database.db, districtId), 200);
  })
  .openapi(putStarLevelsRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const districtId = c.req.valid('param').districtId;
    if (!inDistrict(actor, districtId)) throw problems.notFound('district');
    const saved = await writeStarLevels(deps.database.db, actor, districtId, requireIfMatch(c.req.header('if-match')), c.req.valid('json').thresholds, deps.clock().toISOString());
    c.header('etag', etag(saved.version));
    return c.json(saved, 200);
  });
