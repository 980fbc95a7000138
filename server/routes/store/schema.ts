import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

const Id = z.string().min(1).max(64);
const IdParam = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });
const Label = z.object({ 'zh-CN': z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(120) }).strict();
const Points = z.number().int().positive().max(1_000_000);
const Stock = z.number().int().min(0).max(1_000_000);
const IfMatch = z.object({ 'if-match': z.string().optional().openapi({ description: 'the current version, e.g. "3"' }) });

export const StoreSchema = z
  .object({ id: z.string(), orgUnitId: z.string(), name: z.object({ 'zh-CN': z.string(), en: z.string() }), active: z.boolean(), version: z.number().int(), mayOperate: z.boolean() })
  .openapi('Store');

export const ItemSchema = z
  .object({ id: z.string(), storeId: z.string(), title: z.object({ 'zh-CN': z.string(), en: z.string() }), pointsPrice: z.number().int(), stock: z.number().int(), active: z.boolean(), version: z.number().int() })
  .openapi('RewardItem');

export const RedemptionSchema = z
  .object({
    id: z.string(),
    storeId: z.string(),
    itemId: z.string(),
    itemTitle: z.object({ 'zh-CN': z.string(), en: z.string() }),
    volunteer: z.object({ id: z.string(), displayName: z.string() }),
    quantity: z.number().int(),
    points: z.number().int(),
    status: z.enum(['redeemed', 'cancelled']),
    operatorId: z.string(),
    redeemedAt: z.string(),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
  })
  .openapi('Redemption');

const CodeSchema = z.object({ code: z.string(), display: z.string(), qr: z.string() }).openapi('VolunteerCode');

export const PointsOverviewSchema = z
  .object({
    userId: z.string(),
    balance: z.number().int(),
    hours: z.number(),
    level: z.object({ level: z.number().int(), hours: z.number(), nextAt: z.number().nullable(), progress: z.number(), thresholds: z.array(z.number()) }),
    code: CodeSchema,
    history: z.array(
      z.object({
        id: z.string(),
        points: z.number().int(),
        kind: z.string(),
        at: z.string(),
        recordId: z.string().nullable(),
        redemption: z.object({ id: z.string(), itemTitle: z.object({ 'zh-CN': z.string(), en: z.string() }), quantity: z.number().int(), status: z.string() }).nullable(),
      }),
    ),
  })
  .openapi('PointsOverview');

const StarLevelsSchema = z.object({ districtId: z.string(), thresholds: z.array(z.number()), configured: z.boolean(), version: z.number().int() }).openapi('StarLevels');

/** Five increasing thresholds in hours (一星 … 五星). */
const Thresholds = z
  .array(z.number().positive().max(100_000))
  .length(5)
  .superRefine((values, ctx) => {
    values.forEach((value, index) => {
      if (index > 0 && value <= values[index - 1]!) ctx.addIssue({ code: 'custom', path: [index], message: '每一级须高于上一级 / each level must be above the one before' });
    });
  });

export const listStoresRoute = createRoute({
  method: 'get',
  path: '/store/stores',
  tags: ['store'],
  summary: 'Love stores (爱心超市) of your district; operable=1: only those you run',
  request: { query: z.object({ operable: z.enum(['0', '1']).optional() }) },
  responses: { 200: jsonContent(z.object({ items: z.array(StoreSchema) }), 'Stores'), ...problemResponses(400, 401) },
});

export const createStoreRoute = createRoute({
  method: 'post',
  path: '/store/stores',
  tags: ['store'],
  summary: 'Open a store at an org unit (its store operator, or admins above it)',
  request: { body: jsonBody(z.object({ orgUnitId: Id, name: Label }).strict().openapi('CreateStore')) },
  responses: { 201: jsonContent(StoreSchema, 'Opened'), ...problemResponses(400, 401, 403, 415) },
});

