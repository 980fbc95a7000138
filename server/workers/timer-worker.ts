import { hostname } from 'node:os';
import { systemActor } from '../auth/actor';
import { fireTimer } from '../commands/instance-commands';
import type { AppDeps } from '../deps';
import type { Logger } from '../errors';
import { newId } from '../util/ids';
import { periodic, type PeriodicWorker } from './periodic';

export type TimerDeps = Pick<AppDeps, 'database' | 'clock' | 'engine' | 'definitions'> & { log: Logger };

export interface TimerWorkerOptions extends TimerDeps {
  intervalMs: number;
}

/** `runOnce` fires every due timer now (also what each tick does) and resolves with how many it handled. */
export interface TimerWorker extends PeriodicWorker<number> {
  readonly id: string;
}

/**
 * Fires due timers, one transaction per timer: claim the oldest due row, apply the timer command, mark it
 * fired. On PostgreSQL the claim is `FOR UPDATE SKIP LOCKED` on the timer and its instance, so several
 * servers share the work without waiting on one another, never fire the same timer twice, and fire one
 * instance's timers in the order they fall due; on SQLite the write transaction is exclusive. The first
 * tick runs at start, so timers that fell due while the server was down fire then.
 */
export function startTimerWorker(options: TimerWorkerOptions): TimerWorker {
  const id = `${hostname()}:${process.pid}:${newId()}`;
  const worker = periodic(
    async (stopped) => {
      let handled = 0;
      while (!stopped() && handled < 500) {
        // A failure ends this run, not the count of what it fired before.
        const outcome = await fireNextDueTimer(options, id).catch((error: unknown) => {
          options.log('timer worker failed', error);
          return 'error' as const;
        });
        if (outcome === 'none' || outcome === 'error') break;
        handled++;
      }
      return handled;
    },
    { intervalMs: options.intervalMs, idle: 0, log: options.log, failure: 'timer worker failed', runAtStart: true },
  );
  return { id, ...worker };
}

export async function fireNextDueTimer(deps: TimerDeps, workerId: string): Promise<'fired' | 'refused' | 'none'> {
  const { db, capabilities } = deps.database;
  return db.transaction().execute(async (trx) => {
    const now = deps.clock().toISOString();
    const due = trx.selectFrom('timers').where('timers.fired_at', 'is', null).where('timers.cancelled_at', 'is', null).where('timers.due_at', '<=', now).orderBy('timers.due_at').limit(1);
    // PostgreSQL: the timer and its instance are locked together, and a row another transaction holds is
    // skipped rather than waited for. A worker holding a timer row while it waited for the instance would
    // deadlock with whoever holds the instance and cancels that timer (an escalation cancels the pending
    // reminders), and a later timer of an instance could fire before an earlier one another worker holds.
    const timer = capabilities.supportsSkipLocked
      ? await due.innerJoin('workflow_instances', 'workflow_instances.id', 'timers.instance_id').selectAll('timers').forUpdate().skipLocked().executeTakeFirst()
      : await due.selectAll().executeTakeFirst();
    if (timer === undefined) return 'none';
    await trx.updateTable('timers').set({ claimed_by: workerId, claimed_at: now }).where('id', '=', timer.id).execute();
    return fireTimer(trx, deps, systemActor, timer);
  });
}
