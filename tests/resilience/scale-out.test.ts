/**
 * Two real server processes on one PostgreSQL, clients racing commands on the same instances through both:
 * every acknowledged command applied exactly once, the losers told 412 (never a lost update), no double
 * transition, every due timer fired once though both servers' workers race for it, and every history
 * replays to its stored instance. Bounded in `npm test`; `npm run soak` runs it for two minutes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connection';
import { checkIntegrity } from '../../server/cli/integrity';
import { PROCESS_DIALECTS, type ProcessDatabase } from './support/databases';
import { startDriver } from './support/driver';
import { rebase, signInActors, type Ack } from './support/load';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { checkAcknowledged } from './support/verify';

const soak = process.env.SHIJIAN_SOAK === '1';
const durationMs = soak ? 120_000 : 8_000;
const postgres = PROCESS_DIALECTS.find((d) => d.name === 'postgres')!;

describe('scale-out: two servers on one PostgreSQL', () => {
  let database: ProcessDatabase;
  const servers: ServerProcess[] = [];
  beforeAll(async () => {
    database = await postgres.create();
  });
  afterAll(async () => {
    for (const server of servers) await server.kill();
    await database.destroy();
  });

  it('applies every acknowledged command once, loses no update and fires every timer once', { timeout: soak ? 600_000 : 120_000 }, async () => {
    // The first start migrates and seeds; the second finds a populated database.
    servers.push(await startServerProcess(database.url, database.env));
    servers.push(await startServerProcess(database.url, database.env));
    const onA = await signInActors(servers[0]!.baseUrl);
    const onB = rebase(onA, servers[1]!.baseUrl);
    const shared: string[] = [];
    // Soak: enough shared orders that the racing lasts the whole run, not just its first seconds.
    for (let i = 0; i < (soak ? 300 : 6); i++) {
      const order = await onA.resident.post<Ack>('/api/instances', { workflow: 'five-order', orgUnitId: onA.station, data: { description: `共享订单 ${i}` } });
      expect(order.status).toBe(201);
      shared.push(order.body.id);
    }
    const sharedIds = [...shared];
    let stopping = false;
    // Even workers talk to server A, odd ones to B; three workers race on each shared order at first.
    const driver = startDriver((worker) => (worker % 2 === 0 ? onA : onB), { workers: 8, shared, stop: () => stopping });
    const started = Date.now();
    // Part-way through, timers fall due while both servers' workers poll: each must fire exactly once.
    await new Promise((r) => setTimeout(r, durationMs / 2));
    const db = openDatabase(database.url);
    try {
      const pending = await db.db.selectFrom('timers').select(['id', 'instance_id', 'name']).where('fired_at', 'is', null).where('cancelled_at', 'is', null).where('name', 'not like', '%@%').orderBy('id').limit(10).execute();
      expect(pending.length).toBeGreaterThan(0);
      await db.db.updateTable('timers').set({ due_at: new Date(Date.now() - 1000).toISOString() }).where('id', 'in', pending.map((t) => t.id)).execute();
      await new Promise((r) => setTimeout(r, Math.max(0, durationMs - (Date.now() - started))));
      stopping = true;
      await driver.done;
      const deadline = Date.now() + 15_000;
      let unfired = pending.length;
      while (unfired > 0 && Date.now() < deadline) {
        unfired = (await db.db.selectFrom('timers').select('id').where('id', 'in', pending.map((t) => t.id)).where('fired_at', 'is', null).where('cancelled_at', 'is', null).execute()).length;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(unfired).toBe(0);
      for (const timer of pending) {
        const row = await db.db.selectFrom('timers').select(['fired_at', 'cancelled_at']).where('id', '=', timer.id).executeTakeFirstOrThrow();
        const entries = (await db.db.selectFrom('history').select('data').where('instance_id', '=', timer.instance_id).where('event', '=', 'timer').execute()).filter((e) => (JSON.parse(e.data ?? '{}') as { timer?: string }).timer === timer.name);
        // Fired: exactly one history entry. Cancelled by a command that won the race first: none.
        expect(entries).toHaveLength(row.fired_at !== null ? 1 : 0);
      }

      const figures = await checkAcknowledged(db.db, driver.stats.acknowledged);
      const integrity = await checkIntegrity(db);
      const sharedCommands = driver.stats.acknowledged.filter((a) => sharedIds.includes(a.id) && a.event !== '@start').length;
      console.log(`[scale-out] acknowledged ${figures.acknowledged} (${sharedCommands} on shared orders), lost ${figures.lost.length}, duplicated ${figures.duplicated.length}, 412/409 ${driver.stats.conflicts}, timers fired once ${pending.length}, instances replayed ${integrity.instances}`);
      expect(driver.stats.unexpected).toEqual([]);
      expect(driver.stats.networkErrors).toBe(0);
      expect(driver.stats.conflicts).toBeGreaterThan(0);
      expect(figures.lost).toEqual([]);
      expect(figures.duplicated).toEqual([]);
      // Each shared order went through its whole lifecycle once, whoever won each step.
      for (const id of sharedIds) {
        const events = await db.db.selectFrom('history').select('event').where('instance_id', '=', id).where('event', '!=', 'timer').orderBy('seq').execute();
        expect(events.map((e) => e.event)).toEqual(['@start', 'accept_for_dispatch', 'dispatch', 'accept', 'start', 'complete', 'rate']);
      }
      expect(integrity).toMatchObject({ auditBrokenAt: null, inconsistent: [] });
    } finally {
      stopping = true;
      await db.close();
    }
  });
});
