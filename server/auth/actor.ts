import type { Role } from './roles';

export interface Membership {
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
  orgPath: string;
  level: string;
  teamId: string | null;
}

/** Who is acting: a signed-in person, or the server itself (timers). */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  memberships: Membership[];
  system: boolean;
}

export const systemActor: Actor = { userId: 'system', username: 'system', displayName: '系统 System', memberships: [], system: true };

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.memberships.some((membership) => membership.role === role);
}

export function teamIds(actor: Actor): string[] {
  return [...new Set(actor.memberships.flatMap((membership) => (membership.teamId === null ? [] : [membership.teamId])))];
}
