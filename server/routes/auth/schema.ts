import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

export const RoleMembershipSchema = z
  .object({ role: z.string(), orgUnitId: z.string(), orgUnitName: z.string() })
  .openapi('RoleMembership');

export const UserSchema = z
  .object({ id: z.string(), username: z.string(), displayName: z.string(), roles: z.array(RoleMembershipSchema) })
  .openapi('SessionUser');

export const UserEnvelope = z.object({ user: UserSchema });

export const LoginBody = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })
  .openapi('LoginRequest');

export const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Sign in; sets the sid (HttpOnly) and csrf cookies',
  request: { body: jsonBody(LoginBody) },
  responses: { 200: jsonContent(UserEnvelope, 'Signed in'), ...problemResponses(400, 401, 415, 429) },
});

export const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'Sign out',
  responses: { 204: { description: 'Signed out' }, ...problemResponses(403) },
});

export const meRoute = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: 'The signed-in user and their roles',
  responses: { 200: jsonContent(UserEnvelope, 'The user'), ...problemResponses(401) },
});
