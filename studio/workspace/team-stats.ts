/**
 * Teams with their load and record as the server counts them (GET /api/teams?stats=1), and the order a
 * dispatcher sees them in.
 */
import { api, type Client } from '../api/client';
import type { Team } from './workspace-api';

export interface TeamStats {
  /** Orders dispatched to the team, accepted or in service now. */
  openOrders: number;
  completed30d: number;
  /** Mean stars of its rated orders, null when none was rated. */
  averageRating: number | null;
  ratedOrders: number;
  /** 0–1: accept and arrival steps closed in time over the last 30 days; null when there were none. */
  onTimeRate: number | null;
}

export interface TeamWithStats extends Team {
  stats: TeamStats;
}

/** More open orders than this and a team shows as busy. */
export const BUSY_ABOVE = 2;

export function teamsWithStats(client: Client = api, unit?: string, signal?: AbortSignal) {
  return client.get<{ items: TeamWithStats[] }>('/api/teams', { query: { stats: '1', ...(unit ? { unit } : {}) }, ...(signal ? { signal } : {}) });
}

/**
 * Least busy first; among equally busy teams the better rated, then the more punctual (a team without
 * a record yet sorts after those with one), then by name so the list does not jump between loads.
 */
export function rankForDispatch<T extends Pick<TeamWithStats, 'name' | 'stats'>>(teams: readonly T[]): T[] {
  const known = (value: number | null) => (value === null ? -1 : value);
  return [...teams].sort(
    (a, b) =>
      a.stats.openOrders - b.stats.openOrders ||
      known(b.stats.averageRating) - known(a.stats.averageRating) ||
      known(b.stats.onTimeRate) - known(a.stats.onTimeRate) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
}

/** 0.8 → 80. */
export function percent(rate: number): number {
  return Math.round(rate * 100);
}
