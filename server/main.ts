/** The Node adapter: configuration from the environment, migrate, seed an empty database, serve. */
import { serve } from '@hono/node-server';
import { resolve } from 'node:path';
import { createApp } from './app';
import { LoginRateLimiter } from './auth/rate-limit';
import { openDatabase, defaultDatabaseUrl } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { seedIfEmpty, type DemoSize } from './seed/seed';
import { DefinitionCache } from './engine/definition-cache';
import { loadRuntimeEngine } from './engine/runtime-engine';
import { startOutboxRelay } from './workers/outbox-relay';
import { startTimerWorker } from './workers/timer-worker';
import { defaultEffectRetentionMs, defaultIdempotencyTtlMs, startHousekeeping } from './workers/housekeeping';
import { startWebhookWorker } from './webhooks/webhook-worker';
import { startNeedsPublisher } from './needs/publisher';
import { channelsFromEnv } from './notifications/channels/config';
import { notificationIntervals, startNotificationWorker } from './workers/notification-worker';
import { systemClock } from './util/clock';

const size: DemoSize = process.argv.includes('district') || process.env.SHIJIAN_DEMO_SIZE === 'district' ? 'district' : 'default';
const database = openDatabase(process.env.DATABASE_URL ?? defaultDatabaseUrl);
const log = (message: string, error: unknown) => console.error(`[shijian] ${message}`, error);

await migrateToLatest(database);
const definitions = new DefinitionCache();
const runtimeEngine = await loadRuntimeEngine();
const seeded = await seedIfEmpty(database, { size, clock: systemClock, log: (line) => console.log(`[shijian] ${line}`), engine: runtimeEngine, definitions });
if (seeded) console.log('[shijian] demo data loaded (see server/README.md for the demo users)');

const notificationChannels = channelsFromEnv(process.env.SHIJIAN_NOTIFY_CHANNELS, (line) => console.log(line));
const app = createApp({
  database,
  clock: systemClock,
  engine: runtimeEngine,
  definitions,
  log,
  loginLimiter: new LoginRateLimiter(),
  secureCookies: process.env.SHIJIAN_SECURE_COOKIES === '1',
  bodyLimitBytes: 1024 * 1024,
  attachmentLimitBytes: 10 * 1024 * 1024,
  studioDir: resolve('studio/dist'),
  sessionTtlMs: 12 * 60 * 60 * 1000,
  notificationChannels,
});
const worker = startTimerWorker({ database, clock: systemClock, engine: runtimeEngine, definitions, log, intervalMs: 1000 });
const relay = startOutboxRelay({ database, clock: systemClock, log, webhookUrl: process.env.SHIJIAN_WEBHOOK_URL ?? null }, 2000);
// Subscriptions registered over /api/webhooks are served by their own worker, signed per Standard Webhooks.
const webhooks = startWebhookWorker({ deps: { database, clock: systemClock, log }, intervalMs: 2000 });
// Approved 制单 proposals publish their service item into the menu.
const needsPublisher = startNeedsPublisher({ database, clock: systemClock, log }, 1000);
// The bell's latency is the dispatch interval plus the studio's poll; SLA warnings and outbound sends need less.
const notifications = startNotificationWorker({ deps: { database, clock: systemClock, definitions, log }, channels: notificationChannels, ...notificationIntervals });
const idempotencyTtlHours = Number(process.env.SHIJIAN_IDEMPOTENCY_TTL_HOURS);
const retentionDays = Number(process.env.SHIJIAN_RETENTION_DAYS);
const housekeeping = startHousekeeping(
  { database, clock: systemClock, log },
  {
    intervalMs: 10 * 60_000,
    idempotencyTtlMs: idempotencyTtlHours > 0 ? idempotencyTtlHours * 3_600_000 : defaultIdempotencyTtlMs,
    effectRetentionMs: retentionDays > 0 ? retentionDays * 24 * 3_600_000 : defaultEffectRetentionMs,
    webhookRelay: process.env.SHIJIAN_WEBHOOK_URL !== undefined,
  },
);
const port = Number(process.env.PORT ?? 8787);
const server = serve({ fetch: app.fetch, port }, (info) => console.log(`[shijian] listening on http://localhost:${info.port} (${database.capabilities.name})`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void Promise.all([worker.stop(), relay.stop(), webhooks.stop(), notifications.stop(), needsPublisher.stop(), housekeeping.stop()]).then(() => server.close(() => void database.close().then(() => process.exit(0))));
  });
}
