import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { watchSqliteTime } from './bench/sqlite-time';

// The command benchmark reports a command's time inside SQLite from this meter; a meter that missed the
// COMMIT, counted outside its stretch or double-counted would misstate what the write set costs.
describe('the benchmark SQLite time meter', () => {
  const open: SqliteDatabase.Database[] = [];
  const database = () => {
    const db = new SqliteDatabase(join(mkdtempSync(join(tmpdir(), 'shijian-sqlite-time-')), 'meter.db'));
    db.pragma('journal_mode = WAL');
    db.exec('create table items (id integer primary key, name text not null)');
    open.push(db);
    return db;
  };
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });

  it('counts every call of a stretch on a real file, BEGIN and COMMIT included, and the COMMITs apart', () => {
    const db = database();
    const insert = db.prepare('insert into items (name) values (?)');
    const count = db.prepare('select count(*) as n from items');
    const write = db.transaction((names: string[]) => names.forEach((name) => insert.run(name)));
    const meter = watchSqliteTime();
    write(['甲', '乙', '丙']);
    const rows = count.all() as { n: number }[];
    const stretch = meter.stop();
    expect(rows[0]!.n).toBe(3);
    // BEGIN, three inserts, COMMIT, the count.
    expect(stretch.calls).toBe(6);
    expect(stretch.ms).toBeGreaterThan(0);
    expect(stretch.commitMs).toBeGreaterThan(0);
    expect(stretch.commitMs).toBeLessThan(stretch.ms);
    expect(stretch.checkpoints).toBe(0);
  });

  it('counts the checkpoints run on this thread apart, with the longest of them', () => {
    const db = database();
    db.pragma('wal_autocheckpoint = 0');
    const insert = db.prepare('insert into items (name) values (?)');
    const meter = watchSqliteTime();
    for (let i = 0; i < 50; i++) insert.run(`第${i}项`);
    const [first] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    db.pragma('wal_checkpoint(PASSIVE)');
    const stretch = meter.stop();
    expect(first!.checkpointed).toBe(first!.log);
    expect(stretch.checkpoints).toBe(2);
    expect(stretch.longestCheckpointMs).toBeGreaterThan(0);
    expect(stretch.longestCheckpointMs).toBeLessThanOrEqual(stretch.ms);
  });

  it('counts nothing outside a stretch, and starts each stretch from zero', () => {
    const db = database();
    const insert = db.prepare('insert into items (name) values (?)');
    insert.run('before');
    const first = watchSqliteTime();
    insert.run('during');
    expect(first.stop().calls).toBe(1);
    insert.run('after');
    const second = watchSqliteTime();
    expect(second.stop()).toEqual({ ms: 0, calls: 0, commitMs: 0, checkpoints: 0, longestCheckpointMs: 0 });
    expect((db.prepare('select count(*) as n from items').get() as { n: number }).n).toBe(3);
  });

  it('refuses a second stretch while one runs, rather than mixing their figures', () => {
    const meter = watchSqliteTime();
    try {
      expect(() => watchSqliteTime()).toThrow(/one SQLite time stretch at a time/);
    } finally {
      meter.stop();
    }
  });
});
