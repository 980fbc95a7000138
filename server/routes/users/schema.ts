import { createRoute, z } from '@hono/zod-openapi';
import { roles } from '../../auth/roles';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';
import { MemberSchema } from '../org-units/schema';

export const CreateUserBody = z
  .object({
    username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, '3–50 lowercase letters, digits, . _ -'),
    displayName: z.string().min(1).max(60),
    password: z.string().min(10).max(200).optional(),
    role: z.enum(roles),
    orgUnitId: z.string().min(1).max(64),
  })
  .strict()
  .openapi('CreateUser');

export const CreatedUser = z.object({ id: z.string(), username: z.string(), displayName: z.string(), roles: z.array(MemberSchema) }).openapi('User');

export const createUserRoute = createRoute({
  method: 'post',
  path: '/users',
  tags: ['users'],
  summary: 'Create a user with a first role at a unit you administer',
  request: { body: jsonBody(CreateUserBody) },
  responses: { 201: jsonContent(CreatedUser, 'Created'), ...problemResponses(400, 401, 403, 404, 409, 415) },
});

export const GrantBody = z
  .object({ userId: z.string().min(1).max(64), role: z.enum(roles), orgUnitId: z.string().min(1).max(64), teamId: z.string().min(1).max(64).optional() })
  .strict()
  .openapi('GrantRole');

export const grantRoleRoute = createRoute({
  method: 'post',
  path: '/role-assignments',
  tags: ['users'],
  summary: 'Grant a role at a unit (only at or below your own admin level, inside your scope)',
  request: { body: jsonBody(GrantBody) },
  responses: { 201: jsonContent(MemberSchema, 'Granted'), ...problemResponses(400, 401, 403, 404, 409, 415) },
});

export const revokeRoleRoute = createRoute({
  method: 'delete',
  path: '/role-assignments/{id}',
  tags: ['users'],
  summary: 'Revoke a role assignment you could have granted',
  request: { params: z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 204: { description: 'Revoked' }, ...problemResponses(401, 403, 404) },
});

export const UserSummarySchema = z
  .object({ id: z.string(), username: z.string(), displayName: z.string(), active: z.boolean(), version: z.number().int(), roles: z.array(z.object({ id: z.string(), role: z.string(), orgUnitId: z.string(), teamId: z.string().nullable() })) })
  .openapi('UserSummary');

const UserId = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });
const IfMatch = z.object({ 'if-match': z.string().optional() });

export const listUsersRoute = createRoute({
  method: 'get',
  path: '/users',
  tags: ['users'],
  summary: 'People holding a role in your subtree (admins only), by username',
  request: { query: z.object({ q: z.string().max(50).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: { 200: jsonContent(z.object({ items: z.array(UserSummarySchema) }), 'Users'), ...problemResponses(400, 401, 403) },
});

export const UpdateUserBody = z
  .object({ displayName: z.string().min(1).max(60).optional(), password: z.string().min(10).max(200).optional() })
  .strict()
  .openapi('UpdateUser');

export const updateUserRoute = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags: ['users'],
  summary: 'Rename a user or reset their password (If-Match: version); only users whose every role you could grant',
  request: { params: UserId, headers: IfMatch, body: jsonBody(UpdateUserBody) },
  responses: { 200: jsonContent(UserSummarySchema, 'Updated'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
});

export const deactivateUserRoute = createRoute({
  method: 'post',
  path: '/users/{id}/deactivate',
  tags: ['users'],
  summary: 'Deactivate a user (ends their sessions); only users whose every role you could grant',
  request: { params: UserId, headers: IfMatch },
  responses: { 200: jsonContent(UserSummarySchema, 'Deactivated'), ...problemResponses(401, 403, 404, 409, 412, 428) },
});

export const userNamesRoute = createRoute({
  method: 'get',
  path: '/users/names',
  tags: ['users'],
  summary: 'Display names of people you meet in your work (your units, teams you see, actors on instances you read); others are left out',
  request: {
    query: z.object({
      ids: z
        .string()
        .min(1)
        .max(6500)
        .transform((text) => text.split(',').map((id) => id.trim()).filter((id) => id.length > 0))
        .pipe(z.array(z.string().max(64)).min(1).max(100))
        .openapi({ type: 'string', description: 'Comma-separated user ids, at most 100' }),
    }),
  },
  responses: { 200: jsonContent(z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string() })) }).openapi('UserNames'), 'Names of the ids you may see'), ...problemResponses(400, 401) },
});
