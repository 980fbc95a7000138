import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { startServer, type RunningServer } from '../support/server';

interface RecordView {
  id: string;
  status: string;
  hours: number;
  version: number;
  revisions: { action: string; hours: number; status: string; reason: string | null }[];
}

describe.each(DIALECTS)('service records and the points ledger on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let stationAdmin: ApiClient;
  let volunteer: ApiClient;
  let stationId: string;
  let volunteerId: string;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { engine: false });
    stationAdmin = await signIn(server.baseUrl, 'station.admin');
    volunteer = await signIn(server.baseUrl, 'volunteer1');
    stationId = (await stationAdmin.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
    volunteerId = (await volunteer.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  const change = async (id: string, version: number, body: unknown) => stationAdmin.post<RecordView>(`/api/service-records/${id}/changes`, body, { headers: { 'if-match': `"${version}"` } });

  it('draft → corrected → noticed → final credits 10 points per hour; a correction of a final record books the difference and keeps history', async () => {
    const tooLong = await stationAdmin.post<{ errors: { pointer: string }[] }>('/api/service-records', { orgUnitId: stationId, volunteerId, activityDate: '2026-03-01', hours: 30 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0]!.pointer).toBe('/hours');
    const created = await stationAdmin.post<RecordView>('/api/service-records', { orgUnitId: stationId, volunteerId, activityDate: '2026-03-01', hours: 2.5, description: '村道清扫' });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    let record = (await change(created.body.id, 1, { action: 'correct', hours: 3, reason: '核对签到时间' })).body;
    expect((await change(created.body.id, record.version, { action: 'finalise' })).status).toBe(422);
    expect((await change(created.body.id, 1, { action: 'notice' })).status).toBe(412);
    record = (await change(created.body.id, record.version, { action: 'notice' })).body;
    record = (await change(created.body.id, record.version, { action: 'finalise' })).body;
    expect(record.status).toBe('final');
    expect((await volunteer.get<{ balance: number }>(`/api/points/${volunteerId}`)).body.balance).toBe(30);

    record = (await change(created.body.id, record.version, { action: 'correct', hours: 2, reason: '扣除往返路程时间' })).body;
    expect(record.revisions.map((r) => [r.action, r.hours, r.status])).toEqual([
      ['create', 2.5, 'draft'],
      ['correct', 3, 'draft'],
      ['notice', 3, 'noticed'],
      ['finalise', 3, 'final'],
      ['correct', 2, 'final'],
    ]);
    const ledger = (await volunteer.get<{ balance: number; entries: { points: number; kind: string }[] }>(`/api/points/${volunteerId}`)).body;
    expect(ledger.balance).toBe(20);
    expect(ledger.entries.map((e) => [e.kind, e.points])).toEqual([['credit', 30], ['correction', -10]]);

    const other = await signIn(server.baseUrl, 'station.admin2');
    expect((await other.get(`/api/service-records/${created.body.id}`)).status).toBe(404);
    expect((await volunteer.get(`/api/service-records/${created.body.id}`)).status).toBe(200);
  });

  it('redemptions and reversals are idempotent by reference and never overdraw', async () => {
    const store = await signIn(server.baseUrl, 'store.operator');
    const first = await store.post<{ id: string; points: number }>('/api/points/redemptions', { userId: volunteerId, orgUnitId: stationId, points: 15, reference: 'store-order-1' });
    expect(first.status).toBe(201);
    const again = await store.post<{ id: string }>('/api/points/redemptions', { userId: volunteerId, orgUnitId: stationId, points: 15, reference: 'store-order-1' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await volunteer.get<{ balance: number }>(`/api/points/${volunteerId}`)).body.balance).toBe(5);
    const overdraw = await store.post<{ type: string }>('/api/points/redemptions', { userId: volunteerId, orgUnitId: stationId, points: 10, reference: 'store-order-2' });
    expect(overdraw.status).toBe(422);
    const reversal = await stationAdmin.post<{ points: number }>('/api/points/reversals', { entryId: first.body.id });
    expect(reversal.status).toBe(201);
    expect(reversal.body.points).toBe(15);
    expect((await stationAdmin.post('/api/points/reversals', { entryId: first.body.id })).status).toBe(200);
    expect((await volunteer.get<{ balance: number }>(`/api/points/${volunteerId}`)).body.balance).toBe(20);
    expect((await volunteer.post('/api/points/reversals', { entryId: first.body.id })).status).toBe(404);
    // Five stores spend at once: the 20 points cover exactly two.
    const spends = await Promise.all([1, 2, 3, 4, 5].map((n) => store.post('/api/points/redemptions', { userId: volunteerId, orgUnitId: stationId, points: 10, reference: `burst-${n}` })));
    expect(spends.map((r) => r.status).sort()).toEqual([201, 201, 422, 422, 422]);
    expect((await volunteer.get<{ balance: number }>(`/api/points/${volunteerId}`)).body.balance).toBe(0);
  });
});
