import type { Insertable, Kysely } from 'kysely';
import { insertMany } from '../db/bulk';
import type { Database, OrgUnitTable, RoomTable, TeamTable, UserTable } from '../db/types';
import { newId } from '../util/ids';
import { givenNames, liangzhouTowns, surnames, villageNames } from './place-names';

export type DemoSize = 'default' | 'district';

export interface DemoOrg {
  centerId: string;
  institutes: { id: string; path: string; stations: { id: string; path: string }[]; teams: { id: string; teamType: string }[] }[];
}

const sizes: Record<DemoSize, { institutes: number; stationsPerInstitute: (index: number) => number; volunteersPerTeam: number }> = {
  // 12 institutes × 6 stations = 72 stations (issue: ≥ 10 institutes, ≥ 60 stations).
  default: { institutes: 12, stationsPerInstitute: () => 6, volunteersPerTeam: 5 },
  // 45 institutes, 550 stations (DOMAIN.md §9.1): ten institutes get 13 villages, the rest 12.
  district: { institutes: 45, stationsPerInstitute: (index) => (index < 10 ? 13 : 12), volunteersPerTeam: 8 },
};

export interface PackFacts {
  stationRooms: string[];
  instituteRooms: string[];
  /** Each team type's key and the name its teams carry after the town's (文明风尚志愿服务队). */
  teamTypes: { key: string; title: string }[];
}

/**
 * The org tree of Liangzhou: one center, institutes named after the real towns and streets, stations
 * with their required rooms and one service point each, seven volunteer teams per institute (one per
 * team type) with members. Deterministic names; ids are fresh.
 */
export async function seedDemoOrg(db: Kysely<Database>, size: DemoSize, facts: PackFacts, at: string): Promise<DemoOrg> {
  const spec = sizes[size];
  const units: Insertable<OrgUnitTable>[] = [];
  const rooms: Insertable<RoomTable>[] = [];
  const teams: Insertable<TeamTable>[] = [];
  const users: Insertable<UserTable>[] = [];
  const members: { team_id: string; user_id: string }[] = [];
  const memberships: Insertable<Database['role_memberships']>[] = [];

  const unit = (parent: { id: string; path: string } | null, level: string, stationType: string | null, name: string, nameEn: string, code: string) => {
    const id = newId();
    const path = `${parent?.path ?? '/'}${id}/`;
    units.push({ id, parent_id: parent?.id ?? null, path, level, station_type: stationType, name, name_en: nameEn, admin_division_code: code, active: 1, version: 1, created_at: at, updated_at: at });
    return { id, path };
  };
  const addRooms = (orgUnitId: string, types: string[], capacity: number) => {
    for (const roomType of types) rooms.push({ id: newId(), org_unit_id: orgUnitId, room_type: roomType, name: roomType, capacity, version: 1 });
  };

  const center = unit(null, 'center', 'district-center', '凉州区新时代文明实践中心', 'Liangzhou District Practice Center', '620602000000');
  addRooms(center.id, facts.instituteRooms, 120);
  const org: DemoOrg = { centerId: center.id, institutes: [] };
  let person = 0;
  for (let i = 0; i < spec.institutes; i++) {
    const town = liangzhouTowns[i % liangzhouTowns.length]!;
    const code = `620602${String(100 + i).padStart(3, '0')}000`;
    const institute = unit(center, 'institute', 'institute', `${town}新时代文明实践所`, `${town} Practice Institute`, code);
    addRooms(institute.id, facts.instituteRooms, 60);
    const entry: DemoOrg['institutes'][number] = { ...institute, stations: [], teams: [] };
    const stationCount = spec.stationsPerInstitute(i);
    for (let s = 0; s < stationCount; s++) {
      const village = villageNames[s % villageNames.length]!;
      const station = unit(institute, 'station', 'station', `${town}${village}新时代文明实践站`, `${village} Practice Station, ${town}`, `${code.slice(0, 9)}${String(200 + s).padStart(3, '0')}`);
      addRooms(station.id, facts.stationRooms, 30);
      unit(station, 'servicePoint', 'service-point', `${village}志愿服务站`, `${village} volunteer service point`, `${code.slice(0, 9)}${String(200 + s).padStart(3, '0')}`);
      entry.stations.push(station);
    }
    for (const { key: teamType, title } of facts.teamTypes) {
      const teamId = newId();
      teams.push({ id: teamId, org_unit_id: institute.id, org_path: institute.path, team_type: teamType, name: `${town}${title}`, leader_user_id: null, version: 1, created_at: at });
      entry.teams.push({ id: teamId, teamType });
      for (let v = 0; v < spec.volunteersPerTeam; v++) {
        const userId = newId();
        const name = surnames[person % surnames.length]! + givenNames[(person * 7) % givenNames.length]!;
        const home = entry.stations[v % entry.stations.length]!;
        users.push({ id: userId, username: `v${String(person).padStart(6, '0')}`, display_name: name, password_hash: null, residence_org_unit_id: home.id, active: 1, version: 1, created_at: at });
        members.push({ team_id: teamId, user_id: userId });
        memberships.push({ id: newId(), user_id: userId, role: 'volunteer', org_unit_id: home.id, team_id: teamId, created_at: at });
        person++;
      }
    }
    org.institutes.push(entry);
  }
  await insertMany(db, 'org_units', units);
  await insertMany(db, 'rooms', rooms);
  await insertMany(db, 'users', users);
  await insertMany(db, 'teams', teams);
  await insertMany(db, 'team_members', members);
  await insertMany(db, 'role_memberships', memberships);
  return org;
}
