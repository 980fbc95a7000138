/**
 * Dispatch's team board from the server (SQLite file, seeded pack, engine loaded):
 * - `teams.stats.p50`: GET /api/teams?stats=1 — load, completions, rating and on-time rate aggregated in
 *   SQL over every five-order instance — with SHIJIAN_BENCH_TEAM_ORDERS (default 5,000) served and rated
 *   orders in the database, against GET /api/teams (the plain list, same teams, same run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../../../server/db/dialects/sqlite';
import { cloneInstance } from '../../server/bench/fixtures';
import { signIn, type ApiClient } from '../../server/support/client';
import { startServer } from '../../server/support/server';
import { median, timeMs, type Benchmark, type BenchResult } from '../harness';

const ORDERS = Number(process.env.SHIJIAN_BENCH_TEAM_ORDERS ?? 5_000);
const RUNS = 15;
const round = (n: number) => Math.round(n * 100) / 100;

/** One order through 派单 → 接单 → 服务 → 评单, to be cloned. */
async function servedOrder(resident: ApiClient, station: ApiClient, leader: ApiClient, stationId: string, teamId: string): Promise<string> {
  let order = (await resident.post<{ id: string; version: number }>('/api/instances', { workflow: 'five-order', orgUnitId: stationId, data: { description: '需要志愿者上门帮忙', beneficiaryPhone: '13800000000', urgency: 'normal' } })).body;
  const step = async (client: ApiClient, event: string, data?: unknown) => {
    const response = await client.post<{ id: string; version: number }>(`/api/instances/${order.id}/commands`, { event, ...(data === undefined ? {} : { data }) }, { headers: { 'if-match': `"${order.version}"` } });
    if (response.status !== 200) throw new Error(`${event}: ${response.text}`);
    order = response.body;
  };
  await step(station, 'accept_for_dispatch');
  await step(station, 'dispatch', { mode: 'directed', teamId });
  await step(leader, 'accept');
  await step(leader, 'start');
  await step(leader, 'complete', { summary: '服务已完成', serviceHours: 1.5, volunteerCount: 2, photos: ['photo'] });
  await step(resident, 'rate', { stars: 4 });
  return order.id;
}

export const benchmarks: Benchmark[] = [
  {
    id: 'teams.stats',
    async run(): Promise<BenchResult[]> {
      const dir = mkdtempSync(join(tmpdir(), 'shijian-bench-teams-'));
      const database = openSqlite(join(dir, 'bench.db'));
      const server = await startServer(database);
      try {
        const resident = await signIn(server.baseUrl, 'resident1');
        const station = await signIn(server.baseUrl, 'station.admin');
        const leader = await signIn(server.baseUrl, 'team.leader');
        const stationId = (await resident.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
        const leaderId = (await leader.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
        const teams = (await station.get<{ items: { id: string; leaderUserId: string | null }[] }>('/api/teams')).body.items;
        const template = await servedOrder(resident, station, leader, stationId, teams.find((team) => team.leaderUserId === leaderId)!.id);
        await cloneInstance(database.db, template, ORDERS - 1);
        const time = async (path: string) => {
          await station.get(path);
          const samples: number[] = [];
          for (let i = 0; i < RUNS; i++) samples.push(await timeMs(() => station.get(path)));
          return median(samples);
        };
        const plain = await time('/api/teams');
        const withStats = await time('/api/teams?stats=1');
        const check = (await station.get<{ items: { stats: { ratedOrders: number } }[] }>('/api/teams?stats=1')).body.items;
        if (!check.some((team) => team.stats.ratedOrders === ORDERS)) throw new Error('the cloned orders were not counted');
        const ratio = withStats / Math.max(plain, 0.01);
        return [
          {
            id: 'teams.stats.p50',
            value: round(withStats),
            unit: `ms (${ORDERS} orders, ${teams.length} teams)`,
            baseline: 'GET /api/teams without stats, same run',
            baselineValue: round(plain),
            ratio: round(ratio),
            target: '< 250 ms at 5,000 orders',
            met: withStats < 250,
          },
        ];
      } finally {
        await server.close();
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
