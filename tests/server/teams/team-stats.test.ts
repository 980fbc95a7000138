import type { Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamFigureQueries } from '../../../server/routes/teams/team-stats';
import { signIn, type ApiClient } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { queryPlan } from '../support/plan';
import { startServer, TestClock, type RunningServer } from '../support/server';

interface Stats {
  openOrders: number;
  completed30d: number;
  averageRating: number | null;
  ratedOrders: number;
  onTimeRate: number | null;
}
interface Team {
  id: string;
  orgUnitId: string;
  leaderUserId: string | null;
  stats?: Stats;
}
interface Instance {
  id: string;
  state: string;
  version: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A hand-counted fixture over HTTP. Team A (the demo team leader's):
 *  - O0 served and rated 1★ 371 days ago: older than every window, it counts nowhere;
 *  - O6 served, rated 4★, 40 days ago: counts in the rating only;
 *  - O1, O2 accepted in time, served, rated 5★ and 3★;
 *  - O3 accepted 25 h after dispatch (the window is 24 h): late, now accepted;
 *  - O4 dispatched, not yet accepted.
 * Team B: O5 dispatched to it. Team C: nothing.
 * A: open 2 (O3, O4), completed in 30 days 2 (O1, O2), rating (4+5+3)/3 = 4, rated 3; timed steps closed in 30
 * days: accept O1, O2 in time, O3 late; arrival O1, O2 in time (due 2 h after acceptance, no expected time
 * given); O3 has not arrived yet and O6's closed 40 days ago: on time 4 of 5 = 0.8.
 */
describe.each(DIALECTS)('team load and record on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  const clock = new TestClock();
  let resident: ApiClient;
  let station: ApiClient;
  let leader: ApiClient;
  let stationId: string;
  let teamA: string;
  let teamB: string;
  let teamC: string;

  const step = async (client: ApiClient, order: Instance, event: string, data?: Record<string, unknown>): Promise<Instance> => {
    const response = await client.post<Instance>(`/api/instances/${order.id}/commands`, { event, ...(data === undefined ? {} : { data }) }, { headers: { 'if-match': `"${order.version}"` } });
    expect(response.status, `${event}: ${response.text}`).toBe(200);
    return response.body;
  };
  const dispatchedTo = async (teamId: string) => {
    const started = await resident.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: stationId, data: { description: '需要志愿者上门帮忙', beneficiaryPhone: '13800000000', urgency: 'normal' } });
    expect(started.status).toBe(201);
    const triaged = await step(station, started.body, 'accept_for_dispatch');
    return step(station, triaged, 'dispatch', { mode: 'directed', teamId });
  };
  const serveAndRate = async (order: Instance, stars: number) => {
    let next = await step(leader, order, 'accept');
    next = await step(leader, next, 'start');
    next = await step(leader, next, 'complete', { summary: '服务已完成', serviceHours: 1.5, volunteerCount: 2, photos: ['attachment-1'] });
    return step(resident, next, 'rate', { stars });
  };

