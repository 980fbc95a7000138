/**
 * Redeeming reward items for points, and cancelling a redemption. Both post to the points ledger (the only
 * balance there is) and move the item's stock in the same transaction, so the ledger, the stock and the
 * redemption row never disagree:
 *
 * - redeem: the volunteer's user row is locked (PostgreSQL; SQLite's write transaction already excludes
 *   other writers) so two counters cannot spend the same points; the stock is taken by a conditional
 *   UPDATE (`stock >= quantity`), so two counters cannot sell the last item twice.
 * - cancel: `status = 'redeemed' → 'cancelled'` is a conditional UPDATE, so of two cancels exactly one
 *   changes the row and books the reversal; the other gets 409 and changes nothing.
 */
import type { Selectable } from 'kysely';
import type { Actor } from '../auth/actor';
import type { DatabaseHandle } from '../db/dialects/dialect';
import { appendAudit } from '../db/repositories/audit-repository';
import { ProblemError, problems } from '../errors';
import { balanceOf, book } from '../records/points-ledger';
import { hashOf } from '../util/canonical-json';
import { newId } from '../util/ids';
import { mayOperate } from './access';
import { findStore, requireOperator } from './catalog';
import type { StoreRedemptionTable } from './types';
import { normaliseCode, userByCode } from './volunteer-codes';

export type RedemptionRow = Selectable<StoreRedemptionTable>;

export interface RedeemInput {
  storeId: string;
  itemId: string;
  volunteerCode: string;
  quantity: number;
  idempotencyKey?: string | undefined;
}

export interface RedemptionView {
  id: string;
  storeId: string;
  itemId: string;
  itemTitle: { 'zh-CN': string; en: string };
  volunteer: { id: string; displayName: string };
  quantity: number;
  points: number;
  status: 'redeemed' | 'cancelled';
  operatorId: string;
  redeemedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
}

