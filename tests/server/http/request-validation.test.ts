/**
 * Our routers validate requests with one lean middleware instead of zod-openapi's validators
 * (server/http/request-validation.ts). The same routes on a plain OpenAPIHono and on ours, both served
 * over HTTP by @hono/node-server, must answer every request alike: status, content type and body.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createErrorHandler, validationHook } from '../../../server/errors';
import { jsonBody, jsonContent, newRouter } from '../../../server/http/router';

const Echo = z.object({ ok: z.boolean() }).loose();

const commandRoute = createRoute({
  method: 'post',
  path: '/things/{id}/commands',
  request: {
    params: z.object({ id: z.string().min(1).max(8) }),
    query: z.object({ limit: z.coerce.number().int().min(1).max(5).default(3), tag: z.array(z.string()).or(z.string()).optional() }),
    headers: z.object({ 'if-match': z.string().optional(), 'Idempotency-Key': z.string().min(8).max(20).optional() }),
    body: jsonBody(z.object({ event: z.string().min(1), data: z.unknown().optional() }).strict()),
  },
  responses: { 200: jsonContent(Echo, 'echo') },
});

const asyncRoute = createRoute({
  method: 'post',
  path: '/async',
  request: { body: jsonBody(z.object({ name: z.string().refine(async (name) => name !== 'taken', 'taken') })) },
  responses: { 200: jsonContent(Echo, 'echo') },
});

const getRoute = createRoute({
  method: 'get',
  path: '/things/{id}',
  request: { params: z.object({ id: z.string().max(8) }) },
  responses: { 200: jsonContent(Echo, 'echo') },
});

function build(router: OpenAPIHono) {
  router.onError(createErrorHandler(() => {}));
  return router
    .openapi(commandRoute, (c) => c.json({ ok: true, param: c.req.valid('param'), query: c.req.valid('query'), header: c.req.valid('header'), json: c.req.valid('json') }, 200))
    .openapi(asyncRoute, (c) => c.json({ ok: true, json: c.req.valid('json') }, 200))
    .openapi(getRoute, (c) => c.json({ ok: true, param: c.req.valid('param') }, 200));
}

async function listen(app: OpenAPIHono): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const json = { 'content-type': 'application/json' };
// A string body would get a text/plain content type from fetch; bytes go without one.
const cases: { name: string; method: string; path: string; headers?: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> }[] = [
  { name: 'valid', method: 'POST', path: '/things/a1/commands?limit=2', headers: { ...json, 'if-match': '"3"', 'idempotency-key': 'abcdefgh1' }, body: '{"event":"go","data":{"x":1}}' },
  { name: 'defaults and repeated query', method: 'POST', path: '/things/a1/commands?tag=x&tag=y', headers: json, body: '{"event":"go"}' },
  { name: 'header name in any case', method: 'POST', path: '/things/a1/commands', headers: { ...json, 'IDEMPOTENCY-KEY': 'abcdefgh1' }, body: '{"event":"go"}' },
  { name: 'bad path parameter', method: 'POST', path: '/things/much-too-long/commands', headers: json, body: '{"event":"go"}' },
  { name: 'bad query', method: 'POST', path: '/things/a1/commands?limit=9', headers: json, body: '{"event":"go"}' },
  { name: 'bad header', method: 'POST', path: '/things/a1/commands', headers: { ...json, 'idempotency-key': 'short' }, body: '{"event":"go"}' },
  { name: 'bad query, path and header: the query is reported', method: 'POST', path: '/things/much-too-long/commands?limit=0', headers: { ...json, 'idempotency-key': 'short' }, body: '{}' },
  { name: 'bad path and header: the path is reported', method: 'POST', path: '/things/much-too-long/commands', headers: { ...json, 'idempotency-key': 'short' }, body: '{}' },
  { name: 'bad header and body: the header is reported', method: 'POST', path: '/things/a1/commands', headers: { ...json, 'idempotency-key': 'short' }, body: '{}' },
  { name: 'unknown body key', method: 'POST', path: '/things/a1/commands', headers: json, body: '{"event":"go","extra":1}' },
  { name: 'charset parameter', method: 'POST', path: '/things/a1/commands', headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"event":"go"}' },
  { name: 'structured JSON type', method: 'POST', path: '/things/a1/commands', headers: { 'content-type': 'application/merge-patch+json' }, body: '{"event":"go"}' },
  { name: 'not JSON', method: 'POST', path: '/things/a1/commands', headers: { 'content-type': 'text/plain' }, body: '{"event":"go"}' },
  { name: 'no content type, with a body', method: 'POST', path: '/things/a1/commands', body: new TextEncoder().encode('{"event":"go"}') as Uint8Array<ArrayBuffer> },
  { name: 'no content type, an empty body', method: 'POST', path: '/things/a1/commands', body: new Uint8Array(0) },
  { name: 'no content type, no body', method: 'POST', path: '/things/a1/commands' },
  { name: 'malformed JSON', method: 'POST', path: '/things/a1/commands', headers: json, body: '{"event":' },
  { name: 'async schema accepts', method: 'POST', path: '/async', headers: json, body: '{"name":"free"}' },
  { name: 'async schema refuses', method: 'POST', path: '/async', headers: json, body: '{"name":"taken"}' },
  { name: 'GET with a path parameter', method: 'GET', path: '/things/a1' },
  { name: 'GET with a bad path parameter', method: 'GET', path: '/things/much-too-long' },
];

describe('lean request validation', () => {
  let zodOpenApi: { url: string; close(): Promise<void> };
  let ours: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    zodOpenApi = await listen(build(new OpenAPIHono({ defaultHook: validationHook })));
    ours = await listen(build(newRouter() as unknown as OpenAPIHono));
  });
  afterAll(async () => {
    await zodOpenApi.close();
    await ours.close();
  });

  it.each(cases)('answers like zod-openapi: $name', async ({ method, path, headers, body }) => {
    const send = async (url: string) => {
      const response = await fetch(url + path, { method, headers: headers ?? {}, body });
      return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
    };
    const expected = await send(zodOpenApi.url);
    const actual = await send(ours.url);
    expect(actual).toEqual(expected);
  });

  it('covers successes and each kind of refusal', async () => {
    const statuses = await Promise.all(cases.map(async ({ method, path, headers, body }) => (await fetch(ours.url + path, { method, headers: headers ?? {}, body })).status));
    expect(new Set(statuses)).toEqual(new Set([200, 400, 415]));
  });

  it('documents the route as given', () => {
    const documented = (router: OpenAPIHono) => JSON.stringify(router.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } }));
    expect(documented(build(newRouter() as unknown as OpenAPIHono))).toBe(documented(build(new OpenAPIHono({ defaultHook: validationHook }))));
  });
});
