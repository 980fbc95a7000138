/**
 * The part-B screens' calls against the real server (SQLite, seeded): names looked up in batches, teams
 * with their load, a check-in window opened, joined by code and read back, the month's plan against done.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError, type Client } from '../../../studio/api/client';
import { authApi } from '../../../studio/api/endpoints';
import { NameBook } from '../../../studio/workspace/records/user-names';
import { checkInRefusal, recordsApi } from '../../../studio/workspace/records/records-api';
import { rankForDispatch, teamsWithStats } from '../../../studio/workspace/team-stats';
import { browserLikeClient } from '../browser-like-client';
import { DIALECTS, type TestDatabase } from '../../server/support/dialects';
import { startServer, type RunningServer } from '../../server/support/server';

let database: TestDatabase;
let server: RunningServer;
const ids = new Map<string, string>();

beforeAll(async () => {
  database = await DIALECTS.find((d) => d.name === 'sqlite')!.create();
  server = await startServer(database.handle, { engine: false });
  for (const row of await database.handle.db.selectFrom('users').select(['id', 'username']).execute()) ids.set(row.username, row.id);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.destroy();
});

async function signedIn(username: string): Promise<Client> {
  const client = browserLikeClient(server.baseUrl);
  await authApi(client).login(username, 'shijian-demo');
  return client;
}

describe('part-B calls against the server', () => {
  test('names come in batches of 100, once per id; ids the reader may not see stay unnamed', async () => {
    const client = await signedIn('station.admin');
    let requests = 0;
    const counting: Client = { ...client, get: (path, options) => ((requests += 1), client.get(path, options)) };
    const book = new NameBook(counting);
    const wanted = [...Array.from({ length: 148 }, (_, i) => `nobody-${i}`), ids.get('volunteer1')!, ids.get('district.admin')!];
    await book.resolve(wanted);
    expect(requests).toBe(2);
    expect(book.name(ids.get('volunteer1')!)).toBe('志愿者 一');
    expect(book.name(ids.get('district.admin')!)).toBeUndefined();
    expect(book.name('nobody-3')).toBeUndefined();
    await book.resolve(wanted);
    expect(requests).toBe(2);
  });

  test('teams come with their load and record, and rank least busy first', async () => {
    const teams = (await teamsWithStats(await signedIn('station.admin'))).items;
    expect(teams.length).toBeGreaterThan(0);
    for (const team of teams) expect(team.stats).toEqual({ openOrders: 0, completed30d: 0, averageRating: null, ratedOrders: 0, onTimeRate: null });
    expect(rankForDispatch(teams)).toHaveLength(teams.length);
  });

  test('an organiser opens a window, a volunteer checks in by its code, the organiser reads them back and the plan counts it', async () => {
    const organiser = recordsApi(await signedIn('station.admin'));
    const volunteer = recordsApi(await signedIn('volunteer1'));
    const unit = (await database.handle.db.selectFrom('role_memberships').select('org_unit_id').where('user_id', '=', ids.get('station.admin')!).executeTakeFirstOrThrow()).org_unit_id;
    const opened = await organiser.openSession(unit, '健康义诊', 30);
    const refused = await volunteer.checkIn(opened.code === '999999' ? '999998' : '999999').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(checkInRefusal(refused)).toBe('badCode');
    expect(checkInRefusal(await volunteer.checkOut(opened.code).catch((error: unknown) => error))).toBe('notCheckedIn');
    expect(await volunteer.checkIn(opened.code)).toMatchObject({ sessionId: opened.id, title: '健康义诊', checkOutAt: null });
    const session = await organiser.session(opened.id);
    expect(session.attendance.map((row) => row.userId)).toEqual([ids.get('volunteer1')]);
    expect((await organiser.sessions(unit)).items.find((s) => s.id === opened.id)?.checkedIn).toBe(1);

    // The month in China of the server's clock, when the window above opened.
    const now = new Date(server.deps.clock().getTime() + 8 * 3_600_000);
    const [year, month] = [now.getUTCFullYear(), now.getUTCMonth() + 1];
    await organiser.filePlan({ orgUnitId: unit, year, month, title: '本月安排', items: [{ title: '健康义诊' }, { title: '文艺汇演' }] });
    const progress = await organiser.progress(unit, year, month);
    expect(progress.items.map((item) => [item.title, item.done.length])).toEqual([
      ['健康义诊', 1],
      ['文艺汇演', 0],
    ]);
    expect(progress).toMatchObject({ planned: 2, completed: 1 });
  });
});
