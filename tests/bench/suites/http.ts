/**
 * The HTTP layer alone (issue 5): what our app spends around a request that does almost no work, against
 * a bare Hono route on @hono/node-server answering the same JSON, in the same run, with the same load
 * (autocannon in its own process, 50 connections). `server.commands` is the headline; this isolates the
 * part between the socket and the handler (routing, middleware, validation, response headers), which the
 * command figures mix with SQL and the workflow engine.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Benchmark, BenchResult } from '../harness';
import { openSqlite } from '../../../server/db/dialects/sqlite';
import type { LoadConfig } from '../../server/bench/load';
import { measuredLoad } from '../../server/bench/run-load';
import { signIn } from '../../server/support/client';
import { startServer, TestClock } from '../../server/support/server';

const connections = 50;
const seconds = 4;

/** Bare Hono: the same two answers with nothing around them. */
async function startBare(me: unknown, problem: unknown): Promise<{ url: string; close(): Promise<void> }> {
  const app = new Hono();
  app.get('/bare/me', (c) => c.json(me));
  app.post('/bare/:id/commands', async (c) => {
    await c.req.json();
    return c.body(JSON.stringify(problem), 404, { 'content-type': 'application/problem+json' });
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function httpLayer(): Promise<BenchResult[]> {
  const database = openSqlite(join(mkdtempSync(join(tmpdir(), 'shijian-http-')), 'http.db'));
  const server = await startServer(database, { clock: new TestClock(Date.now()), engine: false });
  const station = await signIn(server.baseUrl, 'station.admin');
  const me = (await station.get('/api/auth/me')).body;
  const missing = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
  const refused = await station.post(`/api/instances/${missing}/commands`, { event: 'dispatch' }, { headers: { 'if-match': '2' } });
  if (refused.status !== 404) throw new Error(`expected 404 for an unknown instance, got ${refused.status}`);
  const bare = await startBare(me, refused.body);
  try {
    const cookie = `sid=${(station as unknown as { cookies: Map<string, string> }).cookies.get('sid')}; csrf=${station.csrf}`;
    const session = { cookie, 'x-csrf-token': station.csrf! };
    const cases: { name: string; what: string; ours: LoadConfig; bare: LoadConfig }[] = [
      {
        name: 'me',
        what: 'GET /api/auth/me (cookie session)',
        ours: { url: server.baseUrl, connections, duration: seconds, method: 'GET', headers: { cookie }, paths: ['/api/auth/me'] },
        bare: { url: bare.url, connections, duration: seconds, method: 'GET', headers: { cookie }, paths: ['/bare/me'] },
      },
      {
        name: 'command404',
        what: 'POST /api/instances/{unknown}/commands (session, CSRF, If-Match, Idempotency-Key, validated body; 404 problem)',
        ours: { url: server.baseUrl, connections, duration: seconds, method: 'POST', headers: session, paths: [`/api/instances/${missing}/commands`], ifMatch: '2', idempotencyKeys: true, body: JSON.stringify({ event: 'dispatch', data: { mode: 'directed' } }) },
        bare: { url: bare.url, connections, duration: seconds, method: 'POST', headers: session, paths: [`/bare/${missing}/commands`], ifMatch: '2', idempotencyKeys: true, body: JSON.stringify({ event: 'dispatch', data: { mode: 'directed' } }) },
      },
    ];
    const results: BenchResult[] = [];
    for (const test of cases) {
      // Bare before and after, the better of the two counting, as in server.commands.
      const bareBefore = await measuredLoad(test.bare);
      const ours = await measuredLoad(test.ours);
      const bareAfter = await measuredLoad(test.bare);
      const bareCpu = Math.min(bareBefore.cpuUsPerRequest, bareAfter.cpuUsPerRequest);
      const bareRps = Math.max(bareBefore.requestsPerSecond, bareAfter.requestsPerSecond);
      const expected = test.name === 'me' ? ours.non2xx === 0 : ours.non2xx === ours.total;
      results.push({
        id: `server.http.${test.name}.cpu`,
        value: ours.cpuUsPerRequest,
        unit: `µs server CPU per request, ${test.what}${expected ? '' : ' — UNEXPECTED STATUSES'}`,
        baseline: 'bare Hono route, same JSON',
        baselineValue: bareCpu,
        ratio: ours.cpuUsPerRequest / bareCpu,
      });
      results.push({
        id: `server.http.${test.name}.throughput`,
        value: ours.requestsPerSecond,
        unit: `req/s (${ours.total} req)`,
        baseline: 'bare Hono route',
        baselineValue: bareRps,
        ratio: ours.requestsPerSecond / bareRps,
      });
    }
    return results;
  } finally {
    await bare.close();
    await server.close();
    await database.close();
  }
}

export const benchmarks: Benchmark[] = [{ id: 'server.http', run: httpLayer }];
