import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqliteDatabase as KyselySqliteDatabase } from 'kysely';
import type { Database } from '../types';
import type { DatabaseHandle, DialectCapabilities } from './dialect';
import { directStatements } from './direct-statements';
import { startCheckpointer } from './sqlite-checkpointer';
import { PlanLiteralsPlugin } from './sqlite-plan-literals';
import { groupCommit } from './group-commit';

export const sqliteCapabilities: DialectCapabilities = {
  name: 'sqlite',
  supportsSkipLocked: false,
  supportsRowLocks: false,
  binaryCollation: null,
};

/** Opens (and creates) a SQLite file with the pragmas the server relies on. */
export function openSqlite(file: string): DatabaseHandle {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  applyPragmas(sqlite);
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }), plugins: [new PlanLiteralsPlugin()] });
  // The same answers as Kysely's SQLite driver gives (rows for readers; changes and rowid for the rest).
  directStatements.set(db.getExecutor().adapter, (text, parameters) => {
    const statement = statements.prepare(text) as SqliteDatabase.Statement;
    if (statement.reader) return { rows: statement.all(parameters) };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  });
  // Checkpoints happen in a worker thread, not inside a commit on the request path (see sqlite-checkpointer.ts).
  sqlite.pragma('wal_autocheckpoint = 0');
  let backlog = false;
  const checkpointer = startCheckpointer(path, {
    onBacklog: () => (backlog = true),
    onFailure: (error) => {
      sqlite.pragma(`wal_autocheckpoint = ${autocheckpointPages}`);
      console.error('[shijian] the SQLite checkpointer stopped; checkpoints are back on the writer', error);
    },
  });
  return {
    db,
    capabilities: sqliteCapabilities,
    unitOfWork: groupCommit(db, {
      // Through Kysely, so it waits for the connection like any query: never inside someone's transaction.
      beforeBatch: async () => {
        if (!backlog) return;
        backlog = false;
        // Only housekeeping: a failure here must not fail the batch; the worker reports again.
        await sql`pragma wal_checkpoint(PASSIVE)`.execute(db).catch(() => undefined);
      },
    }),
    dataDir: dirname(path),
    close: async () => {
      await checkpointer.stop();
      await db.destroy();
    },
  };
}

const autocheckpointPages = 4000;

/** The pragmas the server relies on (exported so the benchmark's bare baseline runs with the same ones). */
export function applyPragmas(sqlite: SqliteDatabase.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // Set explicitly because the connection that switches a file to WAL keeps FULL. NORMAL in WAL mode never
  // corrupts the database; a power cut (not a process crash) may lose the last transactions before the next
  // checkpoint. That trade buys ~3-4x write throughput; set SHIJIAN_SQLITE_SYNCHRONOUS=FULL to refuse it.
  const synchronous = process.env.SHIJIAN_SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL';
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('foreign_keys = ON');
  // Group commit runs each unit of work in a savepoint, and a savepoint journals the first change to every
  // page it touches; past 64 KB (a command touches ~40 pages) SQLite spills that journal to a temporary
  // file, so every command wrote and truncated a file. In memory, a dispatch's statements took 163 µs
  // instead of 231, and the whole command 20 % less CPU. Sorts that no index serves use memory too.
  sqlite.pragma('temp_store = MEMORY');
  // Another process (a CLI, a second server during a restart) may hold the write lock briefly.
  sqlite.pragma('busy_timeout = 5000');
  // A 16 MB page cache holds the hot pages a command touches (a dozen tables and indexes); the rest come
  // from the operating system's file cache. A bigger one costs every commit: when a B-tree page splits,
  // SQLite parks a page under the number of the lock page (1 GB into the file), and a commit to a database
  // smaller than that then walks the whole cache to drop it. With 64 MB that walk took ~6 % of the
  // writer's time under the dispatch load, and the cache ~30 MB of resident memory under the command
  // benchmark; 16 MB gives the inbox at 1,000,000 orders, team figures at 200,000 and the public tier page
  // the same times as 64 MB did. Checkpointing every ~16 MB of WAL (instead of 4 MB) writes each hot page
  // back less often.
  sqlite.pragma('cache_size = -16384');
  sqlite.pragma(`wal_autocheckpoint = ${autocheckpointPages}`);
  // After the WAL starts over, a file grown past this under a burst is cut back to it.
  sqlite.pragma('journal_size_limit = 67108864');
}

/**
 * Kysely prepares every query afresh; preparing costs about as much as running a small statement. The
 * server issues the same few dozen statements over and over, so prepared statements are kept by SQL text.
 * Safe because Kysely runs one query at a time on its single SQLite connection.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, limit = 1000): KyselySqliteDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement === undefined) {
        statement = sqlite.prepare(text);
        // Statements with IN lists of varying length are many; dropping all at the limit keeps memory bounded.
        if (cache.size >= limit) cache.clear();
        cache.set(text, statement);
      }
      return statement;
    },
  };
}
