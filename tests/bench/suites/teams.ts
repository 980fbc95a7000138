/**
 * Dispatch's team board from the server (SQLite file, seeded pack, engine loaded):
 * - `teams.stats.p50`: GET /api/teams?stats=1 — load, 30-day completions, the year's rating and the 30-day
 *   on-time rate — with SHIJIAN_BENCH_TEAM_ORDERS (default 200,000) served and rated orders spread over
 *   SHIJIAN_BENCH_TEAM_DAYS (default 3,650: ten years of a district's 20,000 orders a year, DOMAIN.md §9.4),
 *   against GET /api/teams (the plain list, same teams, same run). The figures read windows of recent
 *   activity, so their cost follows a year's orders, not every order ever served.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../../../server/db/dialects/sqlite';
import { cloneFinishedOrders } from '../../server/bench/fixtures';
import { signIn, type ApiClient } from '../../server/support/client';
import { startServer } from '../../server/support/server';
import { median, timeMs, type Benchmark, type BenchResult } from '../harness';

const ORDERS = Number(process.env.SHIJIAN_BENCH_TEAM_ORDERS ?? 200_000);
const SPREAD_DAYS = Number(process.env.SHIJIAN_BENCH_TEAM_DAYS ?? 3_650);
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
        await cloneFinishedOrders(database.db, template, ORDERS - 1, SPREAD_DAYS);
        // Clone i is i % SPREAD_DAYS days older than the template. The test server's clock stands still, so
        // the template was rated at "now", and the year's rating counts it and the clones up to 365 days back.
        let ratedInYear = 1;
        for (let i = 0; i < ORDERS - 1; i++) if (i % SPREAD_DAYS <= 365) ratedInYear++;
        const time = async (path: string) => {
          // The first request after the long fill may meet a kept-alive socket the server has closed.
          await station.get(path).catch(() => station.get(path));
          const samples: number[] = [];
          for (let i = 0; i < RUNS; i++) samples.push(await timeMs(() => station.get(path)));
          return median(samples);
        };
        const plain = await time('/api/teams');
        const withStats = await time('/api/teams?stats=1');
        const check = (await station.get<{ items: { stats: { ratedOrders: number } }[] }>('/api/teams?stats=1')).body.items;
        if (!check.some((team) => team.stats.ratedOrders === ratedInYear)) throw new Error(`expected ${ratedInYear} orders rated in the year: ${JSON.stringify(check.map((team) => team.stats))}`);
        const ratio = withStats / Math.max(plain, 0.01);
        return [
          {
            id: 'teams.stats.p50',
            value: round(withStats),
            unit: `ms (${ORDERS} orders over ${SPREAD_DAYS} days, ${ratedInYear} rated in the last year, ${teams.length} teams)`,
            baseline: 'GET /api/teams without stats, same run',
            baselineValue: round(plain),
            ratio: round(ratio),
            target: '< 250 ms at 200,000 orders',
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
