import { resolve } from 'node:path';
import { defaultDatabaseUrl } from '../db/connection';

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** The database the server would open: `DATABASE_URL`, or the default SQLite file. */
export function databaseTarget(url = process.env.DATABASE_URL ?? defaultDatabaseUrl): DatabaseTarget {
  if (url.startsWith('file:')) return { kind: 'sqlite', file: resolve(url.slice('file:'.length)) };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url };
  throw new Error(`DATABASE_URL must start with file: or postgres:// (got ${url.split(':')[0]}:)`);
}
