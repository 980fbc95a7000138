import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, startWorkflow } from '../../server/commands/instance-commands';
import { openSqlite } from '../../server/db/dialects/sqlite';
import type { DatabaseHandle } from '../../server/db/dialects/dialect';
import { actorNamed, cloneInstance } from './bench/fixtures';
import { recordCommands, startFloorRoute, type RecordedStatement } from './bench/floor-route';
import { startServer, TestClock, type RunningServer } from './support/server';

// The benchmark's floor says what the dispatch's write set alone allows; a floor that replayed less than a
// dispatch wrote (or failed quietly) would flatter it, and every conclusion drawn from it with it.
describe('the benchmark floor route', () => {
  const directory = mkdtempSync(join(tmpdir(), 'shijian-floor-test-'));
  const before = join(directory, 'before.db');
  const recorded = join(directory, 'recorded.db');
  let database: DatabaseHandle;
  let server: RunningServer;
  let recordings: RecordedStatement[][] = [];
  const orders = 12;

  beforeAll(async () => {
    database = openSqlite(join(directory, 'server.db'));
    server = await startServer(database, { clock: new TestClock(Date.parse('2026-11-30T08:00:00Z')) });
    const db = database.db;
    const user = (username: string) => actorNamed(db, username);
    const resident = await user('resident1');
    const stationAdmin = await user('station.admin');
    const teamId = (await user('team.leader')).memberships.find((m) => m.teamId !== null)!.teamId!;
    const template = await startWorkflow(server.deps, resident, { workflow: 'five-order', orgUnitId: resident.memberships[0]!.orgUnitId, data: { description: '压测订单' } });
    await runCommand(server.deps, stationAdmin, { instanceId: template.id, event: 'accept_for_dispatch', expectedVersion: 1 });
    const ids = await cloneInstance(db, template.id, orders);
    await sql.raw(`vacuum into '${before}'`).execute(db);
    const dispatches = ids.map((instanceId) => ({ instanceId, event: 'dispatch', data: { mode: 'directed', teamId }, expectedVersion: 2, idempotencyKey: randomUUID() }));
    recordings = await recordCommands(before, recorded, server.deps, stationAdmin, dispatches);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("records a dispatch's own statements, not the transaction control around them", () => {
    expect(recordings).toHaveLength(orders);
    for (const statements of recordings) {
      expect(statements.some(({ source }) => /^update "workflow_instances"/i.test(source))).toBe(true);
      expect(statements.some(({ source }) => /^insert into "audit_log"/i.test(source))).toBe(true);
      expect(statements.every(({ source }) => !/^\s*(begin|commit|savepoint|release|rollback)\b/i.test(source))).toBe(true);
    }
    // The steady-state dispatch: the first may also read definitions the cache did not hold yet.
    expect(recordings.at(-1)!.length).toBeGreaterThanOrEqual(10);
  });

  it('replays them over HTTP, in batches, to the very database the dispatches left', async () => {
    const floor = await startFloorRoute(before, recordings);
    try {
      const post = (path: string) => fetch(`${floor.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"event":"dispatch"}' });
      // All at once, so they arrive while a batch runs and share the next one.
      const answers = await Promise.all(floor.paths.map((path) => post(path)));
      expect(answers.map((answer) => answer.status)).toEqual(floor.paths.map(() => 200));
      expect((await post('/floor/extra')).status).toBe(404);
      const dump = (file: string) => {
        const db = new SqliteDatabase(file, { readonly: true });
        try {
          return {
            instances: db.prepare('select id, state, version, snapshot from workflow_instances order by id').all(),
            audit: db.prepare('select seq, hash from audit_log order by seq').all(),
            counts: ['history', 'tasks', 'timers', 'outbox', 'idempotency_keys'].map((table) => db.prepare(`select count(*) as n from ${table}`).get()),
          };
        } finally {
          db.close();
        }
      };
      const replayed = dump(floor.file);
      expect(replayed).toEqual(dump(recorded));
      expect(replayed).not.toEqual(dump(before));
    } finally {
      await floor.close();
    }
  });
});
