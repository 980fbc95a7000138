/**
 * Demo love store (爱心超市) at the store operator's station with a few reward items, and, with the demo
 * activity, some finalised service hours for volunteer1 so the points page has a balance and a star.
 * The hours go through the service-record path (draft → noticed → final), which books the ledger credits.
 */
import type { Kysely } from 'kysely';
import { systemActor } from '../auth/actor';
import type { Database } from '../db/types';
import { changeServiceRecord, createServiceRecord } from '../records/service-records';
import { newId } from '../util/ids';

const items: { zh: string; en: string; price: number; stock: number }[] = [
  { zh: '牙膏', en: 'Toothpaste', price: 50, stock: 25 },
  { zh: '毛巾', en: 'Towel', price: 60, stock: 30 },
  { zh: '洗衣液', en: 'Laundry detergent', price: 150, stock: 20 },
  { zh: '食用油 5 升', en: 'Cooking oil 5 L', price: 250, stock: 8 },
  { zh: '大米 10 斤', en: 'Rice 5 kg', price: 300, stock: 10 },
];

export async function seedDemoStore(db: Kysely<Database>, at: string, options: { volunteerHours: boolean }): Promise<void> {
  const operator = await db
    .selectFrom('role_memberships')
    .innerJoin('users', 'users.id', 'role_memberships.user_id')
    .innerJoin('org_units', 'org_units.id', 'role_memberships.org_unit_id')
    .select(['org_units.id', 'org_units.path', 'org_units.name', 'org_units.name_en'])
    .where('users.username', '=', 'store.operator')
    .where('role_memberships.role', '=', 'storeOperator')
    .executeTakeFirst();
  if (operator === undefined) return;
  const storeId = newId();
  await db
    .insertInto('stores')
    .values({ id: storeId, org_unit_id: operator.id, org_path: operator.path, name: `${operator.name}爱心超市`, name_en: `${operator.name_en ?? operator.name} Love Store`, active: 1, version: 1, created_by: 'system', created_at: at, updated_at: at })
    .execute();
  for (const item of items) {
    await db.insertInto('store_items').values({ id: newId(), store_id: storeId, title_zh: item.zh, title_en: item.en, points_price: item.price, stock: item.stock, active: 1, version: 1, created_at: at, updated_at: at }).execute();
  }
  if (!options.volunteerHours) return;
  const volunteer = await db.selectFrom('users').select('id').where('username', '=', 'volunteer1').executeTakeFirst();
  if (volunteer === undefined) return;
  // 13 Saturdays of 8 h: 104 h, just past 一星 (100 h), 1,040 points at the default rate.
  const first = Date.parse(at) - 13 * 7 * 86_400_000;
  for (let week = 0; week < 13; week++) {
    const day = new Date(first + week * 7 * 86_400_000).toISOString().slice(0, 10);
    const record = await createServiceRecord(db, systemActor, { orgUnitId: operator.id, volunteerId: volunteer.id, activityDate: day, hours: 8, description: '新时代文明实践志愿服务' }, at);
    await changeServiceRecord(db, systemActor, record.id, 1, { action: 'notice' }, at);
    await changeServiceRecord(db, systemActor, record.id, 2, { action: 'finalise' }, at);
  }
}
