/**
 * Service items carry their own SLAs (definitions/liangzhou/service-items/*.json `sla`): an order for an
 * item runs its five-order timers on the item's durations, at the start and at every later command; an
 * order without an item, or for an item without an SLA, keeps the workflow's defaults.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client';
import { signIn } from './support/client';
import { DIALECTS, type TestDatabase } from './support/dialects';
import { startServer, TestClock, type RunningServer } from './support/server';

interface Instance {
  id: string;
  state: string;
  version: number;
  escalationLevel: number;
  timers: { key: string; due: string }[];
}

const minute = 60_000;
const hour = 60 * minute;
// Monday 2026-03-02 09:00 in Beijing: a working day, so the default P2D (working days) is two days on.
const start = Date.parse('2026-03-02T01:00:00.000Z');

function dueOf(instance: Instance, key: string): number {
  const timer = instance.timers.find((t) => t.key === key);
  expect(timer, `timer ${key} of ${JSON.stringify(instance.timers)}`).toBeDefined();
  return Date.parse(timer!.due);
}

describe.each(DIALECTS)('service item SLAs on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let clock: TestClock;
  let resident: ApiClient;
  let station: string;

  beforeAll(async () => {
    database = await dialect.create();
    clock = new TestClock(start);
    server = await startServer(database.handle, { clock, worker: { intervalMs: 3_600_000 } });
    resident = await signIn(server.baseUrl, 'resident1');
    station = (await resident.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
  });
  afterAll(async () => {
    await server.close();
    await database.destroy();
  });

  const order = async (data: Record<string, unknown>) => {
    const response = await resident.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: { description: '需要帮助', ...data } });
    expect(response.status).toBe(201);
    return response.body;
  };

  it("starts an item's order on its triage SLA and escalates it first, while the others keep the default", async () => {
    // emergency-response: triage PT2H; after-school-tutoring has no SLA; the third order names no item.
    const urgent = await order({ serviceItem: 'emergency-response' });
    const plain = await order({ serviceItem: 'after-school-tutoring' });
    const offMenu = await order({});
    expect(dueOf(urgent, 'triage')).toBe(start + 2 * hour);
    expect(dueOf(urgent, 'triage@50')).toBe(start + hour);
    const defaultDue = dueOf(offMenu, 'triage');
    expect(defaultDue).toBeGreaterThanOrEqual(start + 2 * 24 * hour);
    expect(dueOf(plain, 'triage')).toBe(defaultDue);
    const stored = await database.handle.db.selectFrom('timers').select('due_at').where('instance_id', '=', urgent.id).where('name', '=', 'triage').executeTakeFirstOrThrow();
    expect(Date.parse(stored.due_at)).toBe(start + 2 * hour);

    // Just past the item's SLA: only its order escalates, exactly once.
    clock.advance(2 * hour + minute);
    await server.worker!.runOnce();
    expect(await server.worker!.runOnce()).toBe(0);
    const institute = await signIn(server.baseUrl, 'institute.admin');
    const read = async (id: string) => (await institute.get<Instance>(`/api/instances/${id}`)).body;
    expect((await read(urgent.id)).escalationLevel).toBe(1);
    expect((await read(plain.id)).escalationLevel).toBe(0);
    expect((await read(offMenu.id)).escalationLevel).toBe(0);
    expect(server.errors).toEqual([]);
  });

  it("times later steps on the item's SLA too: a dispatched order's accept timer", async () => {
    // The first test moved the clock past the session's lifetime.
    resident = await signIn(server.baseUrl, 'resident1');
    const stationAdmin = await signIn(server.baseUrl, 'station.admin');
    const leader = await database.handle.db.selectFrom('users').select('id').where('username', '=', 'team.leader').executeTakeFirstOrThrow();
    const team = await database.handle.db.selectFrom('teams').select('id').where('leader_user_id', '=', leader.id).executeTakeFirstOrThrow();
    const dispatch = async (instance: Instance) => {
      const pending = await stationAdmin.post<Instance>(`/api/instances/${instance.id}/commands`, { event: 'accept_for_dispatch' }, { headers: { 'if-match': String(instance.version) } });
      expect(pending.status).toBe(200);
      const dispatched = await stationAdmin.post<Instance>(
        `/api/instances/${instance.id}/commands`,
        { event: 'dispatch', data: { mode: 'directed', teamId: team.id } },
        { headers: { 'if-match': String(pending.body.version) } },
      );
      expect(dispatched.status).toBe(200);
      expect(dispatched.body.state).toBe('dispatched');
      return dispatched.body;
    };
    const now = clock.nowMs;
    // emergency-response: accept PT1H; the workflow's default is PT24H.
    const urgent = await dispatch(await order({ serviceItem: 'emergency-response' }));
    const offMenu = await dispatch(await order({}));
    expect(dueOf(urgent, 'accept')).toBe(now + hour);
    expect(dueOf(offMenu, 'accept')).toBe(now + 24 * hour);
    expect(server.errors).toEqual([]);
  });
});
