/**
 * SQLite's `synchronous` level, the one durability setting an operator chooses (server/README.md,
 * "Durability and backup"). `durability.sqlite-commits` measures command-shaped write transactions —
 * read the row, versioned UPDATE, append a history row and an audit row — per second with the server's own
 * connection setup (`openSqlite`) under NORMAL, against the same transactions under FULL in the same run,
 * rounds alternating so the shared machine's drift hits both alike. NORMAL must be the faster (why it is the
 * default); the ratio is the price of FULL's power-loss guarantee.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openSqlite } from '../../../server/db/dialects/sqlite';
import { median, type Benchmark, type BenchResult } from '../harness';

const ROUNDS = 3;
const WINDOW_MS = 700;

async function commitsPerSecond(synchronous: 'NORMAL' | 'FULL', dir: string): Promise<number> {
  const previous = process.env.SHIJIAN_SQLITE_SYNCHRONOUS;
  process.env.SHIJIAN_SQLITE_SYNCHRONOUS = synchronous;
  const handle = openSqlite(join(dir, `${synchronous.toLowerCase()}.db`));
  if (previous === undefined) delete process.env.SHIJIAN_SQLITE_SYNCHRONOUS;
  else process.env.SHIJIAN_SQLITE_SYNCHRONOUS = previous;
  const db = handle.db;
  try {
    const level = (await sql<{ synchronous: number }>`pragma synchronous`.execute(db)).rows[0]?.synchronous;
    if (level !== (synchronous === 'FULL' ? 2 : 1)) throw new Error(`synchronous=${synchronous} not applied (got ${level})`);
    await sql`create table if not exists bench_instance (id integer primary key, version integer not null, state text not null)`.execute(db);
    await sql`create table if not exists bench_history (instance_id integer not null, seq integer not null, data text not null, primary key (instance_id, seq))`.execute(db);
    await sql`create table if not exists bench_audit (seq integer primary key, hash text not null)`.execute(db);
    await sql`insert or ignore into bench_instance (id, version, state) values (1, 0, 'submitted')`.execute(db);
    const commit = () =>
      db.transaction().execute(async (trx) => {
        const row = await sql<{ version: number }>`select version from bench_instance where id = 1`.execute(trx);
        const version = row.rows[0]!.version;
        await sql`update bench_instance set version = ${version + 1}, state = ${`s${version % 7}`} where id = 1 and version = ${version}`.execute(trx);
        await sql`insert into bench_history (instance_id, seq, data) values (1, ${version + 1}, ${'{"event":"dispatch","data":{"teamId":"t-1"}}'})`.execute(trx);
        await sql`insert into bench_audit (hash) values (${'0'.repeat(64)})`.execute(trx);
      });
    const warmUntil = performance.now() + 150;
    while (performance.now() < warmUntil) await commit();
    let commits = 0;
    const start = performance.now();
    while (performance.now() - start < WINDOW_MS) {
      await commit();
      commits++;
    }
    return (commits * 1000) / (performance.now() - start);
  } finally {
    await handle.close();
  }
}

const sqliteCommits: Benchmark = {
  id: 'durability.sqlite-commits',
  async run(): Promise<BenchResult[]> {
    const dir = mkdtempSync(join(tmpdir(), 'shijian-durability-'));
    try {
      const normal: number[] = [];
      const full: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        normal.push(await commitsPerSecond('NORMAL', dir));
        full.push(await commitsPerSecond('FULL', dir));
      }
      const value = median(normal);
      const baselineValue = median(full);
      const ratio = value / baselineValue;
      return [
        { id: 'durability.sqlite-commits', value: Math.round(value), unit: 'commits/s (synchronous=NORMAL)', baseline: 'the same transactions with synchronous=FULL', baselineValue: Math.round(baselineValue), ratio: Number(ratio.toFixed(2)), target: '≥ 1× (NORMAL, the default, is not slower)', met: ratio >= 1 },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const benchmarks: Benchmark[] = [sqliteCommits];
