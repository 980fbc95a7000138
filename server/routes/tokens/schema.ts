import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

export const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.enum(['read', 'write', 'admin']),
    orgUnitId: z.string().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');

export const CreateTokenBody = z
  .object({
    name: z.string().min(1).max(120),
    scope: z.enum(['read', 'write', 'admin']),
    /** Limit the token to this unit's subtree (inside your own reach). */
    orgUnitId: z.string().min(1).max(64).optional(),
  })
  .strict()
  .openapi('CreateApiToken');

const IdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });

export const createTokenRoute = createRoute({
  method: 'post',
  path: '/tokens',
  tags: ['api tokens'],
  summary: 'Create an API token (admins). The secret is in this response only; send it as Authorization: Bearer <token>',
  request: { body: jsonBody(CreateTokenBody) },
  responses: { 201: jsonContent(TokenSchema.extend({ token: z.string() }), 'Created; store the token now'), ...problemResponses(400, 401, 403, 404, 415) },
});

export const listTokensRoute = createRoute({
  method: 'get',
  path: '/tokens',
  tags: ['api tokens'],
  summary: 'Your tokens (never their secrets)',
  responses: { 200: jsonContent(z.object({ items: z.array(TokenSchema) }), 'Tokens'), ...problemResponses(401) },
});

export const revokeTokenRoute = createRoute({
  method: 'delete',
  path: '/tokens/{id}',
  tags: ['api tokens'],
  summary: 'Revoke a token: it fails from the next request on',
  request: { params: IdParam },
  responses: { 200: jsonContent(TokenSchema, 'Revoked'), ...problemResponses(401, 404) },
});
