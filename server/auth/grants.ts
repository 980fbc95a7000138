import type { Actor } from './actor';
import { adminRoles, roleRank, type Role } from './roles';

/**
 * No privilege escalation: a role may be granted at a unit only by someone holding an admin role at that
 * unit or above it, and only a role ranked at most as high as that admin role.
 */
export function mayGrant(actor: Actor, role: Role, unitPath: string): boolean {
  return actor.memberships.some((m) => adminRoles.has(m.role) && unitPath.startsWith(m.orgPath) && roleRank[role] <= roleRank[m.role]);
}
