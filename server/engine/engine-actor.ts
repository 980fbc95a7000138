import type { Actor } from '../auth/actor';
import type { EngineActor } from './port';

/** The engine's view of an actor: a team leader's role is held at the team, every other role at its unit. */
export function toEngineActor(actor: Actor): EngineActor {
  if (actor.system) return { id: 'system', roles: [] };
  return {
    id: actor.userId,
    roles: actor.memberships.map((m) => ({ role: m.role, unitId: m.role === 'teamLeader' && m.teamId !== null ? m.teamId : m.orgUnitId })),
  };
}
