/**
 * The SQLite WAL is checkpointed by a worker thread, not by commits on the request path
 * (server/db/dialects/sqlite-checkpointer.ts): real files, a real worker, no mocks.
 */
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../server/db/dialects/sqlite';
import { startCheckpointer } from '../../server/db/dialects/sqlite-checkpointer';

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'shijian-checkpoint-')), 'db.sqlite');

/** A writer as the server's: WAL, never checkpointing on commit; and its insert of one ~3 KB row. */
function walWriter() {
  const file = freshFile();
  const writer = new SqliteDatabase(file);
  writer.pragma('journal_mode = WAL');
  writer.pragma('wal_autocheckpoint = 0');
  writer.exec('create table t (id integer primary key, body text not null)');
  return { file, writer, insert: writer.prepare('insert into t (body) values (?)') };
}

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('SQLite checkpoints in a worker thread', () => {
  it('the writer never checkpoints; the worker copies committed pages into the database file; close leaves no WAL', async () => {
    const file = freshFile();
    const handle = openSqlite(file);
    const db = handle.db;
    const mode = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    expect(mode.rows[0]!.wal_autocheckpoint).toBe(0);
    await sql`create table blobs (id integer primary key, body text not null)`.execute(db);
    const before = statSync(file).size;
    const body = 'x'.repeat(4000);
    await handle.unitOfWork(async (trx) => {
      for (let i = 0; i < 500; i++) await sql`insert into blobs (body) values (${body})`.execute(trx);
    });
    // ~2 MB committed to the WAL; only the worker may move it into the database file.
    await until(() => statSync(file).size >= before + 500 * 4000);
    const count = await sql<{ n: number }>`select count(*) as n from blobs`.execute(db);
    expect(count.rows[0]!.n).toBe(500);
    await handle.close();
    // The worker's connection closed first, so the writer's close was the last and removed the WAL.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new SqliteDatabase(file, { readonly: true });
    expect((reopened.prepare('select count(*) as n from blobs').get() as { n: number }).n).toBe(500);
    reopened.close();
  });

  it('reports a backlog when the WAL outgrows the limit, and a writer checkpoint then lets the WAL start over', async () => {
    const { file, writer, insert } = walWriter();
    const backlogs: number[] = [];
    const checkpointer = startCheckpointer(file, { intervalMs: 10, backlogFrames: 50, onBacklog: (frames) => backlogs.push(frames), onFailure: (error) => backlogs.push(-1) && console.error(error) });
    try {
      // A writer that never pauses: the passive checkpoints never see every frame copied.
      const deadline = Date.now() + 10_000;
      while (backlogs.length === 0 && Date.now() < deadline) {
        writer.transaction(() => {
          for (let i = 0; i < 20; i++) insert.run('y'.repeat(3000));
        })();
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(backlogs.length).toBeGreaterThan(0);
      expect(backlogs[0]!).toBeGreaterThan(50);
      // What the server does between batches: one passive checkpoint of its own, then the next write
      // starts the WAL over from its first frame.
      const [done] = writer.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      expect(done!.checkpointed).toBe(done!.log);
      insert.run('z');
      const [after] = writer.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
      expect(after!.log).toBeLessThan(done!.log);
    } finally {
      await checkpointer.stop();
      writer.close();
    }
  });

  it('past the limit the worker checkpoints again until the writer has fallen only a few frames behind, and only then reports the backlog', async () => {
    const { file, writer, insert } = walWriter();
    const settleFrames = 32;
    const reports: { frames: number; pending: number }[] = [];
    // Long pauses between the worker's checkpoints, as in the server (100 ms against batches of a few ms):
    // the checkpoint that finds the WAL past the limit copies, and syncs, thousands of frames while the
    // writer appends more. A steady writer (~2 frames a millisecond) that never pauses for the worker.
    const checkpointer = startCheckpointer(file, { intervalMs: 1000, backlogFrames: 2000, settleFrames, onBacklog: (frames, pending) => reports.push({ frames, pending }), onFailure: (error) => console.error(error) });
    try {
      const deadline = Date.now() + 20_000;
      while (reports.length === 0 && Date.now() < deadline) {
        writer.transaction(() => {
          for (let i = 0; i < 20; i++) insert.run('y'.repeat(3000));
        })();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(reports.length).toBeGreaterThan(0);
      expect(reports[0]!.frames).toBeGreaterThan(2000);
      // Frames appended while the worker's last checkpoint ran: about what the writer's own catch-up
      // copies and syncs. A single checkpoint past the limit would leave every frame written during it.
      expect(reports[0]!.pending).toBeLessThanOrEqual(settleFrames);
    } finally {
      await checkpointer.stop();
      writer.close();
    }
  });

  it('tells the owner when it cannot work, so the writer can take checkpoints back', async () => {
    const failures: unknown[] = [];
    const checkpointer = startCheckpointer(join(tmpdir(), 'no-such-dir-shijian', 'db.sqlite'), { onBacklog: () => undefined, onFailure: (error) => failures.push(error) });
    await until(() => failures.length > 0);
    expect(String(failures[0])).toMatch(/unable to open|directory does not exist|SQLITE_CANTOPEN/i);
    await checkpointer.stop();
    expect(failures).toHaveLength(1);
  });
});
