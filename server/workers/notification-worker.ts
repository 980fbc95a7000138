import type { AppDeps } from '../deps';
import type { Logger } from '../errors';
import type { NotificationChannel } from '../notifications/channels/channel';
import { deliverDue, type DeliveryOptions } from '../notifications/deliveries';
import { dispatchBatch } from '../notifications/dispatcher';
import { TaskWatch } from '../notifications/task-watch';

export interface NotificationWorkerOptions {
  deps: Pick<AppDeps, 'database' | 'clock' | 'definitions'> & { log: Logger };
  channels: readonly NotificationChannel[];
  /** How often `notify` effects are turned into notifications; the bell's latency hangs on it. */
  dispatchIntervalMs: number;
  /** How often SLA warnings, pool news and outbound deliveries are checked. */
  watchIntervalMs: number;
  delivery?: Pick<DeliveryOptions, 'maxAttempts' | 'baseBackoffMs' | 'maxBackoffMs' | 'timeoutMs'>;
}

export interface NotificationWorker {
  /** Dispatches, watches tasks and delivers once (also what the ticks do); resolves with what was written or sent. */
  runOnce(): Promise<number>;
  dispatchOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** What main.ts runs with (the bench measures the same): an idle tick is one indexed query. */
export const notificationIntervals = { dispatchIntervalMs: 100, watchIntervalMs: 1000 } as const;

const batchSize = 100;
const maxBatchesPerTick = 50;

/**
 * The notification consumer of the outbox. It is its own loop rather than a branch of the webhook relay:
 * notify rows are handled inside the database (written and marked in one transaction, exactly once),
 * while webhooks leave the system and are at least once with their own retry tables; sharing one claim
 * loop would make a slow receiver delay the bell.
 */
export function startNotificationWorker(options: NotificationWorkerOptions): NotificationWorker {
  const { deps } = options;
  const channelIds = options.channels.map((channel) => channel.id);
  const watch = new TaskWatch({ database: deps.database, definitions: deps.definitions, clock: deps.clock, channelIds });
  let stopped = false;
  let running: Promise<number> = Promise.resolve(0);

  const serially = (work: () => Promise<number>, label: string) => {
    running = running.then(async () => {
      if (stopped) return 0;
      try {
        return await work();
      } catch (error) {
        deps.log(`notification ${label} failed`, error);
        return 0;
      }
    });
    return running;
  };
  const dispatchAll = async () => {
    let written = 0;
    // A full batch means more are waiting: drain them now rather than one batch per tick.
    for (let batch = 0, claimed = batchSize; claimed === batchSize && batch < maxBatchesPerTick && !stopped; batch++) {
      const outcome = await dispatchBatch({ database: deps.database, definitions: deps.definitions, clock: deps.clock, channelIds }, batchSize);
      claimed = outcome.claimed;
      written += outcome.written;
    }
    return written;
  };
  const watchAndDeliver = async () => (await watch.runOnce()) + (await deliverDue({ database: deps.database, clock: deps.clock, channels: options.channels, ...options.delivery }));
  const dispatchOnce = () => serially(dispatchAll, 'dispatch');
  const runOnce = () => serially(async () => (await dispatchAll()) + (await watchAndDeliver()), 'worker');

  const dispatchTimer = setInterval(() => void dispatchOnce(), options.dispatchIntervalMs);
  const watchTimer = setInterval(() => void serially(watchAndDeliver, 'watch'), options.watchIntervalMs);
  return {
    runOnce,
    dispatchOnce,
    async stop() {
      stopped = true;
      clearInterval(dispatchTimer);
      clearInterval(watchTimer);
      await running;
    },
  };
}
