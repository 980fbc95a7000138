/**
 * Stores and their reward items: created and edited by those who run the store (access.ts), each change
 * with an audit row in the same transaction. Stock is changed here only by an explicit edit; redemptions
 * and cancellations move it in redemptions.ts.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../auth/actor';
import { appendAudit } from '../db/repositories/audit-repository';
import type { Database } from '../db/types';
import { problems } from '../errors';
import { hashOf } from '../util/canonical-json';
import { newId } from '../util/ids';
import { districtsOf, mayOperate } from './access';
import type { StoreItemTable, StoreTable } from './types';

export type StoreRow = Selectable<StoreTable>;
export type ItemRow = Selectable<StoreItemTable>;

export const presentStore = (row: StoreRow, actor: Actor) => ({
  id: row.id,
  orgUnitId: row.org_unit_id,
  name: { 'zh-CN': row.name, en: row.name_en },
  active: row.active === 1,
  version: row.version,
  mayOperate: mayOperate(actor, { orgUnitId: row.org_unit_id, orgPath: row.org_path }),
});

export const presentItem = (row: ItemRow) => ({
  id: row.id,
  storeId: row.store_id,
  title: { 'zh-CN': row.title_zh, en: row.title_en },
  pointsPrice: Number(row.points_price),
  stock: Number(row.stock),
  active: row.active === 1,
  version: row.version,
});

/** Stores of the actor's districts (all for the system), active first. */
export async function listStores(db: Kysely<Database>, actor: Actor, options: { operable?: boolean } = {}): Promise<StoreRow[]> {
  const districts = districtsOf(actor);
  if (districts !== 'all' && districts.length === 0) return [];
  let select = db.selectFrom('stores').selectAll();
  if (districts !== 'all') select = select.where((eb) => eb.or(districts.map((d) => eb.and([eb('org_path', '>=', `/${d}/`), eb('org_path', '<', `/${d}/~`)]))));
  const rows = await select.orderBy('active', 'desc').orderBy('id').execute();
  const visible = rows.filter((row) => row.active === 1 || mayOperate(actor, { orgUnitId: row.org_unit_id, orgPath: row.org_path }));
  return options.operable ? visible.filter((row) => mayOperate(actor, { orgUnitId: row.org_unit_id, orgPath: row.org_path })) : visible;
}

export async function findStore(db: Kysely<Database>, actor: Actor, id: string): Promise<StoreRow> {
  const row = await db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirst();
  const districts = districtsOf(actor);
  const visible = row !== undefined && (districts === 'all' || districts.some((d) => row.org_path.startsWith(`/${d}/`)));
  if (!visible) throw problems.notFound('store');
  return row;
}

export function requireOperator(actor: Actor, store: StoreRow): void {
  if (!mayOperate(actor, { orgUnitId: store.org_unit_id, orgPath: store.org_path })) throw problems.forbidden('Only the store operator of this unit or admins above it run this store.');
}

export interface NewStore {
  orgUnitId: string;
  name: { 'zh-CN': string; en: string };
}

export async function createStore(db: Kysely<Database>, actor: Actor, input: NewStore, at: string): Promise<StoreRow> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('org_units').select(['id', 'path']).where('id', '=', input.orgUnitId).where('active', '=', 1).executeTakeFirst();
    if (unit === undefined) throw problems.validation([{ pointer: '/orgUnitId', code: 'unknown-unit', message: '没有这个组织 / no such org unit' }]);
    if (!mayOperate(actor, { orgUnitId: unit.id, orgPath: unit.path })) throw problems.forbidden('Only the store operator of this unit or admins above it open a store here.');
    const row: StoreRow = { id: newId(), org_unit_id: unit.id, org_path: unit.path, name: input.name['zh-CN'], name_en: input.name.en, active: 1, version: 1, created_by: actor.userId, created_at: at, updated_at: at };
    await trx.insertInto('stores').values(row).execute();
    await appendAudit(trx, { actorId: actor.userId, action: 'store.create', targetType: 'store', targetId: row.id, beforeHash: null, afterHash: hashOf(row), at });
    return row;
  });
}

export interface StoreChange {
  name?: { 'zh-CN': string; en: string } | undefined;
  active?: boolean | undefined;
}

