/**
 * Public pages (the "asking the people" issue): the tier page's latency with 800 published units, served
 * from the in-memory cache, under load (autocannon in its own process, 10 connections, 5 s), against
 * GET /api/health on the same server in the same run, both asked with `accept-encoding: gzip` as browsers do. Target: p99 < 50 ms. Also the one uncached
 * computation of the page (what a request pays once per TTL).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark, BenchResult } from '../harness';
import { timeMs } from '../harness';
import { openSqlite } from '../../../server/db/dialects/sqlite';
import type { Database } from '../../../server/db/types';
import { newId } from '../../../server/util/ids';
import { runLoad } from '../../server/bench/run-load';
import { startServer, TestClock } from '../../server/support/server';
import type { Kysely } from 'kysely';

const unitCount = 800;
const connections = 10;


/**
 * A generated fixture: `unitCount` stations spread over the demo institutes, each with an assessment of
 * one 2026 cycle on public notice (公示) and a tier, as the assessment workflow leaves them.
 */
async function publishTiers(db: Kysely<Database>, at: string): Promise<void> {
  const institutes = await db.selectFrom('org_units').select(['id', 'path']).where('level', '=', 'institute').execute();
  const cycleId = newId();
  await db
    .insertInto('assessment_cycles')
    .values({ id: cycleId, year: 2026, period_from: '2026-01-01', period_to: '2026-12-31', rubrics: JSON.stringify([{ level: 'station', key: 'station-rubric', version: 1 }, { level: 'institute', key: 'institute-rubric', version: 1 }]), assessors: '[]', deadlines: '{}', notice_days: 5, appeal_days: 5, quotas: null, status: 'open', created_by: 'bench', created_at: at, version: 1 })
    .execute();
  const tiers = ['demonstration', 'standard', 'creation'];
  for (let start = 0; start < unitCount; start += 200) {
    const units = [];
    const instances = [];
    const assessments = [];
    for (let i = start; i < Math.min(unitCount, start + 200); i++) {
      const parent = institutes[i % institutes.length]!;
      const id = newId();
      const path = `${parent.path}${id}/`;
      units.push({ id, parent_id: parent.id, path, level: 'station', station_type: 'station', name: `压测村${i}新时代文明实践站`, name_en: `Bench village ${i} station`, admin_division_code: null, active: 1, version: 1, created_at: at, updated_at: at });
      const instanceId = newId();
      instances.push({ id: instanceId, definition_key: 'assessment', definition_version: 1, org_unit_id: id, org_path: path, state: 'public_notice', status: 'active', snapshot: '{}', data: '{}', created_by: 'bench', created_at: at, updated_at: at, version: 1 });
      assessments.push({ id: newId(), cycle_id: cycleId, org_unit_id: id, org_path: path, parent_id: parent.id, level: 'station', rubric_key: 'station-rubric', rubric_version: 1, instance_id: instanceId, frozen_metrics: '{}', result: null, tier: tiers[i % 3]!, score: 70 + (i % 30), created_at: at, updated_at: at, version: 1 });
    }
    await db.insertInto('org_units').values(units).execute();
    await db.insertInto('workflow_instances').values(instances).execute();
    await db.insertInto('assessments').values(assessments).execute();
  }
}

async function tierPage(): Promise<BenchResult[]> {
  const database = openSqlite(join(mkdtempSync(join(tmpdir(), 'shijian-bench-')), 'bench.db'));
  const server = await startServer(database, { clock: new TestClock(Date.now()), engine: false });
  try {
    await publishTiers(database.db, new Date().toISOString());
    const path = '/api/public/tiers?year=2026';
    const cold = await timeMs(async () => {
      const response = await fetch(server.baseUrl + path);
      const body = (await response.json()) as { units: unknown[] };
      if (body.units.length !== unitCount) throw new Error(`expected ${unitCount} published units, got ${body.units.length}`);
    });
    const health = await runLoad({ url: server.baseUrl, connections, duration: 5, method: 'GET', headers: { 'accept-encoding': 'gzip' }, paths: ['/api/health'] });
    const tiers = await runLoad({ url: server.baseUrl, connections, duration: 5, method: 'GET', headers: { 'accept-encoding': 'gzip' }, paths: [path] });
    const target = 50;
    return [
      { id: 'public.tiers.p99', value: tiers.p99, unit: 'ms', baseline: 'GET /api/health p99, same server and load', baselineValue: health.p99, ratio: health.p99 > 0 ? tiers.p99 / health.p99 : Number.NaN, target: `< ${target} ms`, met: tiers.p99 < target },
      { id: 'public.tiers.rps', value: tiers.requestsPerSecond, unit: 'req/s', baseline: 'GET /api/health req/s, same server and load', baselineValue: health.requestsPerSecond, ratio: tiers.requestsPerSecond / health.requestsPerSecond },
      { id: 'public.tiers.cold', value: cold, unit: 'ms', target: `once per ${60} s TTL, ${unitCount} units` },
    ];
  } finally {
    await server.close();
  }
}

export const benchmarks: Benchmark[] = [{ id: 'public.tiers', run: tierPage }];
