/**
 * SQLite prepares a statement again on every run when its plan read a bound value: a LIMIT, or a value
 * compared with a column that a partial index's predicate compares with a constant. The SQLite handle
 * writes those values into the SQL instead (server/db/dialects/sqlite-plan-literals.ts); everything else
 * stays a parameter, so the statement cache keeps one statement per shape.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../server/db/migrate';
import { partialIndexColumns } from '../../server/db/dialects/sqlite-plan-literals';
import { DIALECTS, type TestDatabase } from './support/dialects';
import { queryPlan } from './support/plan';

const sqlite = DIALECTS.find((dialect) => dialect.name === 'sqlite')!;

describe('values SQLite plans with are literals in its SQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await sqlite.create();
    await migrateToLatest(database.handle);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('writes a limit and a partial index column’s value as literals, ids and times as parameters', () => {
    const { db } = database.handle;
    const query = db
      .selectFrom('tasks')
      .select('id')
      .where('tasks.assignee_user_id', '=', 'user-1')
      .where('status', '=', 'open')
      .where('due_at', '<', '2026-11-29T00:00:00.000Z')
      .orderBy('id')
      .limit(21)
      .compile();
    expect(query.sql).toBe(`select "id" from "tasks" where "tasks"."assignee_user_id" = ? and "status" = 'open' and "due_at" < ? order by "id" limit 21`);
    expect(query.parameters).toEqual(['user-1', '2026-11-29T00:00:00.000Z']);
  });

  it('closes an order’s open tasks with a statement whose WHERE names the state', () => {
    const { db } = database.handle;
    const query = db.updateTable('tasks').set({ status: 'done', closed_at: 'now' }).where('instance_id', '=', 'i-1').where('status', '=', 'open').compile();
    // The SET stays a parameter (it plans nothing); the WHERE's state is a literal.
    expect(query.sql).toBe(`update "tasks" set "status" = ?, "closed_at" = ? where "instance_id" = ? and "status" = 'open'`);
    expect(query.parameters).toEqual(['done', 'now', 'i-1']);
  });

  it('leaves anything that is not a short plain word a parameter', () => {
    const { db } = database.handle;
    for (const value of ["open' or 1=1 --", 'x'.repeat(65), '', '开放', 'a\u0000b']) {
      const query = db.selectFrom('outbox').select('id').where('kind', '=', value).compile();
      expect(query.sql).toBe(`select "id" from "outbox" where "kind" = ?`);
      expect(query.parameters).toEqual([value]);
    }
    const other = db.selectFrom('tasks').select('id').where('status', '<>', 'open').where('name', '=', 'pending').limit(-1).compile();
    expect(other.sql).toBe(`select "id" from "tasks" where "status" <> ? and "name" = ? limit ?`);
  });

  it('answers as before and still finds the open rows through their partial index', async () => {
    const { db } = database.handle;
    const query = db.selectFrom('tasks').select('id').where('assignee_user_id', '=', 'user-1').where('status', '=', 'open').orderBy('due_at').limit(5);
    expect(await query.execute()).toEqual([]);
    expect(await queryPlan(db, 'sqlite', query)).toContain('tasks_open_assignee');
  });

  it('covers every column a partial index of the schema compares with a constant', async () => {
    const raw = new Database(join(database.handle.dataDir, 'test.db'), { readonly: true });
    try {
      const predicates = raw.prepare(`select name, sql from sqlite_master where type = 'index' and sql like '% where %'`).all() as { name: string; sql: string }[];
      expect(predicates.length).toBeGreaterThan(5);
      const compared = new Set<string>();
      for (const { sql } of predicates) {
        const where = sql.slice(sql.toLowerCase().lastIndexOf(' where ') + 7);
        // `column = 'constant'`, but not a function's result such as json_extract(payload, '$.record') = '…'.
        for (const match of where.matchAll(/(?<![(,.\w])"?(\w+)"?\s*=\s*'/g)) compared.add(match[1]!);
      }
      expect([...compared].sort()).toEqual([...partialIndexColumns].sort());
    } finally {
      raw.close();
    }
  });
});
