import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../../server/app';
import { LoginRateLimiter } from '../../../server/auth/rate-limit';
import type { DatabaseHandle } from '../../../server/db/dialects/dialect';
import { migrateToLatest } from '../../../server/db/migrate';
import type { AppDeps } from '../../../server/deps';
import { DefinitionCache } from '../../../server/engine/definition-cache';
import { loadRuntimeEngine, unavailableEngine } from '../../../server/engine/runtime-engine';
import { seedIfEmpty } from '../../../server/seed/seed';
import { startTimerWorker, type TimerWorker } from '../../../server/workers/timer-worker';

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public nowMs = Date.parse('2026-03-02T01:00:00.000Z')) {}
  readonly now = () => new Date(this.nowMs);
  advance(ms: number): void {
    this.nowMs += ms;
  }
}

export interface RunningServer {
  baseUrl: string;
  deps: AppDeps;
  /** Errors the app logged (unhandled ones became 500s); tests assert it stays empty. */
  errors: unknown[];
  worker: TimerWorker | null;
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: TestClock;
  seed?: boolean;
  orders?: boolean;
  worker?: { intervalMs: number } | null;
  /** A pack folder other than definitions/liangzhou (an empty one: org and users only). */
  packDirectory?: string;
  /** false: do not load the workflow engine (suites that start no workflow). */
  engine?: boolean;
  overrides?: Partial<AppDeps>;
}

/** Migrates, seeds if empty, and serves the real app on a random port. */
export async function startServer(database: DatabaseHandle, options: StartOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? new TestClock();
  await migrateToLatest(database);
  const definitions = new DefinitionCache();
  const runtimeEngine = options.engine === false ? unavailableEngine('not loaded by this test') : await loadRuntimeEngine();
  if (options.seed !== false) {
    await seedIfEmpty(database, { size: 'default', clock: clock.now, log: () => {}, orders: options.orders ?? false, engine: runtimeEngine, definitions, ...(options.packDirectory === undefined ? {} : { packDirectory: options.packDirectory }) });
  }
  const errors: unknown[] = [];
  const deps: AppDeps = {
    database,
    clock: clock.now,
    engine: runtimeEngine,
    definitions,
    log: (_message, error) => errors.push(error),
    loginLimiter: new LoginRateLimiter(),
    secureCookies: false,
    bodyLimitBytes: 64 * 1024,
    attachmentLimitBytes: 256 * 1024,
    studioDir: null,
    sessionTtlMs: 3_600_000,
    ...options.overrides,
  };
  const app = createApp(deps);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const worker = options.worker ? startTimerWorker({ ...deps, intervalMs: options.worker.intervalMs }) : null;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    deps,
    errors,
    worker,
    async close() {
      await worker?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
