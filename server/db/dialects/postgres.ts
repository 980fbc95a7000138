import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type Pg from 'pg';
import type { Database } from '../types';
import type { DatabaseHandle, DialectCapabilities } from './dialect';

export const postgresCapabilities: DialectCapabilities = {
  name: 'postgres',
  supportsSkipLocked: true,
  supportsRowLocks: true,
  binaryCollation: 'collate "C"',
};

let pgModule: typeof Pg | undefined;

/** The driver, loaded with the first PostgreSQL database: a server on SQLite never holds its ~16 MB. */
function loadPg(): typeof Pg {
  if (pgModule === undefined) {
    pgModule = createRequire(import.meta.url)('pg') as typeof Pg;
    // pg returns int8 (count(*), sums) as strings; our counts fit in a double, and SQLite returns numbers.
    pgModule.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
    pgModule.types.setTypeParser(1700, (value) => Number.parseFloat(value));
  }
  return pgModule;
}

export function openPostgres(url: string, dataDir = process.env.SHIJIAN_DATA_DIR ?? './data'): DatabaseHandle {
  const pool = new (loadPg().Pool)({ connectionString: url, max: Number(process.env.PG_POOL_SIZE ?? 10) });
  // An idle pooled connection that the server ends (restart, failover, pg_terminate_backend) emits 'error'
  // on the pool; without a listener that is an uncaught exception that kills the process. The pool drops
  // the client and opens a new one on the next query, so logging is all that is needed.
  pool.on('error', (error) => console.error(`[shijian] idle PostgreSQL connection lost: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, capabilities: postgresCapabilities, unitOfWork: (work) => db.transaction().execute(work), dataDir: resolve(dataDir), close: () => db.destroy() };
}
