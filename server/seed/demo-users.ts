import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/passwords';
import type { Role } from '../auth/roles';
import type { Database } from '../db/types';
import { newId } from '../util/ids';
import type { DemoOrg } from './demo-org';

export const demoPassword = 'shijian-demo';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** Where the role is held, described for the README. */
  where: string;
}

/** One demo user per role (and a second station and institute admin, for "other unit" checks). */
export const demoUsers: readonly DemoUser[] = [
  { username: 'district.admin', displayName: '区文明办 管理员', role: 'districtAdmin', where: 'center' },
  { username: 'district.leader', displayName: '中心 主任', role: 'districtLeader', where: 'center' },
  { username: 'assessor1', displayName: '考评组 成员一', role: 'assessor', where: 'center' },
  { username: 'assessor2', displayName: '考评组 成员二', role: 'assessor', where: 'center' },
  { username: 'institute.admin', displayName: '所管理员（黄羊镇）', role: 'instituteAdmin', where: 'institute 1' },
  { username: 'station.admin', displayName: '站管理员（红星村）', role: 'stationAdmin', where: 'institute 1, station 1' },
  { username: 'proxy.orderer', displayName: '帮办员（红星村）', role: 'proxyOrderer', where: 'institute 1, station 1' },
  { username: 'team.leader', displayName: '志愿服务队 队长', role: 'teamLeader', where: 'institute 1, its first team' },
  { username: 'volunteer1', displayName: '志愿者 一', role: 'volunteer', where: 'institute 1, station 1, member of the first team' },
  { username: 'resident1', displayName: '群众 一', role: 'resident', where: 'institute 1, station 1 (lives there)' },
  { username: 'store.operator', displayName: '爱心超市 管理员', role: 'storeOperator', where: 'institute 1, station 1' },
  { username: 'station.admin2', displayName: '站管理员（光明村）', role: 'stationAdmin', where: 'institute 1, station 2' },
  { username: 'institute.admin2', displayName: '所管理员（武南镇）', role: 'instituteAdmin', where: 'institute 2' },
];

export async function seedDemoUsers(db: Kysely<Database>, org: DemoOrg, at: string): Promise<Map<string, string>> {
  const first = org.institutes[0]!;
  const second = org.institutes[1]!;
  const station1 = first.stations[0]!;
  const firstTeam = first.teams[0]!;
  const place: Record<string, { orgUnitId: string; teamId: string | null }> = {
    center: { orgUnitId: org.centerId, teamId: null },
    'institute 1': { orgUnitId: first.id, teamId: null },
    'institute 1, station 1': { orgUnitId: station1.id, teamId: null },
    'institute 1, its first team': { orgUnitId: first.id, teamId: firstTeam.id },
    'institute 1, station 1, member of the first team': { orgUnitId: station1.id, teamId: firstTeam.id },
    'institute 1, station 1 (lives there)': { orgUnitId: station1.id, teamId: null },
    'institute 1, station 2': { orgUnitId: first.stations[1]!.id, teamId: null },
    'institute 2': { orgUnitId: second.id, teamId: null },
  };
  const ids = new Map<string, string>();
  const hashes = await Promise.all(demoUsers.map(() => hashPassword(demoPassword)));
  for (const [index, user] of demoUsers.entries()) {
    const id = newId();
    const { orgUnitId, teamId } = place[user.where]!;
    const residence = user.role === 'resident' || user.role === 'volunteer' ? orgUnitId : null;
    await db.insertInto('users').values({ id, username: user.username, display_name: user.displayName, password_hash: hashes[index]!, residence_org_unit_id: residence, active: 1, version: 1, created_at: at }).execute();
    await db.insertInto('role_memberships').values({ id: newId(), user_id: id, role: user.role, org_unit_id: orgUnitId, team_id: teamId, created_at: at }).execute();
    if (teamId !== null) await db.insertInto('team_members').values({ team_id: teamId, user_id: id }).execute();
    if (user.role === 'teamLeader' && teamId !== null) await db.updateTable('teams').set({ leader_user_id: id }).where('id', '=', teamId).execute();
    ids.set(user.username, id);
  }
  return ids;
}
