import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type ApiClient } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { startServer, type RunningServer } from '../support/server';
import { me, newPerson, teams, units, type Team } from '../needs/support';

interface Problem {
  type: string;
  status: number;
  errors?: { pointer: string; code: string }[];
}
interface Wish {
  id: string;
  status: string;
  orderState: string;
  orderVersion: number;
  instanceId: string;
  claimedTeamId: string | null;
  photos: string[];
}
interface Instance {
  id: string;
  state: string;
  version: number;
  vars: Record<string, unknown>;
  history: { event: string; actor: string }[];
}

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 9, 9, 9]);

describe.each(DIALECTS)('wish wall (心愿墙) on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let district: ApiClient;
  let resident: ApiClient;
  let stationAdmin: ApiClient;
  let leaderA: ApiClient;
  let leaderB: { client: ApiClient; id: string };
  let outsiderLeader: ApiClient;
  let teamA: Team;
  let teamB: Team;
  let outsideTeam: Team;
  let leaderAId: string;

  async function counts(wishId?: string) {
    const db = database.handle.db;
    const audit = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const wish = wishId === undefined ? null : await db.selectFrom('wishes').selectAll().where('id', '=', wishId).executeTakeFirstOrThrow();
    const order = wish === null ? null : await db.selectFrom('workflow_instances').select(['state', 'version', 'snapshot']).where('id', '=', wish.instance_id).executeTakeFirstOrThrow();
    return { audit, wish, order };
  }

  const post = (client: ApiClient, text: string, photos: string[] = []) => client.post<Wish & Problem>('/api/wishes', { text, photos });
  const wall = async (client: ApiClient) => (await client.get<{ items: Wish[] }>('/api/wishes')).body.items.map((wish) => wish.id);
  const command = async (client: ApiClient, id: string, event: string, data?: Record<string, unknown>) => {
    const current = await client.get<Instance>(`/api/instances/${id}`);
    return client.post<Instance & Problem>(`/api/instances/${id}/commands`, { event, ...(data === undefined ? {} : { data }) }, { headers: { 'if-match': `"${current.body.version}"` } });
  };

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle);
    district = await signIn(server.baseUrl, 'district.admin');
    resident = await signIn(server.baseUrl, 'resident1');
    stationAdmin = await signIn(server.baseUrl, 'station.admin');
    leaderA = await signIn(server.baseUrl, 'team.leader');
    const leader = await me(leaderA);
    leaderAId = leader.id;
    const all = await teams(district);
    teamA = all.find((team) => team.leaderUserId === leaderAId)!;
    // A second team of the same institute, with a leader of its own: the other claimer in the race.
    teamB = all.find((team) => team.orgUnitId === teamA.orgUnitId && team.id !== teamA.id)!;
    leaderB = await newPerson(server.baseUrl, district, 'teamLeader', teamB.orgUnitId, teamB.id);
    // A team of the other institute: outside the wish's area.
    const institute2 = (await me(await signIn(server.baseUrl, 'institute.admin2'))).roles[0]!.orgUnitId;
    expect((await units(district)).some((unit) => unit.id === institute2)).toBe(true);
    outsideTeam = all.find((team) => team.orgUnitId === institute2)!;
    outsiderLeader = (await newPerson(server.baseUrl, district, 'teamLeader', outsideTeam.orgUnitId, outsideTeam.id)).client;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('posts a wish with a photo, lets one of two racing teams claim it, and runs it to a rating', async () => {
    const photo = await resident.post<{ id: string }>('/api/attachments?fileName=wish.png', undefined, { raw: png, headers: { 'content-type': 'image/png' } });
    expect(photo.status).toBe(201);
    // Someone else's attachment id is refused with a pointer at the photo.
    const foreign = await stationAdmin.post<{ id: string }>('/api/attachments', undefined, { raw: png, headers: { 'content-type': 'image/png' } });
    const stolen = await post(resident, '想给孩子借几本课外书', [photo.body.id, foreign.body.id]);
    expect(stolen.status).toBe(400);
    expect(stolen.body.errors).toEqual([expect.objectContaining({ pointer: '/photos/1', code: 'unknown-attachment' })]);
    expect((await resident.post<Problem>('/api/wishes', { text: '' })).status).toBe(400);

    const posted = await post(resident, '家里的旧电视坏了，想请人帮忙看看', [photo.body.id]);
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ status: 'open', orderState: 'submitted', photos: [photo.body.id] });
    const wishId = posted.body.id;

    // Visible to the teams of the station's institute and to the station; not to a team of another institute.
    expect(await wall(leaderA)).toContain(wishId);
    expect(await wall(leaderB.client)).toContain(wishId);
    expect(await wall(stationAdmin)).toContain(wishId);
    expect(await wall(resident)).toContain(wishId);
    expect(await wall(outsiderLeader)).not.toContain(wishId);

    // A team outside the area may not claim it, nor may a leader claim for a team they do not lead: 403, nothing changed.
    const before = await counts(wishId);
    expect((await outsiderLeader.post<Problem>(`/api/wishes/${wishId}/claim`, { teamId: outsideTeam.id })).status).toBe(403);
    expect((await outsiderLeader.post<Problem>(`/api/wishes/${wishId}/claim`, { teamId: teamA.id })).status).toBe(403);
    expect((await resident.post<Problem>(`/api/wishes/${wishId}/claim`, { teamId: teamA.id })).status).toBe(403);
    expect(await counts(wishId)).toEqual(before);

    // Two teams claim at once (one leader double-taps): exactly one 200, the others 409.
    const results = await Promise.all([
      leaderA.post<Wish & Problem>(`/api/wishes/${wishId}/claim`, { teamId: teamA.id }),
      leaderB.client.post<Wish & Problem>(`/api/wishes/${wishId}/claim`, { teamId: teamB.id }),
      leaderB.client.post<Wish & Problem>(`/api/wishes/${wishId}/claim`, { teamId: teamB.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const winnerIndex = results.findIndex((r) => r.status === 200);
    const winner = winnerIndex === 0 ? leaderA : leaderB.client;
    const winningTeam = winnerIndex === 0 ? teamA : teamB;
    expect(results[winnerIndex]!.body).toMatchObject({ status: 'claimed', claimedTeamId: winningTeam.id, orderState: 'accepted' });
    for (const loser of results.filter((r) => r.status === 409)) expect(loser.headers.get('content-type')).toContain('application/problem+json');
    // The order was taken up once.
    expect((await database.handle.db.selectFrom('history').select('seq').where('instance_id', '=', posted.body.instanceId).where('event', '=', 'take_wish').execute()).length).toBe(1);
    // A late claim changes nothing either.
    const settled = await counts(wishId);
    expect((await leaderA.post<Problem>(`/api/wishes/${wishId}/claim`, { teamId: teamA.id })).status).toBe(409);
    expect(await counts(wishId)).toEqual(settled);
    expect(await wall(outsiderLeader)).not.toContain(wishId);

    // The order runs on through the five-order flow: the claiming leader serves, the resident rates.
    const orderId = posted.body.instanceId;
    const order = await winner.get<Instance>(`/api/instances/${orderId}`);
    expect(order.body.state).toBe('accepted');
    expect(order.body.history.map((h) => h.event)).toEqual(['@start', 'take_wish']);
    expect((await command(winner, orderId, 'start')).body.state).toBe('in_service');
    expect((await command(winner, orderId, 'complete', { summary: '上门修好了电视', serviceHours: 1, volunteerCount: 1, photos: [photo.body.id] })).body.state).toBe('awaiting_rating');
    const rated = await command(resident, orderId, 'rate', { stars: 5, comment: '谢谢志愿者' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ state: 'closed', vars: expect.objectContaining({ rated: true, stars: 5 }) });
  });

  it('lets the station assign a wish to a team of its area, after which claims are refused', async () => {
    const posted = await post(resident, '想请人陪老人去镇上体检');
    const wishId = posted.body.id;
    // A team of another institute cannot be assigned; a team without a leader neither (pointer at teamId).
    const outside = await stationAdmin.post<Problem>(`/api/wishes/${wishId}/assign`, { teamId: outsideTeam.id });
    expect(outside.status).toBe(400);
    expect(outside.body.errors![0]).toMatchObject({ pointer: '/teamId', code: 'team-outside-area' });
    // Only the wish's station (or above) assigns.
    expect((await leaderA.post<Problem>(`/api/wishes/${wishId}/assign`, { teamId: teamA.id })).status).toBe(403);

    const assigned = await stationAdmin.post<Wish>(`/api/wishes/${wishId}/assign`, { teamId: teamA.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', claimedTeamId: teamA.id, orderState: 'accepted' });
    expect((await leaderB.client.post<Problem>(`/api/wishes/${wishId}/claim`, { teamId: teamB.id })).status).toBe(409);
    // The team's leader has the order in their inbox.
    const inbox = await leaderA.get<{ items: { instanceId: string }[] }>('/api/tasks?mine=1');
    expect(inbox.body.items.map((task) => task.instanceId)).toContain(assigned.body.instanceId);

    // A wish the station already triaged the ordinary way is no longer on offer: a claim is a 409.
    const triaged = await post(resident, '希望有人教我用智能手机');
    expect((await command(stationAdmin, triaged.body.instanceId, 'accept_for_dispatch')).body.state).toBe('pending_dispatch');
    const before = await counts(triaged.body.id);
    expect((await leaderA.post<Problem>(`/api/wishes/${triaged.body.id}/claim`, { teamId: teamA.id })).status).toBe(409);
    expect(await counts(triaged.body.id)).toEqual(before);
  });
});
