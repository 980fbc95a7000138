/**
 * SIGKILL under load: real server processes killed at random moments while clients drive five-order
 * commands, then restarted on the same database. Every 2xx must survive, applied once; no transition may
 * be half written; the audit chain must verify; timers that fell due while the server was down must fire
 * once at the next start; the outbox delivers every webhook (at least once, deduped by id). Bounded in `npm test`; `npm run soak` kills many more times.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connection';
import { checkIntegrity } from '../../server/cli/integrity';
import { PROCESS_DIALECTS, type ProcessDatabase } from './support/databases';
import { startDriver } from './support/driver';
import { rebase, signInActors, type Actors } from './support/load';
import { peakRssMb, startServerProcess, type ServerProcess } from './support/server-process';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';
import { checkAcknowledged } from './support/verify';

const soak = process.env.SHIJIAN_SOAK === '1';
const kills = soak ? 25 : 3;

describe.each(PROCESS_DIALECTS)('crash safety on $name', (dialect) => {
  let database: ProcessDatabase;
  let receiver: WebhookReceiver;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await dialect.create();
    receiver = await startWebhookReceiver();
    env = { ...database.env, SHIJIAN_WEBHOOK_URL: receiver.url };
  });
  afterAll(async () => {
    await receiver.close();
    await database.destroy();
  });

  it(`survives ${kills} SIGKILLs under load with nothing lost, doubled or torn`, { timeout: soak ? 1_800_000 : 120_000 }, async () => {
    let server: ServerProcess = await startServerProcess(database.url, env);
    let actors: Actors = await signInActors(server.baseUrl);
    let stopping = false;
    const driver = startDriver(() => actors, { workers: 4, shared: [], stop: () => stopping });
    let restarts = 0;
    const db = openDatabase(database.url);
    try {
      for (let i = 0; i < kills; i++) {
        // A random moment: somewhere inside the next 0.3–1.5 s of traffic.
        await new Promise((r) => setTimeout(r, 300 + Math.random() * 1200));
        await server.kill();
        if (i === kills - 1) break;
        server = await startServerProcess(database.url, env);
        actors = rebase(actors, server.baseUrl);
        restarts++;
      }
      stopping = true;
      await driver.done;

      // Down for good this round: move some pending timers' due time into the outage, as if it had lasted days.
      const outage = new Date(Date.now() - 60_000).toISOString();
      const pending = await db.db.selectFrom('timers').select(['id', 'instance_id', 'name']).where('fired_at', 'is', null).where('cancelled_at', 'is', null).where('name', 'not like', '%@%').orderBy('id').limit(5).execute();
      expect(pending.length).toBeGreaterThan(0);
      await db.db.updateTable('timers').set({ due_at: outage }).where('id', 'in', pending.map((t) => t.id)).execute();

      server = await startServerProcess(database.url, env);
      restarts++;
      const deadline = Date.now() + 20_000;
      let fired: { id: string; fired_at: string | null }[] = [];
      while (Date.now() < deadline) {
        fired = await db.db.selectFrom('timers').select(['id', 'fired_at']).where('id', 'in', pending.map((t) => t.id)).execute();
        if (fired.every((t) => t.fired_at !== null)) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      // The relay drains the outbox, including webhooks committed just before a kill.
      let undelivered = Number.POSITIVE_INFINITY;
      const drainBy = Date.now() + 30_000;
      while (undelivered > 0 && Date.now() < drainBy) {
        undelivered = (await db.db.selectFrom('outbox').select('id').where('kind', '=', 'webhook').where('delivered_at', 'is', null).execute()).length;
        if (undelivered > 0) await new Promise((r) => setTimeout(r, 250));
      }
      const peakMb = peakRssMb(server.child);
      await server.stop();
      expect(undelivered).toBe(0);
      const webhooks = (await db.db.selectFrom('outbox').select('id').where('kind', '=', 'webhook').execute()).map((row) => row.id);
      expect(webhooks.length).toBeGreaterThan(0);
      expect(webhooks.filter((id) => !receiver.received.has(id))).toEqual([]);
      // Redelivery happens only for a batch in flight when a server died: at most one batch (20) per kill.
      const redelivered = [...receiver.received.values()].filter((times) => times > 1).length;
      expect(redelivered).toBeLessThanOrEqual(kills * 20);
      expect(peakMb).toBeLessThan(300);
      expect(fired.filter((t) => t.fired_at === null)).toEqual([]);
      for (const timer of pending) {
        const entries = await db.db.selectFrom('history').select('data').where('instance_id', '=', timer.instance_id).where('event', '=', 'timer').execute();
        expect(entries.filter((e) => (JSON.parse(e.data ?? '{}') as { timer?: string }).timer === timer.name)).toHaveLength(1);
      }

      const figures = await checkAcknowledged(db.db, driver.stats.acknowledged);
      const integrity = await checkIntegrity(db);
      console.log(`[crash ${dialect.name}] acknowledged ${figures.acknowledged}, lost ${figures.lost.length}, duplicated ${figures.duplicated.length}, kills ${kills}, restarts survived ${restarts}, 412/409 ${driver.stats.conflicts}, network errors ${driver.stats.networkErrors}, timers fired after outage ${pending.length}, webhooks ${webhooks.length} all delivered (${redelivered} redelivered after a kill), instances checked ${integrity.instances}, peak RSS of the last server ${peakMb.toFixed(0)} MB`);
      expect(driver.stats.unexpected).toEqual([]);
      // The kills landed on live traffic (requests in flight or sent while the server was down).
      expect(driver.stats.networkErrors).toBeGreaterThan(0);
      expect(figures.acknowledged).toBeGreaterThan(20);
      expect(figures.lost).toEqual([]);
      expect(figures.duplicated).toEqual([]);
      expect(integrity).toMatchObject({ auditBrokenAt: null, inconsistent: [] });
      if (dialect.name === 'sqlite') expect(integrity.engineCheck).toBe('ok');
    } finally {
      stopping = true;
      await server.kill();
      await db.close();
    }
  });
});
