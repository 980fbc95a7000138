import { sql, type Kysely } from 'kysely';
import type { Database } from '../types';
import { directStatements } from './direct-statements';

type Work<T> = (trx: Kysely<Database>) => Promise<T>;

interface Job {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit for a database with one writer connection (SQLite). A commit writes every page the
 * transaction dirtied to the WAL, and a command dirties dozens (instance, history, tasks and their indexes,
 * timers, outbox, audit): under load the commit cost more than the command itself. Units of work that
 * arrive while a batch runs wait, and then run one after another in one physical transaction, and each is
 * still all-or-nothing: a unit that throws is undone and the others are unaffected (see `attempt`; a unit
 * may run twice, so `work` must have no effect outside its transaction). Nobody hears back before the
 * COMMIT: results are handed out only after it succeeds, so an acknowledged command is as durable as with
 * a transaction of its own; if the COMMIT fails, every unit of the batch fails and nothing of it was
 * written. Units run in arrival order, exactly as they would one transaction at a time, so If-Match,
 * idempotency keys and the audit chain see the same sequence of states. A lone unit waits one turn of the
 * event loop, no more. A unit must use the handle it is given, never the outer database (that waits for
 * the connection the batch holds), and must not start another unit of work.
 */
export interface GroupCommitOptions {
  maxBatch?: number;
  /** Runs before each batch's transaction begins (SQLite uses it to let the WAL start over, see sqlite.ts). */
  beforeBatch?: () => Promise<void>;
}

export function groupCommit(db: Kysely<Database>, { maxBatch = 64, beforeBatch }: GroupCommitOptions = {}): <T>(work: Work<T>) => Promise<T> {
  const queue: Job[] = [];
  let draining = false;

  /** Thrown out of a batch run without savepoints when a unit failed after writing: undo all, run again with them. */
  const needsSavepoints = Symbol('needs savepoints');

  async function runBatch(batch: Job[]): Promise<void> {
    let settled: Settled[];
    try {
      if (beforeBatch !== undefined) await beforeBatch();
      const first = await attempt(batch, false);
      settled = first === needsSavepoints ? ((await attempt(batch, true)) as Settled[]) : first;
    } catch (error) {
      // BEGIN, a savepoint rollback or the COMMIT failed: the whole batch was rolled back.
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const outcome = settled[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  /**
   * One physical transaction for the batch. With savepoints, a unit that throws is rolled back alone.
   * Without them (the first try, where the connection can count its changes), a unit that throws having
   * changed no row needs no undo, and one that changed rows sends the whole batch back to run again with
   * savepoints: refusals (a stale version, a guard, a role) come before any write, so the cheap try
   * nearly always stands, and a savepoint journals every page a unit touches.
   */
  async function attempt(batch: Job[], savepoints: boolean): Promise<Settled[] | typeof needsSavepoints> {
    const settled: Settled[] = [];
    try {
      await db.transaction().execute(async (trx) => {
        // On the connection directly where the dialect allows (SQLite): through Kysely's executor these
        // statements cost more CPU than most of a unit's own.
        const direct = directStatements.get(trx.getExecutor().adapter);
        const run = async (statement: string) => void (direct !== undefined ? direct(statement, []) : await sql.raw(statement).execute(trx));
        const changes = direct === undefined || savepoints ? undefined : () => Number((direct('select total_changes() as n', []).rows[0] as { n: number }).n);
        for (const job of batch) {
          const before = changes?.();
          if (changes === undefined) await run('savepoint unit_of_work');
          try {
            const value = await job.work(trx);
            if (changes === undefined) await run('release unit_of_work');
            settled.push({ ok: true, value });
          } catch (error) {
            if (changes === undefined) {
              await run('rollback to unit_of_work');
              await run('release unit_of_work');
            } else if (changes() !== before) {
              throw needsSavepoints;
            }
            settled.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      if (error === needsSavepoints) return needsSavepoints;
      throw error;
    }
    return settled;
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) await runBatch(queue.splice(0, maxBatch));
    } finally {
      draining = false;
    }
  }

  return <T>(work: Work<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work: work as Work<unknown>, resolve: resolve as (value: unknown) => void, reject });
      if (draining) return;
      draining = true;
      // A batch runs entirely in microtasks (better-sqlite3 is synchronous), so no request is read while it
      // runs: start it after the event loop has handed us every request that is already waiting.
      setImmediate(() => void drain());
    });
}
