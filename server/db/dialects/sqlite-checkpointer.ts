import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Checkpoints a SQLite file's WAL from a worker thread, off the event loop that serves requests.
 *
 * With SQLite's automatic checkpoint, the commit that pushes the WAL past its threshold copies every page
 * back into the database file and syncs it, inside the request path: under the command load a handful of
 * commits took 70–170 ms instead of 2–10, and every request waiting behind them paid for it (the p99).
 * Here the writer never checkpoints (`wal_autocheckpoint = 0`); a second connection in a worker thread
 * runs PASSIVE checkpoints, which neither wait for nor block readers and writers, and the writer starts
 * the WAL over from the top once a checkpoint has caught up. Durability is unchanged: a commit is in the
 * WAL before it is acknowledged, and a checkpoint only moves pages the WAL already holds.
 *
 * If the worker fails, the writer takes checkpointing back (`onFailure`), so the WAL never grows unbounded.
 */
export interface Checkpointer {
  /** Stops the worker and closes its connection; resolves once it has. */
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  intervalMs?: number;
  /** WAL frames (pages) beyond which `onBacklog` is called (default 16,000 ≈ 64 MB). */
  backlogFrames?: number;
  /** Frames the writer's own catch-up checkpoint should find left to copy, at most (default 64; see `onBacklog`). */
  settleFrames?: number;
  /**
   * The WAL starts over only when a writer begins while every frame is checkpointed, which a writer that
   * never pauses may never see. Past `backlogFrames` the writer should run one passive checkpoint itself,
   * between transactions, and the next write starts the WAL over. (The worker must not force a restart:
   * that changes the WAL header under a transaction that has read and is about to write, which then fails
   * with SQLITE_BUSY_SNAPSHOT.)
   *
   * That checkpoint blocks the writer's event loop, and it copies, and syncs to disk, whatever the writer
   * appended since the worker's last checkpoint: up to 100 ms of writes, a stall of 23–29 ms under the
   * command load that every request in flight waited out. So past the limit the worker first checkpoints
   * again at once, until at most `settleFrames` frames were appended while its previous checkpoint ran
   * (a few rounds, each shorter than the one before; at most eight, for a writer that outruns it), and
   * only then calls `onBacklog`: the writer's catch-up took 6–12 ms. `pending` is what was appended during
   * the previous round, about what is left for the writer (a round's length swings with the disk's syncs).
   */
  onBacklog(frames: number, pending: number): void;
  /** Called once if the worker dies or its connection fails; the caller restores automatic checkpoints. */
  onFailure(error: unknown): void;
}

// Plain CommonJS evaluated in the worker: the server may run from TypeScript sources (tsx, vitest), and an
// eval'd worker needs no loader. better-sqlite3 is resolved here and passed in as an absolute path.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
let timer = null;
const tick = () => {
  timer = null;
  try {
    let [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result && result.log > workerData.backlogFrames) {
      let pending = result.log;
      for (let round = 0; round < 8 && pending > workerData.settleFrames; round++) {
        const [next] = db.pragma('wal_checkpoint(PASSIVE)');
        // A smaller WAL: it started over meanwhile, so nothing is left to catch up.
        pending = Math.max(0, next.log - result.log);
        result = next;
      }
      parentPort.postMessage({ backlog: result.log, pending });
    }
  } catch (error) {
    parentPort.postMessage({ failed: String(error && error.stack || error) });
    return;
  }
  timer = setTimeout(tick, workerData.intervalMs);
};
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  if (timer !== null) clearTimeout(timer);
  db.close();
  parentPort.close();
});
tick();
`;

const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');

export function startCheckpointer(file: string, options: CheckpointerOptions): Checkpointer {
  const worker = new Worker(workerSource, { eval: true, workerData: { file, module: betterSqlite3, intervalMs: options.intervalMs ?? 100, backlogFrames: options.backlogFrames ?? 16_000, settleFrames: options.settleFrames ?? 64 } });
  // A database someone forgot to close must not keep the process alive through its checkpointer.
  worker.unref();
  let stopping: Promise<void> | null = null;
  let failed = false;
  const fail = (error: unknown) => {
    if (failed || stopping !== null) return;
    failed = true;
    options.onFailure(error);
    void worker.terminate();
  };
  worker.on('message', (message: { failed: string } | { backlog: number; pending: number }) => {
    if ('failed' in message) fail(new Error(message.failed));
    else options.onBacklog(message.backlog, message.pending);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`checkpointer exited with code ${code}`)));
  return {
    stop() {
      stopping ??= failed
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            // Keep the process alive until the worker has closed its connection (a CLI awaits this last).
            worker.ref();
            worker.postMessage('stop');
          });
      return stopping;
    },
  };
}
