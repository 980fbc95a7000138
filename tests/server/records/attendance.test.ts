import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { startServer, TestClock, type RunningServer } from '../support/server';

const minute = 60_000;

describe.each(DIALECTS)('attendance with a six-digit code on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  const clock = new TestClock(Date.parse('2026-03-07T01:00:00.000Z'));
  let stationAdmin: ApiClient;
  let volunteer: ApiClient;
  let stationId: string;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { clock, engine: false, overrides: { sessionTtlMs: 24 * 60 * minute } });
    stationAdmin = await signIn(server.baseUrl, 'station.admin');
    volunteer = await signIn(server.baseUrl, 'volunteer1');
    stationId = (await stationAdmin.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('checks in and out with the code; attended time (rounded down to ¼ h) becomes draft service records once', async () => {
    const opened = await stationAdmin.post<{ id: string; code: string }>('/api/attendance-sessions', { orgUnitId: stationId, title: '周六村道清扫', validMinutes: 30 });
    expect(opened.status).toBe(201);
    expect(opened.body.code).toMatch(/^\d{6}$/);
    expect((await volunteer.post('/api/attendance-sessions', { orgUnitId: stationId, title: 'x' })).status).toBe(403);
    expect((await volunteer.post('/api/attendance/check-out', { code: opened.body.code })).status).toBe(422);
    expect((await volunteer.post('/api/attendance/check-in', { code: opened.body.code })).status).toBe(200);
    const wrong = opened.body.code === '000000' ? '000001' : '000000';
    expect((await volunteer.post('/api/attendance/check-in', { code: wrong })).status).toBe(422);
    clock.advance(100 * minute);
    // The window has closed for check-in, not for check-out the same day.
    const late = await signIn(server.baseUrl, 'team.leader');
    expect((await late.post('/api/attendance/check-in', { code: opened.body.code })).status).toBe(422);
    expect((await volunteer.post('/api/attendance/check-out', { code: opened.body.code })).status).toBe(200);
    const session = await stationAdmin.get<{ attendance: { hours: number }[] }>(`/api/attendance-sessions/${opened.body.id}`);
    expect(session.body.attendance.map((a) => a.hours)).toEqual([1.5]); // 100 minutes → 1.5 h
    expect((await stationAdmin.post<{ created: number }>(`/api/attendance-sessions/${opened.body.id}/service-records`)).body.created).toBe(1);
    expect((await stationAdmin.post<{ created: number }>(`/api/attendance-sessions/${opened.body.id}/service-records`)).body.created).toBe(0);
    const records = await volunteer.get<{ items: { hours: number; status: string; activityDate: string }[] }>('/api/service-records');
    expect(records.body.items).toMatchObject([{ hours: 1.5, status: 'draft', activityDate: '2026-03-07' }]);
    const other = await signIn(server.baseUrl, 'station.admin2');
    expect((await other.get(`/api/attendance-sessions/${opened.body.id}`)).status).toBe(404);
  });
});
