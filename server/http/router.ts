import { OpenAPIHono, z } from '@hono/zod-openapi';
import { validationHook } from '../errors';
import type { AppEnv } from './env';
import { leanRequestValidation } from './request-validation';

/**
 * Every router validates through the same hook, so a bad request is always a 400 problem with pointers.
 * Path, query and header parts are checked by one lean middleware (see request-validation.ts) instead of
 * zod-openapi's one-per-part validators; the OpenAPI document is unchanged.
 */
export function newRouter(): OpenAPIHono<AppEnv> {
  return leanRequestValidation(new OpenAPIHono<AppEnv>({ defaultHook: validationHook }), validationHook);
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), code: z.string(), message: z.string() })).optional(),
    rule: z.string().optional(),
  })
  .loose()
  .openapi('Problem');

const statusText: Record<number, string> = {
  400: 'Invalid request (errors carry JSON pointers)',
  401: 'Not signed in',
  403: 'Forbidden (outside your role or org scope, or CSRF)',
  404: 'Not found or not visible to you',
  409: 'Conflict',
  412: 'If-Match does not match the current version',
  413: 'Body too large',
  415: 'Unsupported media type',
  422: 'Refused by a rule (the problem names it)',
  428: 'If-Match required',
  429: 'Too many requests',
};

/** Problem responses for a route's documented error statuses. */
export function problemResponses(...statuses: number[]) {
  const responses: Record<number, { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }> = {};
  for (const status of statuses) {
    responses[status] = { description: statusText[status] ?? 'Error', content: { 'application/problem+json': { schema: ProblemSchema } } };
  }
  return responses;
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}
