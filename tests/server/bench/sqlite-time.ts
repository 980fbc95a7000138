/**
 * Time this process spends inside SQLite (better-sqlite3's run/get/all, COMMIT included), over a stretch
 * of work. The command benchmark reports it per request for the commands and for the bare route, so the
 * part of a command's cost that is its write set (how many rows and index entries it touches) is a
 * measured figure of the same run, apart from the JavaScript around it. (`iterate` is left alone: its
 * rows are read after it returns, and the server does not use it.)
 *
 * It wraps the methods of better-sqlite3's Statement prototype, once per process, for every connection
 * (the server's and the bare route's alike). The wrapper costs ~0.1 µs per call (two clock reads), under
 * 1 % of the bare route's CPU per request (six calls); outside a stretch it only tests a flag.
 */
import SqliteDatabase from 'better-sqlite3';

export interface SqliteTime {
  /**
   * Ends the stretch: wall time inside SQLite calls (ms), how many calls, the COMMITs' share (ms), and the
   * checkpoints run on this thread (the server's catch-up between batches, see sqlite-checkpointer.ts):
   * how many, and the longest (ms), since each one holds the event loop.
   */
  stop(): { ms: number; calls: number; commitMs: number; checkpoints: number; longestCheckpointMs: number };
}

interface Totals {
  active: boolean;
  ms: number;
  calls: number;
  commitMs: number;
  checkpoints: number;
  longestCheckpointMs: number;
}

// Kept on the prototype itself: a test runner that loads this module afresh per file shares the native
// addon, so a second copy of the module must find the wrapper installed, not wrap it again.
const marker = Symbol.for('shijian.bench.sqliteTime');

/** better-sqlite3's Statement prototype, shared by every connection of the process (it is not exported). */
export function statementPrototype(): Record<string | symbol, unknown> {
  const probe = new SqliteDatabase(':memory:');
  const prototype = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string | symbol, unknown>;
  probe.close();
  return prototype;
}

function install(): Totals {
  const prototype = statementPrototype();
  const existing = prototype[marker] as Totals | undefined;
  if (existing !== undefined) return existing;
  const totals: Totals = { active: false, ms: 0, calls: 0, commitMs: 0, checkpoints: 0, longestCheckpointMs: 0 };
  prototype[marker] = totals;
  for (const method of ['run', 'get', 'all']) {
    const original = prototype[method] as (...args: unknown[]) => unknown;
    prototype[method] = function timed(this: SqliteDatabase.Statement, ...args: unknown[]) {
      if (!totals.active) return original.apply(this, args);
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const elapsed = performance.now() - start;
        totals.ms += elapsed;
        totals.calls++;
        const source = this.source;
        if (source === 'commit' || source === 'COMMIT') totals.commitMs += elapsed;
        else if (source.includes('wal_checkpoint')) {
          totals.checkpoints++;
          totals.longestCheckpointMs = Math.max(totals.longestCheckpointMs, elapsed);
        }
      }
    };
  }
  return totals;
}

export function watchSqliteTime(): SqliteTime {
  const totals = install();
  if (totals.active) throw new Error('one SQLite time stretch at a time');
  Object.assign(totals, { active: true, ms: 0, calls: 0, commitMs: 0, checkpoints: 0, longestCheckpointMs: 0 });
  return {
    stop() {
      totals.active = false;
      const { active: _, ...figures } = totals;
      return figures;
    },
  };
}
