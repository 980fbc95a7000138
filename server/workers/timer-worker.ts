import type { DatabaseHandle } from '../db/dialects/dialect';
import type { Logger } from '../errors';
import type { Clock } from '../util/clock';

export interface TimerWorkerOptions {
  database: DatabaseHandle;
  clock: Clock;
  log: Logger;
  intervalMs: number;
}

export interface TimerWorker {
  stop(): Promise<void>;
}

/** Placeholder; replaced with the claiming worker. */
export function startTimerWorker(_options: TimerWorkerOptions): TimerWorker {
  return { stop: async () => {} };
}