export const changeStoreRoute = createRoute({
  method: 'patch',
  path: '/store/stores/{id}',
  tags: ['store'],
  summary: 'Rename, close or reopen a store. If-Match: the store version',
  request: { params: IdParam, headers: IfMatch, body: jsonBody(z.object({ name: Label.optional(), active: z.boolean().optional() }).strict()) },
  responses: { 200: jsonContent(StoreSchema, 'Changed'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
});

export const listItemsRoute = createRoute({
  method: 'get',
  path: '/store/stores/{id}/items',
  tags: ['store'],
  summary: 'Reward items of a store (withdrawn ones only for those who run it)',
  request: { params: IdParam },
  responses: { 200: jsonContent(z.object({ items: z.array(ItemSchema) }), 'Items'), ...problemResponses(401, 404) },
});

export const createItemRoute = createRoute({
  method: 'post',
  path: '/store/stores/{id}/items',
  tags: ['store'],
  summary: 'Add a reward item with its points price and stock',
  request: { params: IdParam, body: jsonBody(z.object({ title: Label, pointsPrice: Points, stock: Stock }).strict().openapi('CreateRewardItem')) },
  responses: { 201: jsonContent(ItemSchema, 'Added'), ...problemResponses(400, 401, 403, 404, 415) },
});

export const changeItemRoute = createRoute({
  method: 'patch',
  path: '/store/items/{id}',
  tags: ['store'],
  summary: 'Change an item’s title, price, stock or withdraw it. If-Match: the item version (each redemption bumps it)',
  request: { params: IdParam, headers: IfMatch, body: jsonBody(z.object({ title: Label.optional(), pointsPrice: Points.optional(), stock: Stock.optional(), active: z.boolean().optional() }).strict()) },
  responses: { 200: jsonContent(ItemSchema, 'Changed'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
});

export const lookupVolunteerRoute = createRoute({
  method: 'get',
  path: '/store/volunteers/{code}',
  tags: ['store'],
  summary: 'Who a counter code belongs to and their balance, for the operator to confirm before redeeming',
  request: { params: z.object({ code: z.string().min(1).max(40).openapi({ param: { name: 'code', in: 'path' } }) }), query: z.object({ storeId: Id }) },
  responses: { 200: jsonContent(z.object({ id: z.string(), displayName: z.string(), balance: z.number().int() }), 'The volunteer'), ...problemResponses(400, 401, 403, 404) },
});

export const redeemRoute = createRoute({
  method: 'post',
  path: '/store/redemptions',
  tags: ['store'],
  summary: 'Redeem an item for a volunteer (by their code): checks balance and stock in one transaction. Idempotency-Key makes retries safe',
  request: {
    headers: z.object({ 'idempotency-key': z.string().min(8).max(128).optional().openapi({ description: 'a replay returns the first redemption and changes nothing' }) }),
    body: jsonBody(z.object({ storeId: Id, itemId: Id, volunteerCode: z.string().trim().min(4).max(40), quantity: z.number().int().min(1).max(20).default(1) }).strict().openapi('Redeem')),
  },
  responses: {
    201: jsonContent(RedemptionSchema, 'Redeemed'),
    200: jsonContent(RedemptionSchema, 'Replayed: redeemed earlier under this Idempotency-Key'),
    ...problemResponses(400, 401, 403, 404, 409, 415, 422),
  },
});

export const cancelRedemptionRoute = createRoute({
  method: 'post',
  path: '/store/redemptions/{id}/cancel',
  tags: ['store'],
  summary: 'Cancel a redemption: restores the points and the stock exactly once (a second cancel is 409)',
  request: { params: IdParam, body: jsonBody(z.object({ reason: z.string().trim().min(1).max(500).optional() }).strict()) },
  responses: { 200: jsonContent(RedemptionSchema, 'Cancelled'), ...problemResponses(400, 401, 403, 404, 409, 415) },
});

export const listRedemptionsRoute = createRoute({
  method: 'get',
  path: '/store/redemptions',
  tags: ['store'],
  summary: 'A store’s redemptions, newest first (for those who run it)',
  request: { query: z.object({ storeId: Id, limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  responses: { 200: jsonContent(z.object({ items: z.array(RedemptionSchema) }), 'Redemptions'), ...problemResponses(400, 401, 403, 404) },
});

export const myPointsRoute = createRoute({
  method: 'get',
  path: '/volunteers/me/points',
  tags: ['store'],
  summary: 'Your points balance, hours, star level, counter code and history',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: { 200: jsonContent(PointsOverviewSchema, 'Your points'), ...problemResponses(400, 401) },
});

export const rotateCodeRoute = createRoute({
  method: 'post',
  path: '/volunteers/me/code/rotate',
  tags: ['store'],
  summary: 'Replace your counter code (the old one stops working)',
  responses: { 200: jsonContent(CodeSchema, 'The new code'), ...problemResponses(401) },
});

const DistrictParam = z.object({ districtId: Id.openapi({ param: { name: 'districtId', in: 'path' } }) });

export const getStarLevelsRoute = createRoute({
  method: 'get',
  path: '/star-levels/{districtId}',
  tags: ['store'],
  summary: 'A district’s star-volunteer thresholds in hours (the default 100/300/600/1000/1500 until set)',
  request: { params: DistrictParam },
  responses: { 200: jsonContent(StarLevelsSchema, 'Thresholds'), ...problemResponses(401, 404) },
});

export const putStarLevelsRoute = createRoute({
  method: 'put',
  path: '/star-levels/{districtId}',
  tags: ['store'],
  summary: 'Set a district’s star-volunteer thresholds (its district admins). If-Match: the version, "0" before the first',
  request: { params: DistrictParam, headers: IfMatch, body: jsonBody(z.object({ thresholds: Thresholds }).strict().openapi('SetStarLevels')) },
  responses: { 200: jsonContent(StarLevelsSchema, 'Saved'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
});
