/**
 * Who may do what at a love store (爱心超市). The store operator of the store's own unit runs the
 * counter and the catalog; admins whose subtree holds the unit (station, institute, district) may do the
 * same. Everyone signed in may browse the stores of their own district.
 */
import type { Actor } from '../auth/actor';
import { adminRoles } from '../auth/roles';
import { OrgScope } from '../db/scope';
import { districtOf } from './star-levels';

export function mayOperate(actor: Actor, unit: { orgUnitId: string; orgPath: string }): boolean {
  if (new OrgScope(actor).coversFor(unit.orgPath, adminRoles)) return true;
  return actor.memberships.some((m) => m.role === 'storeOperator' && m.orgUnitId === unit.orgUnitId);
}

/** Districts (root units) the actor belongs to; stores there are listed to them. */
export function districtsOf(actor: Actor): string[] | 'all' {
  if (actor.system) return 'all';
  return [...new Set(actor.memberships.flatMap((m) => districtOf(m.orgPath) ?? []))];
}

/** The actor's own district: where their star-level thresholds come from. */
export function homeDistrict(actor: Actor): string | null {
  const first = actor.memberships[0];
  return first === undefined ? null : districtOf(first.orgPath);
}
