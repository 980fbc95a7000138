/**
 * Load generator for the server benchmarks, run as its own process (`tsx load.ts <config.json>`) so it
 * does not share the event loop or CPU time slices of the server it measures. Prints one JSON line.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadConfig {
  url: string;
  connections: number;
  /** Fixed request count (each request consumes one path), or a duration in seconds. */
  amount?: number;
  duration?: number;
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  /** Paths used round-robin, one per request. */
  paths: string[];
  /** Per-path If-Match, when commands need it. */
  ifMatch?: string;
  /** A fresh Idempotency-Key on every request, as the studio sends with each command. */
  idempotencyKeys?: boolean;
  body?: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  /** CPU time this load generator spent per request (user + system), µs. */
  loadCpuUsPerRequest: number;
}

const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadConfig;
let next = 0;
const headers = { ...config.headers, ...(config.body === undefined ? {} : { 'content-type': 'application/json' }), ...(config.ifMatch === undefined ? {} : { 'if-match': config.ifMatch }) };
// autocannon reports a run's duration at its next one-second sample tick, so a fixed request count that
// finishes at 5.1 s counts as 6 s (and a short baseline run at up to twice its length): throughput is
// measured here instead, from the start to the last response.
const cpuBefore = process.cpuUsage();
const started = performance.now();
let lastResponse = started;
const result = await autocannon({
  url: config.url,
  connections: config.connections,
  ...(config.amount === undefined ? {} : { amount: config.amount }),
  ...(config.duration === undefined ? {} : { duration: config.duration }),
  setupClient: (client) => client.on('response', () => (lastResponse = performance.now())),
  requests: [
    {
      method: config.method,
      headers,
      ...(config.body === undefined ? {} : { body: config.body }),
      setupRequest: (request) => ({
        ...request,
        path: config.paths[next++ % config.paths.length]!,
        ...(config.idempotencyKeys === true ? { headers: { ...request.headers, 'idempotency-key': randomUUID() } } : {}),
      }),
    },
  ],
});
const output: LoadResult = {
  // Mean over the whole run: total requests over elapsed time (the per-second histogram skips partial seconds).
  requestsPerSecond: result.requests.total / ((lastResponse - started) / 1000),
  p50: result.latency.p50,
  p99: result.latency.p99,
  total: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors,
  loadCpuUsPerRequest: ((cpu) => (cpu.user + cpu.system) / Math.max(result.requests.total, 1))(process.cpuUsage(cpuBefore)),
};
process.stdout.write(JSON.stringify(output) + '\n');
