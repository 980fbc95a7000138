/**
 * Star-volunteer levels (星级志愿者) by cumulative final service hours. Thresholds are per district (a row
 * in star_level_settings written by the district's admins); a district without a row uses the common
 * municipal rule 100/300/600/1000/1500 h. Only final records count: hours on notice may still change.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';

export const defaultThresholds: readonly number[] = [100, 300, 600, 1000, 1500];

export interface StarLevel {
  /** 0 (no star yet) … 5 (五星). */
  level: number;
  hours: number;
  /** Hours at which the next star is reached; null at 五星. */
  nextAt: number | null;
  /** Share of the way from this level's threshold to the next, 0…1 (1 at 五星). */
  progress: number;
}

/** Pure: the level for `hours` under `thresholds` (increasing). Reaching a threshold exactly earns it. */
export function starLevel(hours: number, thresholds: readonly number[] = defaultThresholds): StarLevel {
  const level = thresholds.filter((threshold) => hours >= threshold).length;
  const nextAt = thresholds[level] ?? null;
  if (nextAt === null) return { level, hours, nextAt, progress: 1 };
  const from = level === 0 ? 0 : thresholds[level - 1]!;
  return { level, hours, nextAt, progress: Math.min(1, Math.max(0, (hours - from) / (nextAt - from))) };
}

/** The district (root unit) above an org path `/root/…/`. */
export function districtOf(orgPath: string): string | null {
  return orgPath.split('/').find((id) => id.length > 0) ?? null;
}

export async function thresholdsFor(db: Kysely<Database>, districtId: string | null): Promise<{ thresholds: number[]; configured: boolean; version: number }> {
  if (districtId === null) return { thresholds: [...defaultThresholds], configured: false, version: 0 };
  const row = await db.selectFrom('star_level_settings').select(['thresholds', 'version']).where('district_unit_id', '=', districtId).executeTakeFirst();
  if (row === undefined) return { thresholds: [...defaultThresholds], configured: false, version: 0 };
  return { thresholds: JSON.parse(row.thresholds) as number[], configured: true, version: row.version };
}

/** Sum of a volunteer's final service hours, rounded to the hundredth the records carry. */
export async function finalHoursOf(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('service_records')
    .select((eb) => eb.fn.sum<number>('hours').as('total'))
    .where('volunteer_user_id', '=', userId)
    .where('status', '=', 'final')
    .executeTakeFirst();
  return Math.round(Number(row?.total ?? 0) * 100) / 100;
}
