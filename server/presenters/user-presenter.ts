import type { Actor } from '../auth/actor';

export function presentSessionUser(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.memberships.map((m) => ({ role: m.role, orgUnitId: m.orgUnitId, orgUnitName: m.orgUnitName })),
  };
}