export async function redeem(database: DatabaseHandle, actor: Actor, input: RedeemInput, at: string): Promise<{ redemption: RedemptionView; replayed: boolean }> {
  // The code is normalised first, so `abcd-efgh` and `SJV:ABCDEFGH` retried under one key are the same request.
  const requestHash = hashOf({ storeId: input.storeId, itemId: input.itemId, code: normaliseCode(input.volunteerCode), quantity: input.quantity });
  return database.db.transaction().execute(async (trx) => {
    const store = await findStore(trx, actor, input.storeId);
    requireOperator(actor, store);
    if (input.idempotencyKey !== undefined) {
      const earlier = await trx.selectFrom('store_redemptions').select(['id', 'request_hash']).where('operator_id', '=', actor.userId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
      if (earlier !== undefined) {
        if (earlier.request_hash !== requestHash) throw problems.unprocessable('idempotency-key-reused', 'Idempotency-Key reused', 'This Idempotency-Key was used for a different redemption.', { rule: 'idempotency-key' });
        return { redemption: await viewOf(database, earlier.id, trx), replayed: true };
      }
    }
    if (store.active !== 1) throw problems.unprocessable('store-closed', 'Store closed', 'This store is closed.', { rule: 'store-active' });
    const volunteer = await userByCode(trx, input.volunteerCode);
    if (volunteer === undefined) throw problems.validation([{ pointer: '/volunteerCode', code: 'unknown-code', message: '没有这个志愿者码 / no volunteer has this code' }]);
    if (volunteer.id === actor.userId) throw problems.unprocessable('self-redemption', 'Not for yourself', 'A store operator cannot redeem for themselves; ask a colleague.', { rule: 'no-self-redemption' });
    let lock = trx.selectFrom('users').select('id').where('id', '=', volunteer.id);
    if (database.capabilities.supportsRowLocks) lock = lock.forUpdate();
    await lock.executeTakeFirstOrThrow();
    const item = await trx.selectFrom('store_items').selectAll().where('id', '=', input.itemId).where('store_id', '=', store.id).executeTakeFirst();
    if (item === undefined) throw problems.validation([{ pointer: '/itemId', code: 'unknown-item', message: '本店没有这个物品 / this store has no such item' }]);
    if (item.active !== 1) throw problems.unprocessable('item-inactive', 'Item withdrawn', 'This item is no longer offered.', { rule: 'item-active' });
    const points = Number(item.points_price) * input.quantity;
    const balance = await balanceOf(trx, volunteer.id);
    if (balance < points) {
      throw problems.unprocessable('points-insufficient', 'Not enough points', `The volunteer has ${balance} points; this needs ${points}.`, { rule: 'points-balance', balance, required: points });
    }
    const taken = await trx
      .updateTable('store_items')
      .set((eb) => ({ stock: eb('stock', '-', input.quantity), version: eb('version', '+', 1), updated_at: at }))
      .where('id', '=', item.id)
      .where('stock', '>=', input.quantity)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) {
      const left = await trx.selectFrom('store_items').select('stock').where('id', '=', item.id).executeTakeFirstOrThrow();
      throw problems.conflict(`Only ${Number(left.stock)} left in stock.`, { type: '/problems/out-of-stock', title: 'Out of stock', rule: 'item-stock', stock: Number(left.stock) });
    }
    const id = newId();
    const { entry } = await book(trx, {
      user_id: volunteer.id,
      org_unit_id: store.org_unit_id,
      org_path: store.org_path,
      points: -points,
      kind: 'redemption',
      reference: `store-redemption:${id}`,
      record_id: null,
      actor_id: actor.userId,
      at,
    });
    const row: RedemptionRow = {
      id,
      store_id: store.id,
      item_id: item.id,
      org_path: store.org_path,
      volunteer_id: volunteer.id,
      quantity: input.quantity,
      points,
      status: 'redeemed',
      operator_id: actor.userId,
      idempotency_key: input.idempotencyKey ?? null,
      request_hash: requestHash,
      ledger_entry_id: entry.id,
      reversal_entry_id: null,
      redeemed_at: at,
      cancelled_at: null,
      cancelled_by: null,
      cancel_reason: null,
    };
    const inserted = await trx.insertInto('store_redemptions').values(row).onConflict((c) => c.columns(['operator_id', 'idempotency_key']).doNothing()).executeTakeFirst();
    // The same key sent twice at once for another volunteer: the other request committed first; roll back.
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) throw problems.conflict('A redemption with this Idempotency-Key is being processed; retry to get its result.');
    await appendAudit(trx, { actorId: actor.userId, action: 'store-redemption.redeem', targetType: 'store-redemption', targetId: id, beforeHash: null, afterHash: hashOf(row), at });
    return { redemption: present(row, item, volunteer.displayName), replayed: false };
  });
}