  beforeAll(async () => {
    database = await dialect.create();
    // Sessions outlive the clock's jumps of weeks.
    server = await startServer(database.handle, { clock, overrides: { sessionTtlMs: 390 * DAY } });
    resident = await signIn(server.baseUrl, 'resident1');
    station = await signIn(server.baseUrl, 'station.admin');
    leader = await signIn(server.baseUrl, 'team.leader');
    const db = database.handle.db;
    stationId = (await db.selectFrom('users').innerJoin('role_memberships', 'role_memberships.user_id', 'users.id').select('role_memberships.org_unit_id').where('users.username', '=', 'resident1').executeTakeFirstOrThrow()).org_unit_id;
    const leaderId = (await db.selectFrom('users').select('id').where('username', '=', 'team.leader').executeTakeFirstOrThrow()).id;
    const teams = (await station.get<{ items: Team[] }>('/api/teams')).body.items;
    teamA = teams.find((team) => team.leaderUserId === leaderId)!.id;
    const others = teams.filter((team) => team.id !== teamA);
    teamB = others[0]!.id;
    teamC = others[1]!.id;

    await serveAndRate(await dispatchedTo(teamA), 1);
    clock.advance(330 * DAY);
    await serveAndRate(await dispatchedTo(teamA), 4);
    clock.advance(40 * DAY);
    await serveAndRate(await dispatchedTo(teamA), 5);
    await serveAndRate(await dispatchedTo(teamA), 3);
    const late = await dispatchedTo(teamA);
    await dispatchedTo(teamA);
    await dispatchedTo(teamB);
    clock.advance(25 * HOUR);
    await step(leader, late, 'accept');
  }, 120_000);
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('counts open orders, recent completions, the rating and the on-time rate as hand-counted', async () => {
    const response = await station.get<{ items: Team[] }>('/api/teams?stats=1');
    expect(response.status).toBe(200);
    const byId = new Map(response.body.items.map((team) => [team.id, team.stats]));
    expect(byId.get(teamA)).toEqual({ openOrders: 2, completed30d: 2, averageRating: 4, ratedOrders: 3, onTimeRate: 0.8 });
    expect(byId.get(teamB)).toEqual({ openOrders: 1, completed30d: 0, averageRating: null, ratedOrders: 0, onTimeRate: null });
    expect(byId.get(teamC)).toEqual({ openOrders: 0, completed30d: 0, averageRating: null, ratedOrders: 0, onTimeRate: null });
    const one = await station.get<Stats & { teamId: string }>(`/api/teams/${teamA}/stats`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ teamId: teamA, openOrders: 2, completed30d: 2, averageRating: 4, ratedOrders: 3, onTimeRate: 0.8 });
  });

  it('reads each figure through its own index, not by walking every order ever served', async () => {
    const db = database.handle.db;
    const queries = teamFigureQueries(db, database.handle.capabilities, [teamA, teamB], clock.now());
    const plan = (query: Compilable) => queryPlan(db, dialect.name, query);
    expect(await plan(queries.open)).toContain('instances_definition_state');
    expect(await plan(queries.completed)).toContain('history_completed_at');
    expect(await plan(queries.rated)).toContain('history_rated_at');
    expect(await plan(queries.timed)).toContain('tasks_closed_due');
    // A pool order's team is its accepting leader's: found through the index, not a scan of all teams per order.
    expect(await plan(queries.open)).toContain('teams_leader');
    for (const query of Object.values(queries)) expect(await plan(query)).not.toMatch(/^SCAN workflow_instances$|Seq Scan on workflow_instances/m);
  });

  it('leaves stats out unless asked, and narrows to the teams able to serve a unit', async () => {
    const plain = await station.get<{ items: Team[] }>('/api/teams');
    expect(plain.body.items.every((team) => team.stats === undefined)).toBe(true);
    const serving = await station.get<{ items: Team[] }>(`/api/teams?unit=${stationId}`);
    expect(serving.status).toBe(200);
    expect(serving.body.items.map((team) => team.id)).toContain(teamA);
    const stationPath = (await database.handle.db.selectFrom('org_units').select('path').where('id', '=', stationId).executeTakeFirstOrThrow()).path;
    const units = await database.handle.db.selectFrom('teams').select(['id', 'org_path']).where('id', 'in', serving.body.items.map((team) => team.id)).execute();
    expect(units.every((team) => stationPath.startsWith(team.org_path))).toBe(true);
  });

  it('refuses an unknown unit, an invisible team and a bad stats flag', async () => {
    expect((await station.get('/api/teams?unit=no-such-unit')).status).toBe(404);
    expect((await station.get('/api/teams/no-such-team/stats')).status).toBe(404);
    const bad = await station.get<{ errors: { pointer: string }[] }>('/api/teams?stats=yes');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]!.pointer).toBe('/query/stats');
    const otherInstitute = await signIn(server.baseUrl, 'institute.admin2');
    expect((await otherInstitute.get(`/api/teams/${teamA}/stats`)).status).toBe(404);
  });
});
