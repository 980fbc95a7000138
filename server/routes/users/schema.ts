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
