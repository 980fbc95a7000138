import type { QueryResult } from 'kysely';

/** Runs one compiled statement with its parameters synchronously, answering as Kysely's driver would. */
export type DirectStatement = (sql: string, parameters: readonly unknown[]) => QueryResult<unknown>;

/**
 * Direct runners by Kysely adapter (one adapter object per Kysely instance, shared by its transactions).
 * Only SQLite registers one: its single connection is held by whoever runs inside a transaction, so a
 * statement of that transaction may run on the connection without waiting for Kysely to hand it over.
 */
export const directStatements = new WeakMap<object, DirectStatement>();
