/** Helpers shared by the needs and wish suites: who is where in the demo org, and extra people made over the API. */
import type { ApiClient } from '../support/client';
import { signIn } from '../support/client';

export interface Me {
  id: string;
  roles: { role: string; orgUnitId: string; teamId?: string | null }[];
}

export async function me(client: ApiClient): Promise<Me> {
  return (await client.get<{ user: Me }>('/api/auth/me')).body.user;
}

export interface Unit {
  id: string;
  parentId: string | null;
  level: string;
}

export async function units(admin: ApiClient): Promise<Unit[]> {
  return (await admin.get<{ items: Unit[] }>('/api/org-units')).body.items;
}

export interface Team {
  id: string;
  orgUnitId: string;
  leaderUserId: string | null;
}

export async function teams(admin: ApiClient): Promise<Team[]> {
  return (await admin.get<{ items: Team[] }>('/api/teams')).body.items;
}

let serial = 0;

/** A new person with `role` at `orgUnitId` (and a team, for team roles), signed in. Made by the district admin over the API. */
export async function newPerson(baseUrl: string, districtAdmin: ApiClient, role: string, orgUnitId: string, teamId?: string): Promise<{ client: ApiClient; id: string }> {
  serial += 1;
  const username = `needs.${role.toLowerCase()}.${serial}.${Math.random().toString(36).slice(2, 7)}`;
  // The demo password, so the suite signs them in like the demo users.
  const password = 'shijian-demo';
  const first = teamId === undefined ? role : 'volunteer';
  const created = await districtAdmin.post<{ id: string }>('/api/users', { username, displayName: `测试 ${serial}`, password, role: first, orgUnitId });
  if (created.status !== 201) throw new Error(`user not created: ${created.text}`);
  if (teamId !== undefined) {
    const granted = await districtAdmin.post('/api/role-assignments', { userId: created.body.id, role, orgUnitId, teamId });
    if (granted.status !== 201) throw new Error(`role not granted: ${granted.text}`);
  }
  return { client: await signIn(baseUrl, username), id: created.body.id };
}
