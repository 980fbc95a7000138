import type { DatabaseHandle } from './dialects/dialect';
import { openPostgres } from './dialects/postgres';
import { openSqlite } from './dialects/sqlite';

export const defaultDatabaseUrl = 'file:./data/shijian.db';

/** `file:<path>` opens a SQLite file, `postgres://…` a PostgreSQL pool. */
export function openDatabase(url: string = defaultDatabaseUrl): DatabaseHandle {
  if (url.startsWith('file:')) return openSqlite(url.slice('file:'.length));
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  throw new Error(`DATABASE_URL must start with file: or postgres:// (got ${url.split(':')[0]}:)`);
}
