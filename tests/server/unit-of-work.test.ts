/**
 * The database handle's unit of work: all-or-nothing per unit, run in arrival order, and answered only
 * after the commit, whether the dialect gives each unit its own transaction (PostgreSQL) or lets units
 * that arrive together share one commit (SQLite's group commit).
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../server/db/types';
import { DIALECTS, type TestDatabase } from './support/dialects';

async function counter(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select n from uow_counter where id = 1`.execute(db);
  return Number(rows[0]!.n);
}

/** One atomic step (a row lock on PostgreSQL, the single writer on SQLite), as a versioned update is. */
async function increment(trx: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`update uow_counter set n = n + 1 where id = 1 returning n`.execute(trx);
  return Number(rows[0]!.n);
}

describe.each(DIALECTS)('unit of work on $name', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await dialect.create();
    const db = database.handle.db;
    await sql`create table uow_counter (id integer primary key, n integer not null)`.execute(db);
    await sql`insert into uow_counter (id, n) values (1, 0)`.execute(db);
    await sql`create table uow_parent (id text primary key)`.execute(db);
    await sql`create table uow_child (id text primary key, parent_id text not null references uow_parent (id) deferrable initially deferred)`.execute(db);
  });
  afterEach(async () => database.destroy());

  it('runs concurrent units one after another: each sees the ones before it', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, () => database.handle.unitOfWork(increment)));
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await counter(database.handle.db)).toBe(40);
  });

  it('rolls back only the unit that failed; the others of the same moment commit', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        database.handle.unitOfWork(async (trx) => {
          const n = await increment(trx);
          if (i % 3 === 1) throw new Error(`unit ${i} refused after writing`);
          return n;
        }),
      ),
    );
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused).toHaveLength(10);
    for (const o of refused) expect(String((o as PromiseRejectedResult).reason)).toMatch(/refused after writing/);
    const values = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    // The refused units' increments were undone, so the survivors counted 1..20 without gaps.
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await counter(database.handle.db)).toBe(20);
  });

  it('a unit refused before it writes leaves the others alone; one refused after writing is still undone alone', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        database.handle.unitOfWork(async (trx) => {
          // A refusal before any write (a stale version, a guard) and, once, one after writing (a lost race).
          if (i % 5 === 1) throw new Error(`unit ${i} refused before writing`);
          const n = await increment(trx);
          if (i === 13) throw new Error(`unit ${i} refused after writing`);
          return n;
        }),
      ),
    );
    const reasons = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [[i, String(o.reason)]] : []));
    expect(reasons).toEqual([...[1, 6, 11].map((i) => [i, `Error: unit ${i} refused before writing`]), [13, 'Error: unit 13 refused after writing'], ...[16, 21, 26].map((i) => [i, `Error: unit ${i} refused before writing`])]);
    const values = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(await counter(database.handle.db)).toBe(23);
  });

  it('whatever units of a moment succeed or fail, before or after writing, the outcome is that of running them one at a time', async () => {
    type Plan = 'ok' | 'refuseBefore' | 'refuseAfter';
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom<Plan>('ok', 'ok', 'refuseBefore', 'refuseAfter'), { minLength: 1, maxLength: 40 }), async (plans) => {
        const start = await counter(database.handle.db);
        const outcomes = await Promise.allSettled(
          plans.map((plan) =>
            database.handle.unitOfWork(async (trx) => {
              if (plan === 'refuseBefore') throw new Error('refused before writing');
              const n = await increment(trx);
              if (plan === 'refuseAfter') throw new Error('refused after writing');
              return n;
            }),
          ),
        );
        plans.forEach((plan, i) => expect(outcomes[i]!.status).toBe(plan === 'ok' ? 'fulfilled' : 'rejected'));
        const values = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
        const succeeded = values.length;
        // One at a time: the successes saw start + 1 … start + k, nothing of a refused unit stayed. SQLite's
        // group commit also keeps arrival order; PostgreSQL's transactions take the row lock as they come.
        expect(dialect.name === 'sqlite' ? values : [...values].sort((a, b) => a - b)).toEqual(Array.from({ length: succeeded }, (_, k) => start + k + 1));
        expect(await counter(database.handle.db)).toBe(start + succeeded);
      }),
      { numRuns: 25 },
    );
  });

  it('answers only once the unit is committed: another connection already sees it', async () => {
    const other = database.reopen();
    const seen = await Promise.all(
      Array.from({ length: 20 }, () => database.handle.unitOfWork(increment).then(async (n) => ({ n, visible: await counter(other.db) }))),
    );
    for (const { n, visible } of seen) expect(visible).toBeGreaterThanOrEqual(n);
  });

  it('fails every unit that shared a failed commit, and none of them is written', async () => {
    // A deferred foreign key is checked at COMMIT: the statement succeeds, the commit refuses.
    const started = Array.from({ length: 10 }, (_, i) =>
      database.handle.unitOfWork(async (trx) => {
        await increment(trx);
        if (i === 5) await sql`insert into uow_child (id, parent_id) values ('orphan', 'missing')`.execute(trx);
        return i;
      }),
    );
    const outcomes = await Promise.allSettled(started);
    const n = await counter(database.handle.db);
    const committed = outcomes.filter((o) => o.status === 'fulfilled').length;
    // Whatever shared the orphan's commit failed with it; whatever committed is counted exactly.
    expect(outcomes[5]!.status).toBe('rejected');
    expect(n).toBe(committed);
    const { rows } = await sql<{ c: number }>`select count(*) as c from uow_child`.execute(database.handle.db);
    expect(Number(rows[0]!.c)).toBe(0);
  });
});
