/**
 * Profiling aid, not a benchmark of record: runs dispatch commands in-process (no HTTP) with `inFlight`
 * concurrent callers, so the command path can be profiled (`node --cpu-prof --import tsx …`) without
 * the HTTP stack's noise. `tsx tests/server/bench/direct-commands.ts [count] [inFlight] [warmUp]`: `warmUp`
 * dispatches on orders of their own run first and are not counted, so V8 has compiled the command path.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand, startWorkflow } from '../../../server/commands/instance-commands';
import { openSqlite } from '../../../server/db/dialects/sqlite';
import { startServer, TestClock } from '../support/server';
import { actorNamed, cloneInstance } from './fixtures';

const count = Number(process.argv[2] ?? 3000);
const inFlight = Number(process.argv[3] ?? 50);
const warmUp = Number(process.argv[4] ?? 0);
const database = openSqlite(join(mkdtempSync(join(tmpdir(), 'shijian-direct-')), 'bench.db'));
const server = await startServer(database, { clock: new TestClock(Date.now()) });
const db = database.db;
const user = (username: string) => actorNamed(db, username);
const resident = await user('resident1');
const stationAdmin = await user('station.admin');
const leader = await user('team.leader');
const teamId = leader.memberships.find((m) => m.teamId !== null)!.teamId!;
const template = await startWorkflow(server.deps, resident, { workflow: 'five-order', orgUnitId: resident.memberships[0]!.orgUnitId, data: { description: '压测订单' } });
await runCommand(server.deps, stationAdmin, { instanceId: template.id, event: 'accept_for_dispatch', expectedVersion: 1 });
const clones = await cloneInstance(db, template.id, warmUp + count);
const dispatchAll = async (ids: string[]) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        await runCommand(server.deps, stationAdmin, { instanceId: id, event: 'dispatch', data: { mode: 'directed', teamId }, expectedVersion: 2, idempotencyKey: `key-${id}` });
      }
    }),
  );
};
await dispatchAll(clones.slice(0, warmUp));
const cpu = process.cpuUsage();
const start = performance.now();
await dispatchAll(clones.slice(warmUp));
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
const cpuUs = (used.user + used.system) / count;
console.log(`${count} dispatch commands, ${inFlight} in flight: ${((count * 1000) / ms).toFixed(0)}/s, ${((ms * 1000) / count).toFixed(0)} µs each, ${cpuUs.toFixed(0)} µs CPU each`);
await server.close();
await database.close();
