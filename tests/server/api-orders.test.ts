import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type ApiClient } from './support/client';
import { DIALECTS, type TestDatabase } from './support/dialects';
import { startServer, type RunningServer } from './support/server';

interface Instance {
  id: string;
  state: string;
  version: number;
  final: boolean;
  vars: Record<string, unknown>;
  history: { event: string; from: string | null; to: string }[];
  availableActions: { event: string }[];
}

interface Problem {
  type: string;
  status: number;
  errors?: { pointer: string; code: string }[];
  rule?: string;
}

async function me(client: ApiClient) {
  return (await client.get<{ user: { id: string; roles: { role: string; orgUnitId: string }[] } }>('/api/auth/me')).body.user;
}

describe.each(DIALECTS)('five-order flow over HTTP on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let resident: ApiClient;
  let stationAdmin: ApiClient;
  let teamLeader: ApiClient;
  let stationId: string;
  let teamId: string;

  const command = (client: ApiClient, id: string, version: number, body: Record<string, unknown>, key?: string) =>
    client.post<Instance & Problem>(`/api/instances/${id}/commands`, body, { headers: { 'if-match': `"${version}"`, ...(key === undefined ? {} : { 'idempotency-key': key }) } });

  /** Everything a refused command must leave untouched. */
  async function snapshot(id: string) {
    const db = database.handle.db;
    const row = await db.selectFrom('workflow_instances').select(['version', 'state', 'snapshot']).where('id', '=', id).executeTakeFirstOrThrow();
    const count = async (table: 'history' | 'timers' | 'outbox' | 'tasks') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('instance_id', '=', id).executeTakeFirstOrThrow()).n);
    const audit = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { row, history: await count('history'), timers: await count('timers'), outbox: await count('outbox'), tasks: await count('tasks'), audit };
  }

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle);
    resident = await signIn(server.baseUrl, 'resident1');
    stationAdmin = await signIn(server.baseUrl, 'station.admin');
    teamLeader = await signIn(server.baseUrl, 'team.leader');
    stationId = (await me(resident)).roles[0]!.orgUnitId;
    const leaderId = (await me(teamLeader)).id;
    const teams = await stationAdmin.get<{ items: { id: string; leaderUserId: string | null }[] }>('/api/teams');
    teamId = teams.body.items.find((team) => team.leaderUserId === leaderId)!.id;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('runs 点单 → 受理 → 派单 → 接单 → 服务 → 完成 → 评单, refusing bad commands without changing anything', async () => {
    // 点单: an invalid order form is a 400 with pointers into the data, and starts nothing.
    const invalid = await resident.post<Problem>('/api/instances', { workflow: 'five-order', orgUnitId: stationId, data: { urgency: 'sometimes' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors!.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/data/description', '/data/urgency']));
    const started = await resident.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: stationId, data: { description: '家中老人行动不便，需要上门理发', beneficiaryPhone: '13800000000', urgency: 'normal' } });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ state: 'submitted', version: 1 });
    const id = started.body.id;

    const inbox = await stationAdmin.get<{ items: { instanceId: string; instanceVersion: number; orgUnitName: string | null; subject: string | null }[] }>('/api/tasks?mine=1');
    expect(inbox.body.items.map((task) => task.instanceId)).toContain(id);
    // The inbox says which order it is: its station and its description, never its personal fields.
    const stationName = (await stationAdmin.get<{ name: string }>(`/api/org-units/${stationId}`)).body.name;
    expect(inbox.body.items.find((task) => task.instanceId === id)).toMatchObject({ orgUnitName: stationName, subject: '家中老人行动不便，需要上门理发' });
    // So does the resident's list of orders.
    const mine = await resident.get<{ items: { id: string; subject: string | null }[] }>('/api/instances?workflow=five-order');
    expect(mine.body.items.find((order) => order.id === id)?.subject).toBe('家中老人行动不便，需要上门理发');
    const seen = await stationAdmin.get<Instance>(`/api/instances/${id}`);
    expect(seen.headers.get('etag')).toBe('"1"');
    expect(seen.body.availableActions.map((a) => a.event)).toEqual(expect.arrayContaining(['accept_for_dispatch', 'reject', 'escalate']));

    // A refused role: the resident may not triage their own order (403), and nothing changes.
    let before = await snapshot(id);
    const refused = await command(resident, id, 1, { event: 'accept_for_dispatch' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await snapshot(id)).toEqual(before);

    // 受理 by the station.
    const triaged = await command(stationAdmin, id, 1, { event: 'accept_for_dispatch', comment: '已受理' });
    expect(triaged.status).toBe(200);
    expect(triaged.body).toMatchObject({ state: 'pending_dispatch', version: 2 });

    // A stale If-Match: 412, unchanged. A missing one: 428.
    before = await snapshot(id);
    const stale = await command(stationAdmin, id, 1, { event: 'dispatch', data: { mode: 'directed', teamId } });
    expect(stale.status).toBe(412);
    expect((await stationAdmin.post(`/api/instances/${id}/commands`, { event: 'dispatch', data: { mode: 'directed', teamId } })).status).toBe(428);
    // An invalid dispatch form: 400 with the pointer of the missing team, unchanged.
    const noTeam = await command(stationAdmin, id, 2, { event: 'dispatch', data: { mode: 'directed' } });
    expect(noTeam.status).toBe(400);
    expect(noTeam.body.errors).toEqual([expect.objectContaining({ pointer: '/data/teamId', code: 'required' })]);
    // An event the state does not offer: 409.
    expect((await command(stationAdmin, id, 2, { event: 'rate', data: { stars: 5 } })).status).toBe(409);
    expect(await snapshot(id)).toEqual(before);

    // 派单 with an Idempotency-Key; the replay returns the first response and changes nothing.
    const dispatched = await command(stationAdmin, id, 2, { event: 'dispatch', data: { mode: 'directed', teamId } }, 'dispatch-key-0001');
    expect(dispatched.status).toBe(200);
    expect(dispatched.body).toMatchObject({ state: 'dispatched', version: 3 });
    before = await snapshot(id);
    const replay = await command(stationAdmin, id, 2, { event: 'dispatch', data: { mode: 'directed', teamId } }, 'dispatch-key-0001');
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(dispatched.text);
    expect(await snapshot(id)).toEqual(before);
    const reused = await command(stationAdmin, id, 3, { event: 'recall', data: { reason: '换一支队伍' } }, 'dispatch-key-0001');
    expect(reused.status).toBe(422);
    expect(await snapshot(id)).toEqual(before);

    // 接单 by the team leader, from their inbox.
    const leaderInbox = await teamLeader.get<{ items: { instanceId: string }[] }>('/api/tasks?mine=1');
    expect(leaderInbox.body.items.map((task) => task.instanceId)).toContain(id);
    const accepted = await command(teamLeader, id, 3, { event: 'accept' });
    expect(accepted.body).toMatchObject({ state: 'accepted', version: 4 });
    const inService = await command(teamLeader, id, 4, { event: 'start' });
    expect(inService.body.state).toBe('in_service');
    const badCompletion = await command(teamLeader, id, 5, { event: 'complete', data: { summary: '完成', serviceHours: 30, photos: [] } });
    expect(badCompletion.status).toBe(400);
    expect(badCompletion.body.errors!.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/data/serviceHours', '/data/photos']));
    const completed = await command(teamLeader, id, 5, { event: 'complete', data: { summary: '已上门理发两人', serviceHours: 1.5, volunteerCount: 2, photos: ['attachment-1'] } });
    expect(completed.body.state).toBe('awaiting_rating');

    // 评单 by the resident.
    expect((await command(stationAdmin, id, 6, { event: 'rate', data: { stars: 5 } })).status).toBe(403);
    const rated = await command(resident, id, 6, { event: 'rate', data: { stars: 5, comment: '很满意' } });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ state: 'closed', version: 7 });

    // 回访不满意 reopening is guarded: only a rating of two stars or less may reopen. 422 names the rule.
    before = await snapshot(id);
    const guarded = await command(stationAdmin, id, 7, { event: 'reopen', data: { reason: '回访不满意' } });
    expect(guarded.status).toBe(422);
    expect(guarded.body).toMatchObject({ type: '/problems/guard-false', rule: 'vars.rated && vars.stars <= 2' });
    expect(await snapshot(id)).toEqual(before);

    const final = await resident.get<Instance>(`/api/instances/${id}`);
    expect(final.body.history.map((entry) => entry.event)).toEqual(['@start', 'accept_for_dispatch', 'dispatch', 'accept', 'start', 'complete', 'rate']);
    const db = database.handle.db;
    expect(await db.selectFrom('outbox').select('kind').where('instance_id', '=', id).execute()).not.toHaveLength(0);
    const openTasks = await db.selectFrom('tasks').select('id').where('instance_id', '=', id).where('status', '=', 'open').execute();
    expect(openTasks).toHaveLength(0);
    const pendingTimers = await db.selectFrom('timers').select('name').where('instance_id', '=', id).where('fired_at', 'is', null).where('cancelled_at', 'is', null).execute();
    expect(pendingTimers.map((t) => t.name)).toEqual(['reopenWindow']);
  });

  it('lists instances by workflow, state, subtree and assignee=me with cursor pagination', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await resident.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: stationId, data: { description: `第 ${i} 个需求` } });
      ids.push(created.body.id);
    }
    const first = await stationAdmin.get<{ items: { id: string; state: string }[]; nextCursor: string | null }>('/api/instances?workflow=five-order&state=submitted&limit=2');
    expect(first.body.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    const second = await stationAdmin.get<{ items: { id: string }[]; nextCursor: string | null }>(`/api/instances?workflow=five-order&state=submitted&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((item) => item.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();
    const mine = await stationAdmin.get<{ items: { id: string }[] }>('/api/instances?assignee=me');
    expect(mine.body.items.map((item) => item.id)).toEqual(expect.arrayContaining(ids));
    const leaderMine = await teamLeader.get<{ items: { id: string }[] }>('/api/instances?assignee=me');
    expect(leaderMine.body.items.some((item) => ids.includes(item.id))).toBe(false);
    const subtree = await stationAdmin.get<{ items: { id: string }[] }>(`/api/instances?orgUnitId=${stationId}&limit=200`);
    expect(subtree.body.items.length).toBeGreaterThanOrEqual(4);
    expect((await stationAdmin.get('/api/instances?limit=0')).status).toBe(400);
    expect((await stationAdmin.get('/api/instances?assignee=you')).status).toBe(400);
  });
});

describe.each(DIALECTS)('pool dispatch (抢单) and bad requests on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle);
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('pools a dispatched order for every team leader; the first claim wins', async () => {
    const resident = await signIn(server.baseUrl, 'resident1');
    const stationAdmin = await signIn(server.baseUrl, 'station.admin');
    const leader = await signIn(server.baseUrl, 'team.leader');
    const station = (await me(resident)).roles[0]!.orgUnitId;
    const order = await resident.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: { description: '公园需要清扫', beneficiaryPhone: '13900001111' } });
    await stationAdmin.post(`/api/instances/${order.body.id}/commands`, { event: 'accept_for_dispatch' }, { headers: { 'if-match': '1' } });
    const pooled = await stationAdmin.post<Instance>(`/api/instances/${order.body.id}/commands`, { event: 'dispatch', data: { mode: 'pool' } }, { headers: { 'if-match': '2' } });
    expect(pooled.body.state).toBe('dispatched');
    const inbox = await leader.get<{ items: { id: string; instanceId: string; pool: { role: string } | null }[] }>('/api/tasks?mine=1');
    const task = inbox.body.items.find((item) => item.instanceId === order.body.id)!;
    expect(task.pool).toMatchObject({ role: 'teamLeader' });
    expect((await resident.post(`/api/tasks/${task.id}/claim`)).status).toBe(404);
    // Before claiming, a team leader sees the order but not the beneficiary's phone (x-personal).
    const browsing = await leader.get<Instance & { input: Record<string, unknown> }>(`/api/instances/${order.body.id}`);
    expect(browsing.body.input).toMatchObject({ description: '公园需要清扫', beneficiaryPhone: '***' });
    expect((await stationAdmin.get<{ input: Record<string, unknown> }>(`/api/instances/${order.body.id}`)).body.input.beneficiaryPhone).toBe('13900001111');
    const claimed = await leader.post<Instance>(`/api/tasks/${task.id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.availableActions.map((a) => a.event)).toContain('accept');
    expect((await leader.post(`/api/tasks/${task.id}/claim`)).status).toBe(409);
    const accepted = await leader.post<Instance>(`/api/instances/${order.body.id}/commands`, { event: 'accept' }, { headers: { 'if-match': String(claimed.body.version) } });
    expect(accepted.body.state).toBe('accepted');
    expect((await leader.get<{ input: Record<string, unknown> }>(`/api/instances/${order.body.id}`)).body.input.beneficiaryPhone).toBe('13900001111');
  });

  it('applies a command once when the same Idempotency-Key arrives twice at the same moment', async () => {
    const resident = await signIn(server.baseUrl, 'resident1');
    const stationAdmin = await signIn(server.baseUrl, 'station.admin');
    const station = (await me(resident)).roles[0]!.orgUnitId;
    const order = await resident.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: { description: '同时重复提交' } });
    const send = () => stationAdmin.post<Instance>(`/api/instances/${order.body.id}/commands`, { event: 'accept_for_dispatch' }, { headers: { 'if-match': '1', 'idempotency-key': 'same-moment-key' } });
    const responses = await Promise.all([send(), send(), send()]);
    for (const response of responses) expect([200, 409]).toContain(response.status);
    expect(responses.some((response) => response.status === 200)).toBe(true);
    const after = await stationAdmin.get<Instance>(`/api/instances/${order.body.id}`);
    expect(after.body.history.map((entry) => entry.event)).toEqual(['@start', 'accept_for_dispatch']);
    expect(after.body.version).toBe(2);
  });

  it('answers unknown instances, workflows and malformed commands with problems', async () => {
    const resident = await signIn(server.baseUrl, 'resident1');
    const station = (await me(resident)).roles[0]!.orgUnitId;
    expect((await resident.get('/api/instances/00000000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await resident.post('/api/instances', { workflow: 'no-such-flow', orgUnitId: station, data: {} })).status).toBe(404);
    expect((await resident.post('/api/instances', { workflow: 'five-order', orgUnitId: 'nowhere', data: {} })).status).toBe(404);
    const bad = await resident.post<Problem>('/api/instances/whatever/commands', { event: '', extra: true }, { headers: { 'if-match': '1' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/event']));
    expect((await resident.post('/api/instances/whatever/commands', { event: 'x' }, { headers: { 'if-match': 'seven' } })).status).toBe(400);
    expect((await resident.get('/api/tasks')).status).toBe(400);
    expect((await resident.post('/api/tasks/unknown/claim')).status).toBe(404);
  });
});
