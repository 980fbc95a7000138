import { CompiledQuery, sql, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../../../server/db/types';

/**
 * The plan the engine would run `query` with, as text: SQLite's `explain query plan`, PostgreSQL's
 * `explain` with sequential scans forbidden. A test database's tables are small, and a small table is
 * cheapest to scan, so PostgreSQL is asked which index it can prove applies rather than which is cheapest.
 */
export async function queryPlan(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', query: Compilable): Promise<string> {
  const { sql: text, parameters } = query.compile();
  if (dialect === 'sqlite') {
    const result = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${text}`, [...parameters]));
    return result.rows.map((row) => row.detail).join('\n');
  }
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const result = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${text}`, [...parameters]));
    return result.rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}
