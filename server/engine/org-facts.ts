import type { Kysely } from 'kysely';
import type { OrgLevel } from '../../runtime/schema/station-type';
import type { OrgFacts } from '../../runtime/workflow/types';
import type { Database } from '../db/types';
import { problems } from '../errors';

/**
 * The engine's org lookups are synchronous, so the facts are loaded before it runs: the unit's ancestors,
 * every role holder at them, and the leaders of every team those units own or the data names (a dispatch
 * to a team of another institute after escalation to the center).
 */
export async function loadOrgFacts(db: Kysely<Database>, unitId: string, mentioned: readonly string[]): Promise<{ facts: OrgFacts; path: string }> {
  const unit = await db.selectFrom('org_units').select(['id', 'path']).where('id', '=', unitId).executeTakeFirst();
  if (unit === undefined) throw problems.notFound('org unit');
  const ancestorIds = unit.path.split('/').filter((id) => id.length > 0).reverse();
  const units = await db.selectFrom('org_units').select(['id', 'level']).where('id', 'in', ancestorIds).execute();
  const levels = new Map(units.map((row) => [row.id, row.level]));
  const ids = [...new Set([...ancestorIds, ...mentioned])];
  const holders = await db
    .selectFrom('role_memberships')
    .select(['user_id', 'role', 'org_unit_id', 'team_id'])
    .where((eb) => eb.or([eb('org_unit_id', 'in', ancestorIds), eb('team_id', 'in', ids)]))
    .execute();
  const byPlace = new Map<string, string[]>();
  const add = (role: string, place: string, userId: string) => {
    const key = `${role}@${place}`;
    const list = byPlace.get(key) ?? [];
    if (!list.includes(userId)) list.push(userId);
    byPlace.set(key, list);
  };
  for (const row of holders) {
    if (row.team_id !== null) add(row.role, row.team_id, row.user_id);
    if (row.role !== 'teamLeader' || row.team_id === null) add(row.role, row.org_unit_id, row.user_id);
  }
  const facts: OrgFacts = {
    ancestors: ancestorIds.map((id) => ({ id, level: (levels.get(id) ?? 'station') as OrgLevel })),
    holders: (role, place) => byPlace.get(`${role}@${place}`) ?? [],
  };
  return { facts, path: unit.path };
}

/** Strings in a JSON value that look like our ids (UUID shape): candidate team or unit references. */
export function mentionedIds(...values: unknown[]): string[] {
  const found = new Set<string>();
  for (const value of values) visitIds(value, 0, found);
  return [...found].slice(0, 200);
}

const idShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Walks every string of a command's data and the instance's data and variables on each command, so the
// regular expression runs only on strings of an id's length, and the walk is not a closure per call.
function visitIds(value: unknown, depth: number, found: Set<string>): void {
  if (depth > 6) return;
  if (typeof value === 'string') {
    if (value.length === 36 && idShape.test(value)) found.add(value);
  } else if (Array.isArray(value)) for (const item of value) visitIds(item, depth + 1, found);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) visitIds(item, depth + 1, found);
}