export async function changeStore(db: Kysely<Database>, actor: Actor, id: string, expectedVersion: number, change: StoreChange, at: string): Promise<StoreRow> {
  return db.transaction().execute(async (trx) => {
    const row = await findStore(trx, actor, id);
    requireOperator(actor, row);
    if (row.version !== expectedVersion) throw problems.preconditionFailed(`The store is at version ${row.version}.`, row.version);
    const next: StoreRow = {
      ...row,
      ...(change.name === undefined ? {} : { name: change.name['zh-CN'], name_en: change.name.en }),
      ...(change.active === undefined ? {} : { active: change.active ? 1 : 0 }),
      version: row.version + 1,
      updated_at: at,
    };
    const updated = await trx.updateTable('stores').set({ name: next.name, name_en: next.name_en, active: next.active, version: next.version, updated_at: at }).where('id', '=', id).where('version', '=', row.version).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw problems.preconditionFailed('The store changed meanwhile.');
    await appendAudit(trx, { actorId: actor.userId, action: 'store.change', targetType: 'store', targetId: id, beforeHash: hashOf(row), afterHash: hashOf(next), at });
    return next;
  });
}

/** Items of a store: active ones for everybody; inactive ones too for those who run it. */
export async function listItems(db: Kysely<Database>, actor: Actor, storeId: string): Promise<ItemRow[]> {
  const store = await findStore(db, actor, storeId);
  const operator = mayOperate(actor, { orgUnitId: store.org_unit_id, orgPath: store.org_path });
  if (store.active !== 1 && !operator) throw problems.notFound('store');
  let select = db.selectFrom('store_items').selectAll().where('store_id', '=', storeId);
  if (!operator) select = select.where('active', '=', 1);
  return select.orderBy('points_price').orderBy('id').execute();
}

export interface NewItem {
  title: { 'zh-CN': string; en: string };
  pointsPrice: number;
  stock: number;
}

export async function createItem(db: Kysely<Database>, actor: Actor, storeId: string, input: NewItem, at: string): Promise<ItemRow> {
  return db.transaction().execute(async (trx) => {
    const store = await findStore(trx, actor, storeId);
    requireOperator(actor, store);
    const row: ItemRow = { id: newId(), store_id: store.id, title_zh: input.title['zh-CN'], title_en: input.title.en, points_price: input.pointsPrice, stock: input.stock, active: 1, version: 1, created_at: at, updated_at: at };
    await trx.insertInto('store_items').values(row).execute();
    await appendAudit(trx, { actorId: actor.userId, action: 'store-item.create', targetType: 'store-item', targetId: row.id, beforeHash: null, afterHash: hashOf(row), at });
    return row;
  });
}

export interface ItemChange {
  title?: { 'zh-CN': string; en: string } | undefined;
  pointsPrice?: number | undefined;
  stock?: number | undefined;
  active?: boolean | undefined;
}

export async function findItem(db: Kysely<Database>, actor: Actor, itemId: string): Promise<{ item: ItemRow; store: StoreRow }> {
  const item = await db.selectFrom('store_items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (item === undefined) throw problems.notFound('reward item');
  return { item, store: await findStore(db, actor, item.store_id) };
}

/** Edits an item at its version (If-Match): a counter's redemption in between bumps it, so a stale stock edit is refused. */
export async function changeItem(db: Kysely<Database>, actor: Actor, itemId: string, expectedVersion: number, change: ItemChange, at: string): Promise<ItemRow> {
  return db.transaction().execute(async (trx) => {
    const { item, store } = await findItem(trx, actor, itemId);
    requireOperator(actor, store);
    if (item.version !== expectedVersion) throw problems.preconditionFailed(`The item is at version ${item.version}.`, item.version);
    const next: ItemRow = {
      ...item,
      ...(change.title === undefined ? {} : { title_zh: change.title['zh-CN'], title_en: change.title.en }),
      ...(change.pointsPrice === undefined ? {} : { points_price: change.pointsPrice }),
      ...(change.stock === undefined ? {} : { stock: change.stock }),
      ...(change.active === undefined ? {} : { active: change.active ? 1 : 0 }),
      version: item.version + 1,
      updated_at: at,
    };
    const updated = await trx
      .updateTable('store_items')
      .set({ title_zh: next.title_zh, title_en: next.title_en, points_price: next.points_price, stock: next.stock, active: next.active, version: next.version, updated_at: at })
      .where('id', '=', itemId)
      .where('version', '=', item.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw problems.preconditionFailed('The item changed meanwhile.');
    await appendAudit(trx, { actorId: actor.userId, action: 'store-item.change', targetType: 'store-item', targetId: itemId, beforeHash: hashOf(item), afterHash: hashOf(next), at });
    return next;
  });
}
