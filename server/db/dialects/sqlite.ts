import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../types';
import type { DatabaseHandle, DialectCapabilities } from './dialect';

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
  sqlite.pragma('journal_mode = WAL');
  // Set explicitly because the connection that switches a file to WAL keeps FULL. NORMAL in WAL mode never
  // corrupts the database; a power cut (not a process crash) may lose the last transactions before the next
  // checkpoint. That trade buys ~3-4x write throughput; set SHIJIAN_SQLITE_SYNCHRONOUS=FULL to refuse it.
  const synchronous = process.env.SHIJIAN_SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL';
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('foreign_keys = ON');
  // Another process (a CLI, a second server during a restart) may hold the write lock briefly.
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    capabilities: sqliteCapabilities,
    dataDir: dirname(path),
    close: () => db.destroy(),
  };
}
