import { knownRoles, type KnownRole } from '../../runtime/workflow/roles';

/** The role ids everybody codes against (DOMAIN.md §4) are the runtime's; here is what each may see and grant. */
export const roles = knownRoles;
export type Role = KnownRole;

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/**
 * Roles whose scope is the subtree of their org unit. The others (team leaders, volunteers, residents,
 * store operators, the public) see only what they take part in: their own orders and tasks.
 */
export const subtreeRoles: ReadonlySet<Role> = new Set(['districtAdmin', 'districtLeader', 'assessor', 'instituteAdmin', 'stationAdmin', 'proxyOrderer']);

/** Roles that administer their subtree: org units, users and role grants. */
export const adminRoles: ReadonlySet<Role> = new Set(['districtAdmin', 'instituteAdmin', 'stationAdmin']);

/**
 * Rank for "no privilege escalation": an admin may grant a role only if its rank is at most their own
 * admin role's rank, and only inside their subtree.
 */
export const roleRank: Record<Role, number> = {
  districtAdmin: 100,
  districtLeader: 90,
  assessor: 80,
  instituteAdmin: 60,
  stationAdmin: 40,
  proxyOrderer: 30,
  teamLeader: 30,
  storeOperator: 20,
  volunteer: 10,
  resident: 10,
  public: 0,
};

/** Definitions (menus, forms, flows, rubrics) are edited and published by district staff only. */
export const definitionEditorRoles: ReadonlySet<Role> = new Set(['districtAdmin']);
