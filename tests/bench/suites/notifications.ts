/**
 * Notification latency (issue "asking the people", item 3): from a 派单 command's 2xx to the team
 * leader's notification being listed by the API, while 20 commands are in flight at once. The worker runs
 * with main.ts's settings (notificationIntervals). The baseline, measured in the same run under the same
 * load, is the command's own latency: the ratio says how much later than the command's answer the person
 * can see it. The studio's bell polls every 1.2 s on top of this.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark, BenchResult } from '../harness';
import { quantile } from '../harness';
import { runCommand, startWorkflow } from '../../../server/commands/instance-commands';
import { openSqlite } from '../../../server/db/dialects/sqlite';
import { notificationIntervals, startNotificationWorker } from '../../../server/workers/notification-worker';
import { actorNamed, cloneInstance } from '../../server/bench/fixtures';
import { signIn } from '../../server/support/client';
import { startServer, TestClock } from '../../server/support/server';

const orders = Number(process.env.SHIJIAN_BENCH_NOTIFY_ORDERS ?? 400);
const inFlight = 20;
const pollMs = 25;

async function latencyUnderLoad(): Promise<BenchResult[]> {
  const database = openSqlite(join(mkdtempSync(join(tmpdir(), 'shijian-bench-notify-')), 'bench.db'));
  const server = await startServer(database, { clock: new TestClock(Date.now()), overrides: { clock: () => new Date() } });
  const worker = startNotificationWorker({ deps: server.deps, channels: [], ...notificationIntervals });
  try {
    const db = database.db;
    const resident = await actorNamed(db, 'resident1');
    const leader = await actorNamed(db, 'team.leader');
    const teamId = leader.memberships.find((m) => m.teamId !== null)!.teamId!;
    const template = await startWorkflow(server.deps, resident, { workflow: 'five-order', orgUnitId: resident.memberships[0]!.orgUnitId, data: { description: '通知压测订单' } });
    await runCommand(server.deps, await actorNamed(db, 'station.admin'), { instanceId: template.id, event: 'accept_for_dispatch', expectedVersion: 1 });
    const ids = await cloneInstance(db, template.id, orders);
    await worker.runOnce(); // the setup's own notifications are out of the way before timing starts
    const station = await signIn(server.baseUrl, 'station.admin');
    const leaderClient = await signIn(server.baseUrl, 'team.leader');

    const answeredAt = new Map<string, number>();
    const seenAt = new Map<string, number>();
    const writtenAt = new Map<string, number>();
    const commandMs: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        // Newest first: page back until a page holds nothing new, so a burst larger than one page is read whole.
        let cursor: string | null = null;
        do {
          const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
          const page = await leaderClient.get<{ items: { instanceId: string | null; message: string; createdAt: string }[]; nextCursor: string | null }>(`/api/notifications?limit=100${query}`);
          const now = performance.now();
          let fresh = 0;
          for (const item of page.body.items) {
            if (item.instanceId === null || item.message !== 'workflow.task.assigned' || seenAt.has(item.instanceId)) continue;
            fresh++;
            seenAt.set(item.instanceId, now);
            // The server's wall clock at the write, on this process's performance timeline.
            writtenAt.set(item.instanceId, Date.parse(item.createdAt) - performance.timeOrigin);
          }
          cursor = fresh > 0 ? page.body.nextCursor : null;
        } while (cursor !== null);
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    })();
    let next = 0;
    const failures: number[] = [];
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < ids.length) {
          const id = ids[next++]!;
          const start = performance.now();
          const response = await station.post(`/api/instances/${id}/commands`, { event: 'dispatch', data: { mode: 'directed', teamId } }, { headers: { 'if-match': '2' } });
          const end = performance.now();
          if (response.status !== 200) failures.push(response.status);
          answeredAt.set(id, end);
          commandMs.push(end - start);
        }
      }),
    );
    const deadline = performance.now() + 15_000;
    while (seenAt.size < ids.length && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    polling = false;
    await poller;
    if (failures.length > 0) throw new Error(`dispatch commands failed: ${failures.slice(0, 5).join(', ')}`);
    if (server.errors.length > 0) throw new Error(`the server or the notification worker logged errors: ${String(server.errors[0])}`);
    const latencies = ids.flatMap((id) => (seenAt.has(id) ? [Math.max(0, seenAt.get(id)! - answeredAt.get(id)!)] : []));
    const missing = ids.length - latencies.length;
    const toWrite = ids.flatMap((id) => (writtenAt.has(id) ? [Math.max(0, writtenAt.get(id)! - answeredAt.get(id)!)] : []));
    const p99 = quantile(latencies, 0.99);
    const commandP99 = quantile(commandMs, 0.99);
    return [
      {
        id: 'notifications.latency.p99',
        value: p99,
        unit: `ms (command 2xx → listed for the recipient; ${ids.length} 派单, ${inFlight} in flight, ${missing} never seen)`,
        baseline: 'the 派单 command p99 in the same run',
        baselineValue: commandP99,
        ratio: p99 / Math.max(commandP99, 0.01),
        target: '< 1000 ms, every notification seen',
        met: p99 < 1000 && missing === 0,
      },
      { id: 'notifications.written.p99', value: quantile(toWrite, 0.99), unit: 'ms (command 2xx → notification written by the worker; the rest is the reader’s poll)' },
      { id: 'notifications.latency.p50', value: quantile(latencies, 0.5), unit: 'ms', baseline: 'the 派单 command p50', baselineValue: quantile(commandMs, 0.5), ratio: quantile(latencies, 0.5) / Math.max(quantile(commandMs, 0.5), 0.01) },
    ];
  } finally {
    await worker.stop();
    await server.close();
    await database.close();
  }
}

export const benchmarks: Benchmark[] = [{ id: 'notifications.latency', run: latencyUnderLoad }];
