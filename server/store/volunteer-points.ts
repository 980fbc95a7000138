/**
 * What a volunteer sees on their phone: the balance (the ledger's sum), cumulative final hours with the
 * star level they earn, their counter code, and the ledger history with the store items named.
 */
import type { Actor } from '../auth/actor';
import type { DatabaseHandle } from '../db/dialects/dialect';
import { balanceOf } from '../records/points-ledger';
import { homeDistrict } from './access';
import { redemptionsByEntry } from './redemptions';
import { finalHoursOf, starLevel, thresholdsFor } from './star-levels';
import { codeOf, presentCode } from './volunteer-codes';

export async function pointsOverview(database: DatabaseHandle, actor: Actor, at: string, historyLimit: number) {
  const db = database.db;
  const [balance, hours, settings, code, entries, redemptions] = await Promise.all([
    balanceOf(db, actor.userId),
    finalHoursOf(db, actor.userId),
    thresholdsFor(db, homeDistrict(actor)),
    codeOf(db, actor.userId, at),
    db.selectFrom('points_ledger').selectAll().where('user_id', '=', actor.userId).orderBy('id', 'desc').limit(historyLimit).execute(),
    redemptionsByEntry(db, actor.userId),
  ]);
  return {
    userId: actor.userId,
    balance,
    hours,
    level: { ...starLevel(hours, settings.thresholds), thresholds: settings.thresholds },
    code: presentCode(code),
    history: entries.map((entry) => {
      const redemption = redemptions.get(entry.id);
      return {
        id: entry.id,
        points: Number(entry.points),
        kind: entry.kind,
        at: entry.at,
        recordId: entry.record_id,
        redemption: redemption === undefined ? null : { id: redemption.id, itemTitle: redemption.itemTitle, quantity: redemption.quantity, status: redemption.status },
      };
    }),
  };
}
