import type { Insertable, Kysely } from 'kysely';
import type { Database } from './types';

/** Inserts many rows in chunks small enough for both engines' bound-parameter limits. */
export async function insertMany<T extends keyof Database>(db: Kysely<Database>, table: T, rows: readonly Insertable<Database[T]>[], chunk = 200): Promise<void> {
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    // Kysely cannot relate a generic table name to its row type; the parameter type above does.
    await db.insertInto(table).values(slice as never).execute();
  }
}
