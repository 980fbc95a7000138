import { resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../types';
import type { DatabaseHandle, DialectCapabilities } from './dialect';

export const postgresCapabilities: DialectCapabilities = {
  name: 'postgres',
  supportsSkipLocked: true,
  supportsRowLocks: true,
  binaryCollation: 'collate "C"',
};

// pg returns int8 (count(*), sums) as strings; our counts fit in a double, and SQLite returns numbers.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(1700, (value) => Number.parseFloat(value));

export function openPostgres(url: string, dataDir = process.env.SHIJIAN_DATA_DIR ?? './data'): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_SIZE ?? 10) });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, capabilities: postgresCapabilities, dataDir: resolve(dataDir), close: () => db.destroy() };
}
