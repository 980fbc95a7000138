import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Hono's bodyLimit, deciding from the headers when they suffice. Hono's reads `c.req.raw.body` first,
 * which makes @hono/node-server build a full web Request (a ReadableStream over the socket, an
 * AbortController) for every request; that cost more than a whole command's SQL, and it also sends the
 * JSON body through web streams instead of node-server's direct read. A request without a body (GET,
 * HEAD), or with a Content-Length and no Transfer-Encoding, needs no stream; only a chunked body is
 * counted as it is read, by Hono's middleware.
 */
export function headerFirstBodyLimit(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const counting = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      const size = Number.parseInt(length, 10);
      if (Number.isNaN(size) || size > maxSize) return onError(c);
      return next();
    }
    return counting(c, next);
  };
}
