/**
 * The security headers are written out once in server/http/secure-headers.ts instead of set per response
 * by Hono's secureHeaders(). They must stay what Hono's middleware sets with our CSP, on responses built
 * either way (c.json and the hot routes' jsonResponse), over a real HTTP server.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonResponse, securityHeaders, securityHeadersMiddleware } from '../../../server/http/secure-headers';

const honoDefaults = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
  },
});

function routes(app: Hono): Hono {
  app.get('/json', (c) => {
    c.header('etag', '"1"');
    return c.json({ a: 1 });
  });
  app.get('/lean', (c) => jsonResponse(c, { a: 1 }, 200, { etag: '"1"' }));
  app.get('/powered', (c) => c.json({ a: 1 }, 200, { 'x-powered-by': 'someone', 'x-frame-options': 'ALLOWALL' }));
  return app;
}

async function listen(app: Hono): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const withoutDate = (headers: Headers) => Object.fromEntries([...headers].filter(([name]) => name !== 'date'));

describe('security headers', () => {
  let hono: { url: string; close(): Promise<void> };
  let ours: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    hono = await listen(routes(new Hono().use('*', honoDefaults)));
    ours = await listen(routes(new Hono().use('*', securityHeadersMiddleware)));
  });
  afterAll(async () => {
    await hono.close();
    await ours.close();
  });

  it("are exactly what Hono's secureHeaders sets with our CSP", async () => {
    const response = await fetch(hono.url + '/json');
    const expected = withoutDate(response.headers);
    for (const name of ['etag', 'content-type', 'content-length', 'connection', 'keep-alive']) delete expected[name];
    expect(securityHeaders).toEqual(expected);
  });

  it.each(['/json', '/lean', '/powered'])('reach the client alike on %s', async (path) => {
    // Hono's middleware has no jsonResponse: the same answer built with c.json is the reference.
    const expected = await fetch(hono.url + (path === '/lean' ? '/json' : path));
    const actual = await fetch(ours.url + path);
    expect(actual.status).toBe(200);
    expect(withoutDate(actual.headers)).toEqual(withoutDate(expected.headers));
    expect(await actual.json()).toEqual({ a: 1 });
  });
});
