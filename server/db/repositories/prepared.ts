import { createQueryId, type Compilable, type Kysely, type QueryResult, type RootOperationNode } from 'kysely';
import { directStatements } from '../dialects/direct-statements';
import type { Database } from '../types';

const marker = '\u0000prepared:';
const maxVariants = 2000;

interface Compiled<P extends string> {
  sql: string;
  query: RootOperationNode;
  /** Per parameter: the name of a placeholder, or a constant that the builder put there. */
  slots: ({ name: P } | { value: unknown })[];
}

/**
 * A statement on the command path, built and compiled once per database and shape instead of on every
 * call: Kysely's builders and compiler cost as much CPU as SQLite spends running these small statements.
 * `build` writes the query with `p('name')` where a value goes (and may vary its shape, e.g. by a row
 * count, or bake in an actor's org scope keyed by a signature of it); each call substitutes the values into the compiled parameters. The SQL is Kysely's own,
 * compiled by the database's dialect, so PostgreSQL and SQLite each get theirs. Only for statements whose
 * SQL depends on nothing but the shape's key: a value that changes the SQL (a list, a null) must not be a
 * placeholder.
 */
export function prepared<P extends string, R, S = number>(
  build: (db: Kysely<Database>, p: (name: P) => never, shape: S) => Compilable<R>,
  /** What of the shape decides the SQL (default: the shape itself, a number such as a row count). */
  keyOf: (shape: S, db: Kysely<Database>) => string | number = (shape) => shape as number,
) {
  // Keyed by the dialect's adapter, one object per Kysely instance and shared by its transactions.
  const cache = new WeakMap<object, Map<string | number, Compiled<P>>>();
  return (db: Kysely<Database>, values: Record<P, unknown>, shape: S = 0 as S): Promise<QueryResult<R>> => {
    const adapter = db.getExecutor().adapter;
    let byVariant = cache.get(adapter);
    if (byVariant === undefined) cache.set(adapter, (byVariant = new Map()));
    const variant = keyOf(shape, db);
    let compiled = byVariant.get(variant);
    if (compiled === undefined) {
      const query = build(db, (name) => `${marker}${name}` as never, shape).compile();
      // Shapes keyed by actor (org scopes) are many over a server's life; forget them all now and then.
      if (byVariant.size >= maxVariants) byVariant.clear();
      compiled = {
        sql: query.sql,
        query: query.query,
        slots: query.parameters.map((value) => (typeof value === 'string' && value.startsWith(marker) ? { name: value.slice(marker.length) as P } : { value })),
      };
      byVariant.set(variant, compiled);
    }
    const parameters = compiled.slots.map((slot) => {
      if (!('name' in slot)) return slot.value;
      const value = values[slot.name];
      // Kysely leaves an undefined column out of the SQL; here the SQL is fixed, so say null explicitly.
      if (value === undefined) throw new Error(`prepared statement: no value for ${slot.name}`);
      return value;
    });
    // Inside a transaction on SQLite the caller holds the only connection: run the statement on it directly,
    // skipping Kysely's executor (connection hand-off, plugins, a chain of promises per statement), which
    // cost more than the small statements themselves.
    const direct = db.isTransaction ? directStatements.get(adapter) : undefined;
    if (direct !== undefined) return Promise.resolve(direct(compiled.sql, parameters) as QueryResult<R>);
    return db.executeQuery<R>({ sql: compiled.sql, query: compiled.query, queryId: createQueryId(), parameters });
  };
}

/** Placeholders for `count` rows of `columns`, named `<column><row>`, for a multi-row insert of that variant. */
export function placeholderRows<C extends string>(columns: readonly C[], count: number, p: (name: string) => never): Record<C, never>[] {
  return Array.from({ length: count }, (_, row) => Object.fromEntries(columns.map((column) => [column, p(`${column}${row}`)])) as Record<C, never>);
}

/** The values of `rows` for the placeholders of `placeholderRows`. */
export function rowValues<C extends string>(columns: readonly C[], rows: readonly Record<C, unknown>[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  rows.forEach((row, index) => {
    for (const column of columns) values[`${column}${index}`] = row[column];
  });
  return values;
}

/** `true` only when `columns` names every column of `Table`: a column added later cannot be dropped silently. */
export type CoversColumns<Table, Columns extends readonly string[]> = Exclude<keyof Table, Columns[number]> extends never ? true : { missing: Exclude<keyof Table, Columns[number]> };
