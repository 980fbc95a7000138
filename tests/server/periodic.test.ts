/** The loop the background workers share: one run at a time, failures logged without stopping it. */
import { describe, expect, it } from 'vitest';
import { periodic } from '../../server/workers/periodic';

describe('periodic worker', () => {
  it('runs one at a time, logs a failed run and goes on, and stop waits for the run in progress', async () => {
    const logged: [string, unknown][] = [];
    let active = 0;
    let most = 0;
    let calls = 0;
    let release: () => void = () => {};
    let inSlowRun: () => void = () => {};
    const slowRunStarted = new Promise<void>((resolve) => (inSlowRun = resolve));
    const worker = periodic(
      async () => {
        calls++;
        active++;
        most = Math.max(most, active);
        try {
          if (calls === 2) throw new Error('boom');
          if (calls === 4) {
            inSlowRun();
            await new Promise<void>((resolve) => (release = resolve));
          }
          return calls;
        } finally {
          active--;
        }
      },
      { intervalMs: 3_600_000, idle: -1, log: (message, error) => logged.push([message, error]), failure: 'test worker failed' },
    );
    expect(await Promise.all([worker.runOnce(), worker.runOnce(), worker.runOnce()])).toEqual([1, -1, 3]);
    expect(most).toBe(1);
    expect(logged).toEqual([['test worker failed', new Error('boom')]]);

    const slow = worker.runOnce();
    await slowRunStarted;
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await slow).toBe(4);
    // Stopped: a run asked for now does not start.
    expect(await worker.runOnce()).toBe(-1);
    expect(calls).toBe(4);
  });

  it('runs at start when asked, and hands the work a way to see it was stopped', async () => {
    const seen: boolean[] = [];
    let started!: () => void;
    const first = new Promise<void>((resolve) => (started = resolve));
    const worker = periodic(
      async (stopped) => {
        seen.push(stopped());
        started();
        await new Promise((resolve) => setTimeout(resolve, 10));
        seen.push(stopped());
        return 0;
      },
      { intervalMs: 3_600_000, idle: 0, log: () => {}, failure: 'x', runAtStart: true },
    );
    await first;
    await worker.stop();
    expect(seen).toEqual([false, true]);
  });
});
