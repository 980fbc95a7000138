import { ApiClient, signIn } from '../../server/support/client';

export interface Ack {
  id: string;
  version: number;
  state: string;
}

/** Order lifecycle the load drives: each step is one command, by the role that may send it. */
export const fiveOrderSteps: { event: string; by: 'stationAdmin' | 'teamLeader' | 'resident'; data?: (teamId: string) => Record<string, unknown> }[] = [
  { event: 'accept_for_dispatch', by: 'stationAdmin' },
  { event: 'dispatch', by: 'stationAdmin', data: (teamId) => ({ mode: 'directed', teamId }) },
  { event: 'accept', by: 'teamLeader' },
  { event: 'start', by: 'teamLeader' },
  { event: 'complete', by: 'teamLeader', data: () => ({ summary: '已完成服务', serviceHours: 1, volunteerCount: 1, photos: ['p'] }) },
  { event: 'rate', by: 'resident', data: () => ({ stars: 5 }) },
];

export interface Actors {
  stationAdmin: ApiClient;
  teamLeader: ApiClient;
  resident: ApiClient;
  station: string;
  teamId: string;
}

export async function signInActors(baseUrl: string): Promise<Actors> {
  const resident = await signIn(baseUrl, 'resident1');
  const stationAdmin = await signIn(baseUrl, 'station.admin');
  const teamLeader = await signIn(baseUrl, 'team.leader');
  const station = (await resident.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
  const leaderId = (await teamLeader.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
  const teams = await stationAdmin.get<{ items: { id: string; leaderUserId: string | null }[] }>('/api/teams');
  const teamId = teams.body.items.find((team) => team.leaderUserId === leaderId)!.id;
  return { stationAdmin, teamLeader, resident, station, teamId };
}

/** Moves every client to another server (same database): the session cookies stay valid there. */
export function rebase(actors: Actors, baseUrl: string): Actors {
  const move = (client: ApiClient) => Object.assign(Object.create(Object.getPrototypeOf(client) as object) as ApiClient, client, { baseUrl });
  return { ...actors, stationAdmin: move(actors.stationAdmin), teamLeader: move(actors.teamLeader), resident: move(actors.resident) };
}
