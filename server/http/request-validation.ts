import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { Context, Env, MiddlewareHandler, Next } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';

type Target = 'query' | 'param' | 'header' | 'json';
type Result = { success: true; data: unknown } | { success: false; error: z.ZodError };
type Request = NonNullable<RouteConfig['request']>;
export type ValidationHook = (result: { success: boolean; target: string; error?: unknown; data?: unknown }, c: Context) => Response | undefined;

/**
 * Replaces zod-openapi's request validators with one check run at the start of the handler, in the same order
 * (query, path, headers, media type, JSON body), answering the same way (the hook's 400 problem; 415 and
 * malformed JSON as the same HTTPExceptions). zod-openapi runs each part as its own async middleware with
 * an async zod parse (several µs each, where the parse itself takes a fraction of one), and validates
 * headers by copying every request header into a web `Headers` object first, which also slows every
 * later header read. Here only the declared headers are read, and zod parses synchronously (a schema
 * that needs async falls back to the async parse). Routes with cookies, form or optional bodies, or their
 * own hook, keep zod-openapi's validators. The OpenAPI document is built from the route as given.
 */
export function leanRequestValidation<E extends Env>(router: OpenAPIHono<E>, hook: ValidationHook): OpenAPIHono<E> {
  const openapi = router.openapi;
  router.openapi = ((config: RouteConfig & { middleware?: MiddlewareHandler | MiddlewareHandler[]; hide?: boolean }, handler: unknown, routeHook?: unknown) => {
    const check = config.request === undefined || routeHook !== undefined ? undefined : requestCheck(config.request, hook);
    if (check === undefined) return openapi(config as never, handler as never, routeHook as never);
    const { hide, request: _request, ...route } = config;
    const { middleware: _middleware, ...documented } = route;
    if (hide !== true) router.openAPIRegistry.registerPath({ ...documented, request: config.request });
    // The check runs inside the handler's own entry: every handler of a route is one more entry for the
    // router to collect and one more async step of Hono's compose.
    const run = handler as (c: Context, next: Next) => unknown;
    const checked = async (c: Context, next: Next) => (await check(c)) ?? run(c, next);
    return openapi({ ...route, hide: true } as never, checked as never);
  }) as typeof router.openapi;
  return router;
}

const jsonMediaType = 'application/json';
// zod-openapi's test of a declared JSON body's content type, and Hono's validator's test of its media type.
const jsonContentType = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;
const jsonMedia = /^application\/([\w.-]+\+)?json$/i;

/** The JSON body schema when the route declares exactly one required JSON body; null for no body; undefined when not leanable. */
function jsonBodySchema(request: Request): z.ZodType | null | undefined {
  const body = request.body;
  if (body === undefined) return null;
  const types = Object.keys(body.content);
  const schemaOf = (type: string) => (body.content[type] as { schema?: unknown } | undefined)?.schema;
  const validated = types.filter((type) => isZod(schemaOf(type)) && (/^application\/([a-z-.]+\+)?json/i.test(type) || /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)));
  // A raw body (attachments) is not validated by zod-openapi either.
  if (validated.length === 0) return null;
  if (types.length !== 1 || types[0] !== jsonMediaType || body.required !== true) return undefined;
  return schemaOf(jsonMediaType) as z.ZodType;
}

function isZod(schema: unknown): schema is z.ZodType {
  return schema instanceof z.ZodType;
}

function isStripObject(schema: unknown): schema is z.ZodObject {
  // A strict or loose header object would see every request header; only a stripping one can be fed the declared ones.
  return schema instanceof z.ZodObject && schema._zod.def.catchall === undefined;
}

/** The route's checks as one function resolving to the refusal, if any; undefined when the route is not leanable. */
function requestCheck(request: Request, hook: ValidationHook): ((c: Context) => Promise<Response | undefined>) | undefined {
  const { query, params, headers, cookies } = request;
  const json = jsonBodySchema(request);
  if (json === undefined || cookies !== undefined) return undefined;
  if (query === undefined && params === undefined && headers === undefined && json === null) return undefined;
  if ((query !== undefined && !isZod(query)) || (params !== undefined && !isZod(params))) return undefined;
  if (headers !== undefined && !isStripObject(headers)) return undefined;
  const headerNames = headers === undefined ? [] : Object.keys(headers.shape);
  // In zod-openapi's order: query, path, headers (only the declared ones are read).
  const parts: [Target, z.ZodType, (c: Context) => unknown][] = [];
  if (query !== undefined) parts.push(['query', query, (c) => Object.fromEntries(Object.entries(c.req.queries()).map(([key, values]) => [key, values.length === 1 ? values[0] : values]))]);
  if (params !== undefined) parts.push(['param', params, (c) => c.req.param()]);
  if (headers !== undefined) {
    parts.push([
      'header',
      headers,
      (c) => {
        const value: Record<string, string> = {};
        for (const name of headerNames) {
          const header = c.req.header(name);
          if (header !== undefined) value[name] = header;
        }
        return value;
      },
    ]);
  }
  return async (c) => {
    for (const [target, schema, read] of parts) {
      const checked = validate(c, target, schema, read(c), hook);
      const refused = checked instanceof Promise ? await checked : checked;
      if (refused !== undefined) return refused;
    }
    if (json === null) return undefined;
    const contentType = c.req.header('content-type');
    if (contentType ? !jsonContentType.test(contentType) : await hasRequestBody(c)) throw new HTTPException(415, { message: 'Unsupported Media Type' });
    let value: unknown = {};
    if (contentType !== undefined && jsonMedia.test(contentType.split(';')[0]!.trim())) {
      try {
        value = await c.req.json();
      } catch {
        throw new HTTPException(400, { message: 'Malformed JSON in request body' });
      }
    }
    return validate(c, 'json', json, value, hook);
  };
}

/** Parses one part; a refusal is the hook's response. Synchronous unless the schema is asynchronous. */
function validate(c: Context, target: Target, schema: z.ZodType, value: unknown, hook: ValidationHook): Response | undefined | Promise<Response | undefined> {
  let result: Result;
  try {
    result = schema.safeParse(value);
  } catch (error) {
    if (!(error instanceof z.core.$ZodAsyncError)) throw error;
    return schema.safeParseAsync(value).then((asyncResult) => settle(c, target, asyncResult, value, hook));
  }
  return settle(c, target, result, value, hook);
}

function settle(c: Context, target: Target, result: Result, value: unknown, hook: ValidationHook): Response | undefined {
  const refused = hook({ data: value, ...result, target }, c);
  if (refused instanceof Response) return refused;
  if (!result.success) return c.json(result, 400);
  c.req.addValidatedData(target, result.data as never);
  return undefined;
}

/** zod-openapi's test for a body sent without a content type (copied: it is not exported). */
async function hasRequestBody(c: Context): Promise<boolean> {
  const raw = c.req.raw;
  if (raw.body === null) return false;
  if (raw.bodyUsed) return (await c.req.arrayBuffer()).byteLength > 0;
  const body = raw.clone().body;
  if (body === null) return false;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (value.byteLength > 0) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
