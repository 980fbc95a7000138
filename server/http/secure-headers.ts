import type { Context, MiddlewareHandler } from 'hono';
import type { TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The security headers of every response: Hono's `secureHeaders()` defaults with our CSP, written out once
 * (tests/server/http/secure-headers.test.ts checks they still equal what Hono's middleware sets).
 */
export const securityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
  // The studio's generated forms compile JSON Schemas with ajv, which uses new Function.
  'content-security-policy':
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'",
});

const securityEntries = Object.entries(securityHeaders);

/** Responses built with their security headers already in a plain record (see `jsonResponse`). */
const complete = new WeakSet<Response>();

/**
 * Adds the security headers to every response that does not carry them yet. Setting a dozen headers
 * through a web `Headers` object, and @hono/node-server then copying them back into a record, cost more
 * per request than routing; hot routes answer with `jsonResponse` instead, which skips both.
 */
export const securityHeadersMiddleware: MiddlewareHandler = async (c, next) => {
  await next();
  addSecurityHeaders(c);
};

/** The middleware's work, for a middleware that does more (server/app.ts). */
export function addSecurityHeaders(c: Context): void {
  const res = c.res;
  if (complete.has(res)) return;
  const headers = res.headers;
  for (const [name, value] of securityEntries) headers.set(name, value);
  headers.delete('x-powered-by');
}

/**
 * `c.json` for hot routes: the body serialised once, and every header — security headers included — in
 * one plain record, which @hono/node-server writes straight to the socket. Headers set earlier with
 * `c.header()` are not carried over (as with any Response a handler builds itself): pass them here.
 */
export function jsonResponse<T, U extends ContentfulStatusCode>(
  _c: Context,
  object: T,
  status: U,
  headers?: Record<string, string>,
  /** `object` already serialised, when the caller has the text (a command's stored response). */
  text?: string,
): Response & TypedResponse<JSONParsed<T>, U, 'json'> {
  const res = new Response(text ?? JSON.stringify(object), {
    status,
    headers: headers === undefined ? jsonHeaders : { ...jsonHeaders, ...headers },
  });
  complete.add(res);
  return res as Response & TypedResponse<JSONParsed<T>, U, 'json'>;
}

const jsonHeaders: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json', ...securityHeaders });
