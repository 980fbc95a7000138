/**
 * The points ledger: append-only, one row per credit, redemption, reversal or correction, each with a
 * unique `reference`, so retrying the same operation never books twice (the insert is skipped and the
 * existing entry returned). A balance is the sum of a user's entries.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/types';
import type { PointsLedgerTable } from '../db/types-assessments';
import { newId } from '../util/ids';

export type LedgerEntry = Selectable<PointsLedgerTable>;

/** Points per credited hour: 10 by default (a common municipal rule), SHIJIAN_POINTS_PER_HOUR to change. */
export function pointsPerHour(): number {
  const configured = Number(process.env.SHIJIAN_POINTS_PER_HOUR);
  return Number.isFinite(configured) && configured > 0 ? configured : 10;
}

export function pointsForHours(hours: number): number {
  return Math.round(hours * pointsPerHour());
}

export async function balanceOf(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db.selectFrom('points_ledger').select((eb) => eb.fn.sum<number>('points').as('total')).where('user_id', '=', userId).executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** Books an entry unless one with the same reference exists; returns the entry and whether it is new. */
export async function book(db: Kysely<Database>, entry: Omit<LedgerEntry, 'id'>): Promise<{ entry: LedgerEntry; created: boolean }> {
  // The id is always new, even when the caller spreads an existing entry (a reversal copies its original).
  const row: LedgerEntry = { ...entry, id: newId() };
  const inserted = await db.insertInto('points_ledger').values(row).onConflict((conflict) => conflict.column('reference').doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return { entry: row, created: true };
  const existing = await db.selectFrom('points_ledger').selectAll().where('reference', '=', entry.reference).executeTakeFirstOrThrow();
  return { entry: existing, created: false };
}
