import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/client';
import { DIALECTS, type TestDatabase } from './support/dialects';
import { startServer, type RunningServer } from './support/server';

describe.each(DIALECTS)('first start on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { orders: true });
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('publishes the whole Liangzhou pack and seeds orders in every state with real history', async () => {
    const db = database.handle.db;
    const definitions = await db.selectFrom('definitions').select(['kind', 'status']).execute();
    expect(new Set(definitions.map((d) => d.kind))).toEqual(new Set(['stationType', 'functionRoom', 'serviceCategory', 'serviceItem', 'teamType', 'form', 'workflow', 'rubric', 'bundle']));
    expect(definitions.every((d) => d.status === 'published')).toBe(true);
    const states = await db.selectFrom('workflow_instances').select('state').where('definition_key', '=', 'five-order').execute();
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(['submitted', 'pending_dispatch', 'dispatched', 'accepted', 'in_service', 'awaiting_rating', 'closed', 'rejected', 'cancelled', 'archived']));
    const teams = await db.selectFrom('teams').select('team_type').distinct().execute();
    expect(teams).toHaveLength(7);
    // Teams are named in Chinese after their town and type (黄羊镇文明风尚志愿服务队), never by a type's key.
    const names = (await db.selectFrom('teams').select('name').execute()).map((row) => row.name);
    expect(names.filter((name) => /[A-Za-z]/.test(name))).toEqual([]);
    expect(names).toContain('黄羊镇文明风尚志愿服务队');
    const rooms = await db.selectFrom('rooms').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(rooms.n)).toBeGreaterThan(60);
    const resident = await signIn(server.baseUrl, 'resident1');
    const mine = await resident.get<{ items: { state: string }[] }>('/api/instances?limit=200');
    expect(mine.body.items.length).toBe(states.length);
    // A finished order's completion photo is a real picture the resident can open.
    const done = (await resident.get<{ items: { id: string; state: string }[] }>('/api/instances?limit=200')).body.items.find((order) => order.state === 'closed')!;
    const photos = (await resident.get<{ data: { complete: { photos: string[] } } }>(`/api/instances/${done.id}`)).body.data.complete.photos;
    expect(photos).toHaveLength(1);
    const picture = await resident.get(`/api/attachments/${photos[0]}`);
    expect([picture.status, picture.headers.get('content-type'), picture.headers.get('content-length')]).toEqual([200, 'image/png', String(statSync(new URL('../../server/seed/demo-photo.png', import.meta.url)).size)]);
    const leader = await signIn(server.baseUrl, 'team.leader');
    const inbox = await leader.get<{ items: { state: string }[] }>('/api/tasks?mine=1');
    expect(inbox.body.items.map((t) => t.state).sort()).toEqual(['accepted', 'accepted', 'dispatched', 'dispatched', 'in_service', 'in_service']);
  });
});
