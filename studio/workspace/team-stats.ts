import type { Instance } from './workspace-api';

export interface TeamStats {
  /** Orders the team holds now (dispatched to it, accepted or in service). */
  load: number;
  /** Mean stars of its rated orders, or null when none was rated. */
  rating: number | null;
  rated: number;
}

const HELD = new Set(['dispatched', 'accepted', 'in_service']);

/** Load and rating per team id from five-order instances (their dispatch data and rating variables). */
export function teamStats(instances: readonly Pick<Instance, 'state' | 'data' | 'vars'>[]): Map<string, TeamStats> {
  const stats = new Map<string, { load: number; sum: number; rated: number }>();
  for (const instance of instances) {
    const dispatch = instance.data.dispatch as { teamId?: unknown } | undefined;
    const teamId = typeof dispatch?.teamId === 'string' ? dispatch.teamId : undefined;
    if (!teamId) continue;
    const entry = stats.get(teamId) ?? { load: 0, sum: 0, rated: 0 };
    if (HELD.has(instance.state)) entry.load += 1;
    if (instance.vars.rated === true && typeof instance.vars.stars === 'number') {
      entry.sum += instance.vars.stars;
      entry.rated += 1;
    }
    stats.set(teamId, entry);
  }
  return new Map([...stats].map(([id, s]) => [id, { load: s.load, rated: s.rated, rating: s.rated ? Math.round((s.sum / s.rated) * 10) / 10 : null }]));
}