export async function cancelRedemption(database: DatabaseHandle, actor: Actor, id: string, reason: string | undefined, at: string): Promise<RedemptionView> {
  return database.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('store_redemptions').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw problems.notFound('redemption');
    // A store outside the actor's districts reads as no redemption at all (404 below), not as an error.
    const store = await findStore(trx, actor, row.store_id).catch((error: unknown) => {
      if (error instanceof ProblemError && error.problem.status === 404) return undefined;
      throw error;
    });
    const operator = store !== undefined && mayOperate(actor, { orgUnitId: store.org_unit_id, orgPath: store.org_path });
    if (!operator) {
      if (row.volunteer_id === actor.userId) throw problems.forbidden('Ask the store to cancel a redemption.');
      throw problems.notFound('redemption');
    }
    const claimed = await trx
      .updateTable('store_redemptions')
      .set({ status: 'cancelled', cancelled_at: at, cancelled_by: actor.userId, cancel_reason: reason ?? null })
      .where('id', '=', id)
      .where('status', '=', 'redeemed')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      const current = await trx.selectFrom('store_redemptions').select(['cancelled_at']).where('id', '=', id).executeTakeFirstOrThrow();
      throw problems.conflict('This redemption is already cancelled; points and stock were restored then.', { type: '/problems/already-cancelled', title: 'Already cancelled', rule: 'cancel-once', cancelledAt: current.cancelled_at });
    }
    await trx
      .updateTable('store_items')
      .set((eb) => ({ stock: eb('stock', '+', row.quantity), version: eb('version', '+', 1), updated_at: at }))
      .where('id', '=', row.item_id)
      .execute();
    // The ledger's generic reversal (POST /api/points/reversals) may already have returned these points;
    // then the cancellation links that entry instead of returning them a second time.
    const reversedEarlier = await trx.selectFrom('points_ledger').selectAll().where('reference', '=', `reversal:store-redemption:${id}`).executeTakeFirst();
    const entry =
      reversedEarlier ??
      (
        await book(trx, {
          user_id: row.volunteer_id,
          org_unit_id: store.org_unit_id,
          org_path: row.org_path,
          points: Number(row.points),
          kind: 'reversal',
          reference: `store-redemption:${id}:cancel`,
          record_id: null,
          actor_id: actor.userId,
          at,
        })
      ).entry;
    await trx.updateTable('store_redemptions').set({ reversal_entry_id: entry.id }).where('id', '=', id).execute();
    const next: RedemptionRow = { ...row, status: 'cancelled', cancelled_at: at, cancelled_by: actor.userId, cancel_reason: reason ?? null, reversal_entry_id: entry.id };
    await appendAudit(trx, { actorId: actor.userId, action: 'store-redemption.cancel', targetType: 'store-redemption', targetId: id, beforeHash: hashOf(row), afterHash: hashOf(next), at });
    return viewOf(database, id, trx);
  });
}

type Db = DatabaseHandle['db'];

const redemptionSelect = (db: Db) =>
  db
    .selectFrom('store_redemptions')
    .innerJoin('store_items', 'store_items.id', 'store_redemptions.item_id')
    .innerJoin('users', 'users.id', 'store_redemptions.volunteer_id')
    .selectAll('store_redemptions')
    .select(['store_items.title_zh', 'store_items.title_en', 'users.display_name']);

type JoinedRow = RedemptionRow & { title_zh: string; title_en: string; display_name: string };

function presentJoined(row: JoinedRow): RedemptionView {
  return {
    id: row.id,
    storeId: row.store_id,
    itemId: row.item_id,
    itemTitle: { 'zh-CN': row.title_zh, en: row.title_en },
    volunteer: { id: row.volunteer_id, displayName: row.display_name },
    quantity: Number(row.quantity),
    points: Number(row.points),
    status: row.status,
    operatorId: row.operator_id,
    redeemedAt: row.redeemed_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
  };
}

function present(row: RedemptionRow, item: { title_zh: string; title_en: string }, displayName: string): RedemptionView {
  return presentJoined({ ...row, title_zh: item.title_zh, title_en: item.title_en, display_name: displayName });
}

async function viewOf(database: DatabaseHandle, id: string, db: Db = database.db): Promise<RedemptionView> {
  return presentJoined(await redemptionSelect(db).where('store_redemptions.id', '=', id).executeTakeFirstOrThrow());
}

/** A store's redemptions, newest first: its operators' counter list. */
export async function listRedemptions(database: DatabaseHandle, actor: Actor, storeId: string, limit: number): Promise<RedemptionView[]> {
  const store = await findStore(database.db, actor, storeId);
  requireOperator(actor, store);
  const rows = await redemptionSelect(database.db).where('store_redemptions.store_id', '=', storeId).orderBy('store_redemptions.id', 'desc').limit(limit).execute();
  return rows.map(presentJoined);
}

/** A volunteer's own redemptions, keyed by the ledger entries they booked (for the history). */
export async function redemptionsByEntry(db: Db, userId: string): Promise<Map<string, RedemptionView>> {
  const rows = await redemptionSelect(db).where('store_redemptions.volunteer_id', '=', userId).execute();
  const map = new Map<string, RedemptionView>();
  for (const row of rows) {
    const view = presentJoined(row);
    map.set(row.ledger_entry_id, view);
    if (row.reversal_entry_id !== null) map.set(row.reversal_entry_id, view);
  }
  return map;
}
