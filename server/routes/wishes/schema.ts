import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

const Id = z.string().min(1).max(64);
const IdParam = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });

export const WishSchema = z
  .object({
    id: z.string(),
    orgUnitId: z.string(),
    requesterId: z.string(),
    text: z.string(),
    photos: z.array(z.string()),
    category: z.string().nullable(),
    status: z.enum(['open', 'claimed', 'assigned']),
    claimedTeamId: z.string().nullable(),
    claimedBy: z.string().nullable(),
    claimedAt: z.string().nullable(),
    instanceId: z.string(),
    /** The five-order state of the wish's order. */
    orderState: z.string(),
    orderVersion: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('Wish');

export const PostWishBody = z
  .object({
    text: z.string().trim().min(2).max(1000),
    photos: z.array(Id).max(9).default([]),
    category: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/).max(80).optional(),
    orgUnitId: Id.optional(),
  })
  .strict()
  .openapi('PostWish');

export const TeamBody = z.object({ teamId: Id }).strict().openapi('WishTeam');

const tags = ['wishes'];

export const postWishRoute = createRoute({
  method: 'post',
  path: '/wishes',
  tags,
  summary: 'Post a wish (心愿) with text and photos at your station; it starts a five-order order',
  request: { body: jsonBody(PostWishBody) },
  responses: { 201: jsonContent(WishSchema, 'Posted'), ...problemResponses(400, 401, 403, 415, 422) },
});

export const listWishesRoute = createRoute({
  method: 'get',
  path: '/wishes',
  tags,
  summary: 'The wish wall: your wishes, wishes in the area of your teams (station and institute), and those you administer',
  request: { query: z.object({ status: z.enum(['open', 'claimed', 'assigned']).optional() }) },
  responses: { 200: jsonContent(z.object({ items: z.array(WishSchema) }), 'Wishes'), ...problemResponses(400, 401) },
});

export const claimWishRoute = createRoute({
  method: 'post',
  path: '/wishes/{id}/claim',
  tags,
  summary: 'Claim a wish for your team (first claim wins; later ones get 409; a team outside the area 403)',
  request: { params: IdParam, body: jsonBody(TeamBody) },
  responses: { 200: jsonContent(WishSchema, 'Claimed'), ...problemResponses(400, 401, 403, 404, 409, 415) },
});

export const assignWishRoute = createRoute({
  method: 'post',
  path: '/wishes/{id}/assign',
  tags,
  summary: 'Assign a wish to a team of its station or institute (station or institute admin)',
  request: { params: IdParam, body: jsonBody(TeamBody) },
  responses: { 200: jsonContent(WishSchema, 'Assigned'), ...problemResponses(400, 401, 403, 404, 409, 415) },
});
