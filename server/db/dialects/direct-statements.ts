import type { Kysely, QueryResult } from 'kysely';
import type { Database } from '../types';

/** Runs one compiled statement with its parameters synchronously, answering as Kysely's driver would. */
export type DirectStatement = (sql: string, parameters: readonly unknown[]) => QueryResult<unknown>;

/**
 * Direct runners by Kysely adapter (one adapter object per Kysely instance, shared by its transactions).
 * Only SQLite registers one: its single connection is held by whoever runs inside a transaction, so a
 * statement of that transaction may run on the connection without waiting for Kysely to hand it over.
 */
export const directStatements = new WeakMap<object, DirectStatement>();

/**
 * True on SQLite, where a write transaction excludes every other writer: what a transaction reads stays
 * the latest until it commits, so it needs no row lock to append to a chain (see audit-repository.ts).
 */
export function writersExclusive(db: Kysely<Database>): boolean {
  return directStatements.has(db.getExecutor().adapter);
}
