import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signIn } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { startServer, TestClock, type RunningServer } from '../support/server';

const minute = 60_000;

interface Done {
  kind: string;
  title: string;
  at: string;
}
interface Progress {
  plan: { title: string } | null;
  items: { title: string; done: Done[] }[];
  unplanned: Done[];
  planned: number;
  completed: number;
}
interface Session {
  id: string;
  code: string;
  title: string;
  checkedIn: number;
}

describe.each(DIALECTS)('monthly plan against done, and check-in windows, on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  // 2026-03-07 09:00 in China.
  const clock = new TestClock(Date.parse('2026-03-07T01:00:00.000Z'));
  let stationAdmin: ApiClient;
  let volunteer: ApiClient;
  let stationId: string;
  let otherStationId: string;

  const record = (title: string, startTime: string) =>
    stationAdmin.post('/api/forms/activity-record/submissions', { orgUnitId: stationId, data: { title, category: '理论政策宣讲', startTime, place: '村委会', photos: ['photo-1'] } });

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { clock, engine: false, overrides: { sessionTtlMs: 24 * 60 * minute } });
    stationAdmin = await signIn(server.baseUrl, 'station.admin');
    volunteer = await signIn(server.baseUrl, 'volunteer1');
    stationId = (await stationAdmin.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
    otherStationId = (await (await signIn(server.baseUrl, 'station.admin2')).get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('marks a planned activity done by a record starting that China month or a check-in window under its title', async () => {
    const filed = await stationAdmin.post('/api/activity-plans', {
      orgUnitId: stationId,
      year: 2026,
      month: 3,
      title: '三月活动安排',
      items: [{ title: '周六村道清扫', date: '2026-03-07' }, { title: '政策宣讲进村' }, { title: '健康义诊', category: '医疗卫生' }],
    });
    expect(filed.status).toBe(201);
    expect((await record('政策宣讲进村 ', '2026-03-05T02:00:00.000Z')).status).toBe(201);
    // 2026-02-28 23:00 in China: February, so 健康义诊 is not done in March.
    expect((await record('健康义诊', '2026-02-28T15:00:00.000Z')).status).toBe(201);
    // 2026-03-01 01:00 in China: March, and not in the plan.
    expect((await record('植树', '2026-02-28T17:00:00.000Z')).status).toBe(201);
    const opened = await stationAdmin.post<Session>('/api/attendance-sessions', { orgUnitId: stationId, title: '周六村道清扫', validMinutes: 30 });
    expect(opened.status).toBe(201);

    const progress = await stationAdmin.get<Progress>(`/api/activity-plans/progress?orgUnitId=${stationId}&year=2026&month=3`);
    expect(progress.status).toBe(200);
    expect(progress.body.plan?.title).toBe('三月活动安排');
    expect(progress.body.items.map((item) => [item.title, item.done.map((d) => d.kind)])).toEqual([
      ['周六村道清扫', ['attendance']],
      ['政策宣讲进村', ['record']],
      ['健康义诊', []],
    ]);
    expect(progress.body.unplanned.map((d) => [d.kind, d.title, d.at])).toEqual([['record', '植树', '2026-02-28T17:00:00.000Z']]);
    expect(progress.body).toMatchObject({ planned: 3, completed: 2 });

    const february = await stationAdmin.get<Progress>(`/api/activity-plans/progress?orgUnitId=${stationId}&year=2026&month=2`);
    expect(february.body).toMatchObject({ plan: null, items: [], planned: 0, completed: 0 });
    expect(february.body.unplanned.map((d) => d.title)).toEqual(['健康义诊']);
  });

  it('lists a unit’s check-in windows with how many checked in, the open ones while open', async () => {
    clock.advance(minute);
    const opened = await stationAdmin.post<Session>('/api/attendance-sessions', { orgUnitId: stationId, title: '文艺汇演彩排', validMinutes: 30 });
    expect((await volunteer.post('/api/attendance/check-in', { code: opened.body.code })).status).toBe(200);
    const open = await stationAdmin.get<{ items: Session[] }>(`/api/attendance-sessions?orgUnitId=${stationId}&open=1`);
    expect(open.status).toBe(200);
    expect(open.body.items.find((s) => s.id === opened.body.id)).toMatchObject({ code: opened.body.code, checkedIn: 1 });
    clock.advance(31 * minute);
    const later = await stationAdmin.get<{ items: Session[] }>(`/api/attendance-sessions?orgUnitId=${stationId}&open=1`);
    expect(later.body.items.map((s) => s.id)).not.toContain(opened.body.id);
    const all = await stationAdmin.get<{ items: Session[] }>(`/api/attendance-sessions?orgUnitId=${stationId}`);
    expect(all.body.items.map((s) => s.title)).toEqual(['文艺汇演彩排', '周六村道清扫']);
  });

  it('answers only for units one oversees, and refuses bad months with a pointer', async () => {
    expect((await stationAdmin.get(`/api/activity-plans/progress?orgUnitId=${otherStationId}&year=2026&month=3`)).status).toBe(404);
    expect((await volunteer.get(`/api/activity-plans/progress?orgUnitId=${stationId}&year=2026&month=3`)).status).toBe(404);
    expect((await volunteer.get(`/api/attendance-sessions?orgUnitId=${stationId}`)).status).toBe(404);
    const bad = await stationAdmin.get<{ errors: { pointer: string }[] }>(`/api/activity-plans/progress?orgUnitId=${stationId}&year=2026&month=13`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.pointer)).toEqual(['/query/month']);
  });
});
