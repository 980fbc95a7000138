import type { Logger } from '../errors';

export interface PeriodicWorker<T> {
  /** Runs the work now, after the run in progress if any; resolves with what it returned. */
  runOnce(): Promise<T>;
  /** Asks for no more runs; resolves once the run in progress has finished. */
  stop(): Promise<void>;
}

export interface PeriodicOptions<T> {
  intervalMs: number;
  /** What a run answers when it fails (the failure is logged) or when the worker is stopped. */
  idle: T;
  log: Logger;
  /** Logged with a failure, e.g. "outbox relay failed". */
  failure: string;
  /** Run once at start too (timers that fell due while the server was down, a backlog to clear). */
  runAtStart?: boolean;
}

/**
 * The loop every background worker shares: `work` every `intervalMs`, one run at a time, so a slow run is
 * never overlapped by the next tick, and a failure is logged without stopping the worker. `work` may
 * look at `stopped()` to end a long run early when the server shuts down.
 */
export function periodic<T>(work: (stopped: () => boolean) => Promise<T>, options: PeriodicOptions<T>): PeriodicWorker<T> {
  let running: Promise<T> = Promise.resolve(options.idle);
  let stopped = false;
  const isStopped = () => stopped;
  const runOnce = () => {
    running = running.then(async () => {
      if (stopped) return options.idle;
      try {
        return await work(isStopped);
      } catch (error) {
        options.log(options.failure, error);
        return options.idle;
      }
    });
    return running;
  };
  const interval = setInterval(() => void runOnce(), options.intervalMs);
  if (options.runAtStart === true) void runOnce();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(interval);
      await running;
    },
  };
}
