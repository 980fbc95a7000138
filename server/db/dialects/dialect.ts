import type { Kysely } from 'kysely';
import type { Database } from '../types';

/**
 * What differs between the engines, as named capabilities. Nothing outside dialects/ asks which engine it
 * runs on; it asks for a capability.
 */
export interface DialectCapabilities {
  name: 'sqlite' | 'postgres';
  /** `FOR UPDATE SKIP LOCKED`, so several servers can claim timers without waiting on each other. */
  supportsSkipLocked: boolean;
  /** `FOR UPDATE` row locks; without them (SQLite) a write transaction already excludes every other writer. */
  supportsRowLocks: boolean;
  /**
   * Collation clause that makes text compare byte by byte, so a materialized path prefix is one index
   * range whatever the database's default collation (null: the engine already compares bytes).
   */
  binaryCollation: string | null;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  capabilities: DialectCapabilities;
  /**
   * Runs `work` all-or-nothing and resolves only once it is durably committed. On SQLite, units of work
   * that arrive together share one commit (see group-commit.ts); on PostgreSQL each is a transaction of
   * its own on a pooled connection. `work` must use the handle it is given and not start another unit.
   */
  unitOfWork<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Directory for attachment files and other data beside the database. */
  dataDir: string;
  close(): Promise<void>;
}
