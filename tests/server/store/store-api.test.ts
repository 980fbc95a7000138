import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { startServer, type RunningServer } from '../support/server';
import { creditHours, meOf, type Item, type Overview, type Problem, type Redemption } from './support';

describe.each(DIALECTS)('points store (爱心超市) on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let operator: ApiClient;
  let volunteer: ApiClient;
  let stationAdmin: ApiClient;
  let storeId: string;
  let stationId: string;
  let volunteerId: string;
  let code: string;
  let keySeq = 0;
  const key = () => `test-key-${dialect.name}-${++keySeq}-${Date.now()}`;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { engine: false });
    operator = await signIn(server.baseUrl, 'store.operator');
    volunteer = await signIn(server.baseUrl, 'volunteer1');
    stationAdmin = await signIn(server.baseUrl, 'station.admin');
    stationId = (await meOf(stationAdmin)).roles[0]!.orgUnitId;
    volunteerId = (await meOf(volunteer)).id;
    // 44 final hours → 440 points.
    await creditHours(stationAdmin, stationId, volunteerId, 44);
    const stores = await operator.get<{ items: { id: string; mayOperate: boolean }[] }>('/api/store/stores?operable=1');
    storeId = stores.body.items[0]!.id;
    code = (await volunteer.get<Overview>('/api/volunteers/me/points')).body.code.display;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  const items = async () => (await volunteer.get<{ items: Item[] }>(`/api/store/stores/${storeId}/items`)).body.items;
  const itemById = async (id: string) => (await operator.get<{ items: Item[] }>(`/api/store/stores/${storeId}/items`)).body.items.find((item) => item.id === id)!;
  const balance = async () => (await volunteer.get<Overview>('/api/volunteers/me/points')).body.balance;
  const newItem = async (price: number, stock: number) => {
    const made = await operator.post<Item>(`/api/store/stores/${storeId}/items`, { title: { 'zh-CN': `测试物品${price}`, en: `Test item ${price}` }, pointsPrice: price, stock });
    expect(made.status).toBe(201);
    return made.body;
  };
  const redeemAs = (client: ApiClient, itemId: string, quantity = 1, idempotencyKey = key(), volunteerCode = code) =>
    client.post<Omit<Redemption, 'status'> & Problem>('/api/store/redemptions', { storeId, itemId, volunteerCode, quantity }, { headers: { 'idempotency-key': idempotencyKey } });
  const counts = async () => {
    const db = database.handle.db;
    const ledger = await db.selectFrom('points_ledger').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const redemptions = await db.selectFrom('store_redemptions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { ledger: Number(ledger.n), redemptions: Number(redemptions.n) };
  };

  it('the seeded store lists its items to a volunteer, and the volunteer sees balance, hours and a legible code', async () => {
    expect((await items()).length).toBeGreaterThanOrEqual(5);
    const overview = (await volunteer.get<Overview>('/api/volunteers/me/points')).body;
    expect(overview).toMatchObject({ balance: 440, hours: 44, level: { level: 0, nextAt: 100, thresholds: [100, 300, 600, 1000, 1500] } });
    expect(overview.level.progress).toBeCloseTo(0.44);
    expect(overview.code.display).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(overview.code.qr).toBe(`SJV:${overview.code.code}`);
  });

  it('on PostgreSQL the store path columns compare bytewise (collate "C"), like every other path column', async () => {
    if (dialect.name !== 'postgres') return expect(database.handle.capabilities.binaryCollation).toBeNull();
    const { rows } = await sql<{ table_name: string; collation_name: string | null }>`select table_name, collation_name from information_schema.columns where column_name = 'org_path' and table_name in ('stores', 'store_redemptions') order by table_name`.execute(database.handle.db);
    expect(rows).toEqual([
      { table_name: 'store_redemptions', collation_name: 'C' },
      { table_name: 'stores', collation_name: 'C' },
    ]);
  });

  it('a redemption lowers the balance and the stock, posts to the ledger, writes an audit row, and a retry with the same key replays', async () => {
    const item = await newItem(120, 3);
    const auditBefore = await database.handle.db.selectFrom('audit_log').select('seq').where('action', '=', 'store-redemption.redeem').execute();
    const idempotencyKey = key();
    const first = await redeemAs(operator, item.id, 2, idempotencyKey, code.toLowerCase());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ points: 240, quantity: 2, status: 'redeemed', volunteer: { id: volunteerId } });
    expect(await balance()).toBe(200);
    expect((await itemById(item.id)).stock).toBe(1);
    const replay = await redeemAs(operator, item.id, 2, idempotencyKey, `SJV:${code.replace('-', '')}`);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    expect(await balance()).toBe(200);
    const reused = await redeemAs(operator, item.id, 1, idempotencyKey);
    expect(reused.status).toBe(422);
    expect(reused.body.rule).toBe('idempotency-key');
    const history = (await volunteer.get<Overview>('/api/volunteers/me/points')).body.history;
    expect(history[0]).toMatchObject({ points: -240, kind: 'redemption', redemption: { id: first.body.id, status: 'redeemed' } });
    const listed = await operator.get<{ items: Redemption[] }>(`/api/store/redemptions?storeId=${storeId}`);
    expect(listed.body.items[0]!.id).toBe(first.body.id);
    const auditAfter = await database.handle.db.selectFrom('audit_log').select('seq').where('action', '=', 'store-redemption.redeem').execute();
    expect(auditAfter.length).toBe(auditBefore.length + 1);
    // Back to 440 for the next tests.
    expect((await operator.post(`/api/store/redemptions/${first.body.id}/cancel`, {})).status).toBe(200);
  });

  it('a cancellation restores points and stock exactly once; a second cancel is 409 and changes nothing; of two at once one wins', async () => {
    const item = await newItem(100, 5);
    const made = await redeemAs(operator, item.id, 1);
    expect(await balance()).toBe(340);
    const cancelled = await operator.post<Redemption>(`/api/store/redemptions/${made.body.id}/cancel`, { reason: '物品有破损' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(await balance()).toBe(440);
    expect((await itemById(item.id)).stock).toBe(5);
    const before = await counts();
    const again = await operator.post<Problem>(`/api/store/redemptions/${made.body.id}/cancel`, {});
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('cancel-once');
    expect(await counts()).toEqual(before);
    expect(await balance()).toBe(440);
    expect((await itemById(item.id)).stock).toBe(5);

    const second = await redeemAs(operator, item.id, 2);
    expect(await balance()).toBe(240);
    const racing = await Promise.all([operator.post(`/api/store/redemptions/${second.body.id}/cancel`, {}), stationAdmin.post(`/api/store/redemptions/${second.body.id}/cancel`, {})]);
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await balance()).toBe(440);
    expect((await itemById(item.id)).stock).toBe(5);
    const reversals = await database.handle.db.selectFrom('points_ledger').select('points').where('reference', 'like', `store-redemption:${second.body.id}%`).execute();
    expect(reversals.map((r) => Number(r.points)).sort((a, b) => a - b)).toEqual([-200, 200]);
  });

  it('the generic ledger reversal refuses a store redemption (before and after its cancellation): points come back once, with the stock', async () => {
    const item = await newItem(70, 2);
    const made = await redeemAs(operator, item.id);
    const entry = (await volunteer.get<Overview>('/api/volunteers/me/points')).body.history.find((h) => h.redemption?.id === made.body.id)!;
    const refused = await stationAdmin.post<{ type: string }>('/api/points/reversals', { entryId: entry.id });
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('/problems/store-redemption-reversal');
    expect(await balance()).toBe(370);
    expect((await operator.post(`/api/store/redemptions/${made.body.id}/cancel`, {})).status).toBe(200);
    expect(await balance()).toBe(440);
    expect((await itemById(item.id)).stock).toBe(2);
    expect((await stationAdmin.post('/api/points/reversals', { entryId: entry.id })).status).toBe(422);
    expect(await balance()).toBe(440);
  });

  it('short of points → 422, out of stock → 409, unknown code → 400 with a pointer; nothing changes', async () => {
    const dear = await newItem(1000, 5);
    const scarce = await newItem(10, 1);
    const before = await counts();
    const poor = await redeemAs(operator, dear.id);
    expect(poor.status).toBe(422);
    expect(poor.headers.get('content-type')).toContain('application/problem+json');
    expect(poor.body).toMatchObject({ type: '/problems/points-insufficient', rule: 'points-balance', balance: 440, required: 1000 });
    const many = await redeemAs(operator, scarce.id, 2);
    expect(many.status).toBe(409);
    expect(many.body).toMatchObject({ type: '/problems/out-of-stock', rule: 'item-stock', stock: 1 });
    const nobody = await redeemAs(operator, scarce.id, 1, key(), 'ZZZZ-ZZZZ');
    expect(nobody.status).toBe(400);
    expect(nobody.body.errors![0]).toMatchObject({ pointer: '/volunteerCode', code: 'unknown-code' });
    const bad = await operator.post<Problem>('/api/store/redemptions', { storeId, itemId: scarce.id, volunteerCode: code, quantity: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.pointer)).toEqual(['/quantity']);
    expect(await counts()).toEqual(before);
    expect(await balance()).toBe(440);
    expect((await itemById(dear.id)).stock).toBe(5);
    expect((await itemById(scarce.id)).stock).toBe(1);
    // Two counters racing for the last one: one gets it.
    const racing = await Promise.all([redeemAs(operator, scarce.id), redeemAs(stationAdmin, scarce.id)]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await itemById(scarce.id)).stock).toBe(0);
    expect(await balance()).toBe(430);
    const won = racing.find((r) => r.status === 201)!;
    await operator.post(`/api/store/redemptions/${won.body.id}/cancel`, {});
  });

  it('two counters spending the same points at once: one redemption, the other 422; the balance never goes below zero', async () => {
    const dear = await newItem(300, 5);
    const auditBefore = await database.handle.db.selectFrom('audit_log').select('seq').where('target_type', '=', 'store-redemption').execute();
    const racing = await Promise.all([redeemAs(operator, dear.id), redeemAs(stationAdmin, dear.id)]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(await balance()).toBe(140);
    expect((await itemById(dear.id)).stock).toBe(4);
    const won = racing.find((r) => r.status === 201)!;
    expect((await operator.post(`/api/store/redemptions/${won.body.id}/cancel`, {})).status).toBe(200);
    expect(await balance()).toBe(440);
    // One audit row for the redemption and one for its cancellation; the refused attempt left none.
    const auditAfter = await database.handle.db.selectFrom('audit_log').select(['action']).where('target_type', '=', 'store-redemption').where('target_id', '=', won.body.id).execute();
    expect(auditAfter.map((row) => row.action).sort()).toEqual(['store-redemption.cancel', 'store-redemption.redeem']);
    expect((await database.handle.db.selectFrom('audit_log').select('seq').where('target_type', '=', 'store-redemption').execute()).length).toBe(auditBefore.length + 2);
  });

  it('the same Idempotency-Key sent twice at once spends once: a 201 and a replay (or a 409 asking to retry, whose retry replays)', async () => {
    const item = await newItem(40, 5);
    const idempotencyKey = key();
    const both = await Promise.all([redeemAs(operator, item.id, 1, idempotencyKey), redeemAs(operator, item.id, 1, idempotencyKey)]);
    const statuses = both.map((r) => r.status).sort();
    expect([[200, 201], [201, 409]]).toContainEqual(statuses);
    expect(await balance()).toBe(400);
    expect((await itemById(item.id)).stock).toBe(4);
    const retry = await redeemAs(operator, item.id, 1, idempotencyKey);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(both.find((r) => r.status === 201)!.body.id);
    expect((await operator.post(`/api/store/redemptions/${retry.body.id}/cancel`, {})).status).toBe(200);
  });

  it('malformed JSON, a form body and a missing CSRF header are refused as problems and change nothing', async () => {
    const before = await counts();
    const malformed = await operator.post<Problem>('/api/store/redemptions', undefined, { raw: '{"storeId":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    const form = await operator.post<Problem>('/api/store/redemptions', undefined, { raw: 'storeId=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect([400, 415]).toContain(form.status);
    expect(form.headers.get('content-type')).toContain('application/problem+json');
    const noCsrf = await operator.post('/api/store/redemptions', { storeId, itemId: 'x', volunteerCode: code, quantity: 1 }, { noCsrf: true });
    expect(noCsrf.status).toBe(403);
    const unknownField = await operator.post<Problem>(`/api/store/stores/${storeId}/items`, { title: { 'zh-CN': '多余', en: 'Extra' }, pointsPrice: 5, stock: 1, colour: 'red' });
    expect(unknownField.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('role matrix: only the store’s operator and admins above it run the counter and the catalog', async () => {
    const item = await newItem(10, 10);
    const who = async (username: string) => signIn(server.baseUrl, username);
    const otherStation = await who('station.admin2');
    const otherInstitute = await who('institute.admin2');
    const district = await who('district.admin');
    const resident = await who('resident1');
    // A volunteer cannot redeem, even for themselves; nor can admins of other units.
    for (const client of [volunteer, otherStation, otherInstitute, resident]) {
      expect((await redeemAs(client, item.id)).status).toBe(403);
      expect((await client.post(`/api/store/stores/${storeId}/items`, { title: { 'zh-CN': '越权', en: 'Nope' }, pointsPrice: 1, stock: 1 })).status).toBe(403);
      expect((await client.get(`/api/store/redemptions?storeId=${storeId}`)).status).toBe(403);
      expect((await client.get(`/api/store/volunteers/${code}?storeId=${storeId}`)).status).toBe(403);
    }
    const byDistrict = await redeemAs(district, item.id);
    expect(byDistrict.status).toBe(201);
    // The volunteer may not cancel their own redemption; another station's admin does not even see it.
    expect((await volunteer.post(`/api/store/redemptions/${byDistrict.body.id}/cancel`, {})).status).toBe(403);
    expect((await otherStation.post(`/api/store/redemptions/${byDistrict.body.id}/cancel`, {})).status).toBe(404);
    expect((await stationAdmin.post(`/api/store/redemptions/${byDistrict.body.id}/cancel`, {})).status).toBe(200);
    // An operator cannot redeem for themselves.
    const operatorCode = (await operator.get<Overview>('/api/volunteers/me/points')).body.code.code;
    const self = await redeemAs(operator, item.id, 1, key(), operatorCode);
    expect(self.status).toBe(422);
    expect(self.body.rule).toBe('no-self-redemption');
    // Opening a store: at one's own unit only.
    expect((await otherStation.post('/api/store/stores', { orgUnitId: stationId, name: { 'zh-CN': '别人的店', en: 'Not mine' } })).status).toBe(403);
    // The operator confirms who the code belongs to before redeeming.
    const looked = await operator.get<{ id: string; balance: number }>(`/api/store/volunteers/${encodeURIComponent(code)}?storeId=${storeId}`);
    expect(looked.body).toMatchObject({ id: volunteerId, balance: 440 });
  });

  it('item edits go by version: a redemption in between makes a stale stock edit 412; withdrawn items are hidden from volunteers and refused', async () => {
    const item = await newItem(10, 4);
    await redeemAs(operator, item.id);
    const stale = await operator.patch(`/api/store/items/${item.id}`, { stock: 50 }, { headers: { 'if-match': `"${item.version}"` } });
    expect(stale.status).toBe(412);
    const current = await itemById(item.id);
    expect(current.stock).toBe(3);
    const withdrawn = await operator.patch<Item>(`/api/store/items/${item.id}`, { active: false }, { headers: { 'if-match': `"${current.version}"` } });
    expect(withdrawn.status).toBe(200);
    expect((await items()).some((i) => i.id === item.id)).toBe(false);
    const refused = await redeemAs(operator, item.id);
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('item-active');
  });

  it('star levels at the boundaries: 99.5 h none, 100 h 一星, 1500 h 五星; a district admin changes the thresholds', async () => {
    const resident = await signIn(server.baseUrl, 'resident1');
    const residentId = (await meOf(resident)).id;
    const level = async () => (await resident.get<Overview>('/api/volunteers/me/points')).body.level;
    await creditHours(stationAdmin, stationId, residentId, 99.5);
    expect(await level()).toMatchObject({ level: 0, nextAt: 100 });
    await creditHours(stationAdmin, stationId, residentId, 0.5);
    expect(await level()).toMatchObject({ level: 1, nextAt: 300, progress: 0 });
    // A record still on notice does not count.
    const pending = await stationAdmin.post<{ id: string }>('/api/service-records', { orgUnitId: stationId, volunteerId: residentId, activityDate: '2026-02-15', hours: 24 });
    await stationAdmin.post(`/api/service-records/${pending.body.id}/changes`, { action: 'notice' }, { headers: { 'if-match': '"1"' } });
    expect((await level()).level).toBe(1);
    // 1,400 more final hours, as a long-serving volunteer's history (fixture row; the API caps one record at 24 h).
    await database.handle.db
      .insertInto('service_records')
      .values({ id: `fixture-${dialect.name}`, org_unit_id: stationId, org_path: '/x/', volunteer_user_id: residentId, team_id: null, activity_date: '2025-12-31', activity_id: null, hours: 1400, description: null, status: 'final', noticed_at: null, finalised_at: null, created_by: 'fixture', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', version: 3 })
      .execute();
    expect(await level()).toMatchObject({ level: 5, nextAt: null, progress: 1 });

    const district = await signIn(server.baseUrl, 'district.admin');
    const districtId = (await meOf(district)).roles[0]!.orgUnitId;
    const read = await resident.get<{ thresholds: number[]; version: number; configured: boolean }>(`/api/star-levels/${districtId}`);
    expect(read.body).toMatchObject({ thresholds: [100, 300, 600, 1000, 1500], configured: false, version: 0 });
    const notIncreasing = await district.put<Problem>(`/api/star-levels/${districtId}`, { thresholds: [100, 300, 300, 1000, 1500] }, { headers: { 'if-match': '"0"' } });
    expect(notIncreasing.status).toBe(400);
    expect(notIncreasing.body.errors!.map((e) => e.pointer)).toEqual(['/thresholds/2']);
    expect((await stationAdmin.put(`/api/star-levels/${districtId}`, { thresholds: [1, 2, 3, 4, 5] }, { headers: { 'if-match': '"0"' } })).status).toBe(403);
    const saved = await district.put<{ version: number }>(`/api/star-levels/${districtId}`, { thresholds: [200, 600, 1200, 2000, 3000] }, { headers: { 'if-match': '"0"' } });
    expect(saved.status).toBe(200);
    expect(await level()).toMatchObject({ level: 3, nextAt: 2000, thresholds: [200, 600, 1200, 2000, 3000] });
    expect((await district.put(`/api/star-levels/${districtId}`, { thresholds: [100, 300, 600, 1000, 1500] }, { headers: { 'if-match': '"0"' } })).status).toBe(412);
  });

  it('a rotated code replaces the old one at the counter', async () => {
    const resident = await signIn(server.baseUrl, 'resident1');
    const old = (await resident.get<Overview>('/api/volunteers/me/points')).body.code.code;
    const rotated = await resident.post<{ code: string }>('/api/volunteers/me/code/rotate');
    expect(rotated.status).toBe(200);
    expect(rotated.body.code).not.toBe(old);
    expect((await operator.get(`/api/store/volunteers/${old}?storeId=${storeId}`)).status).toBe(404);
    expect((await operator.get(`/api/store/volunteers/${rotated.body.code}?storeId=${storeId}`)).status).toBe(200);
  });
});
