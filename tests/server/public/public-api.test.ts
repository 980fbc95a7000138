/**
 * The public pages' API, logged out, on both dialects, over demo data with orders, a volunteer registry,
 * service hours, plans, activity records and one published tier: the answers are right, cached (ETag,
 * Cache-Control, 304), never depend on who asks, and never carry a phone number, ID number or private
 * person's name found anywhere in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signIn } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { startServer, type RunningServer } from '../support/server';
import { publishOneTier } from './publish-tier';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 9, 9, 9]);

interface Figures {
  volunteers: number;
  volunteerHours: number;
  ordersServed: number;
  ratings: number;
  satisfaction: number | null;
}

async function me(client: ApiClient) {
  return (await client.get<{ user: { id: string; roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user;
}

describe.each(DIALECTS)('public pages API, logged out, on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let anonymous: ApiClient;
  let stationId: string;
  let instituteId: string;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { orders: true });
    anonymous = new ApiClient(server.baseUrl);
    const stationAdmin = await signIn(server.baseUrl, 'station.admin');
    const resident = await signIn(server.baseUrl, 'resident1');
    const volunteer = await signIn(server.baseUrl, 'volunteer1');
    stationId = (await me(stationAdmin)).roles[0]!.orgUnitId;
    instituteId = (await stationAdmin.get<{ parentId: string }>(`/api/org-units/${stationId}`)).body.parentId;

    // Personal data in every place it can live: order input, a volunteer registration, a team registration.
    for (const [index, phone] of ['13712340001', '13712340002'].entries()) {
      const order = { description: `上门理发 ${index}`, beneficiaryName: `赵桂兰${index}`, beneficiaryPhone: phone, address: `红星村四组 ${index + 20} 号`, urgency: 'normal' };
      expect((await resident.post('/api/instances', { workflow: 'five-order', orgUnitId: stationId, data: order })).status).toBe(201);
    }
    const registration = { realName: '钱晓梅', idType: 'residentId', idNumber: '620602199305051234', gender: 'female', phone: '13811112222', residenceUnit: stationId, consent: true, availability: ['weekend'], nationalVolunteerId: 'NV-620602-0001' };
    expect((await volunteer.post('/api/forms/volunteer-registration/submissions', { orgUnitId: stationId, data: registration })).status).toBe(201);
    const team = { name: '红星村理论宣讲队', teamType: 'theory-lecture', level: 'village', orgUnit: stationId, leaderName: '孙建国', leaderPhone: '13922223333', memberCount: 8, serviceCategories: ['theory-policy'] };
    const teamResponse = await stationAdmin.post('/api/forms/team-registration/submissions', { orgUnitId: stationId, data: team });
    expect([201, 400]).toContain(teamResponse.status);

    // Service hours, final; a plan item and an activity record ahead of the test clock (2026-03-02).
    const volunteerId = (await me(volunteer)).id;
    const record = await stationAdmin.post<{ id: string; version: number }>('/api/service-records', { orgUnitId: stationId, volunteerId, activityDate: '2026-03-01', hours: 2.5, description: '协助钱晓梅整理院落' });
    expect(record.status).toBe(201);
    let version = record.body.version;
    for (const action of ['notice', 'finalise']) {
      const changed = await stationAdmin.post<{ version: number }>(`/api/service-records/${record.body.id}/changes`, { action }, { headers: { 'if-match': `"${version}"` } });
      expect(changed.status, changed.text).toBe(200);
      version = changed.body.version;
    }
    expect((await stationAdmin.post('/api/activity-plans', { orgUnitId: stationId, year: 2026, month: 3, title: '3月活动安排', items: [{ title: '学雷锋志愿服务日', date: '2026-03-05', category: 'charity-volunteering' }, { title: '已经过去的活动', date: '2026-03-01' }] })).status).toBe(201);
    const photo = (await stationAdmin.post<{ id: string }>('/api/attachments?fileName=a.png', undefined, { raw: png, headers: { 'content-type': 'image/png' } })).body.id;
    const activity = { title: '防诈骗宣讲进村', source: 'plan', category: 'theory-policy', startTime: '2026-03-10T09:00:00+08:00', endTime: '2026-03-10T11:00:00+08:00', place: '村文化广场', photos: [photo] };
    expect((await stationAdmin.post('/api/forms/activity-record/submissions', { orgUnitId: stationId, data: activity })).status).toBe(201);
    await publishOneTier(server.baseUrl, stationAdmin);
  }, 120_000);
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  const endpoints = () => ['/api/public/units', `/api/public/units/${stationId}`, `/api/public/units/${instituteId}`, '/api/public/tiers', '/api/public/tiers?year=2026', '/api/public/menu', '/api/public/figures'];

  it('every public endpoint answers 200 without a session, with an ETag and Cache-Control, gzipped when accepted, and no cookie', async () => {
    for (const path of endpoints()) {
      const response = await anonymous.get(path);
      expect(response.status, `${path}: ${response.text.slice(0, 200)}`).toBe(200);
      expect(response.headers.get('etag'), path).toMatch(/^W\/"[^"]+"$/);
      expect(response.headers.get('content-encoding'), path).toBe('gzip');
      const plain = await anonymous.get(path, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding'), path).toBeNull();
      expect(plain.text, path).toBe(response.text);
      expect(response.headers.get('cache-control'), path).toBe('public, max-age=60');
      expect(response.headers.getSetCookie(), path).toEqual([]);
    }
    // The rest of the API still wants a session.
    expect((await anonymous.get('/api/instances')).status).toBe(401);
  });

  it('a matching If-None-Match gets 304 with no body; the answer is the same signed in, with a garbage token, or not', async () => {
    const first = await anonymous.get('/api/public/tiers');
    const etag = first.headers.get('etag')!;
    const again = await anonymous.get('/api/public/tiers', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await anonymous.get('/api/public/tiers', { headers: { 'if-none-match': etag.replace(/^W\//, '') } })).status).toBe(304);
    expect(again.text).toBe('');
    expect((await anonymous.get('/api/public/tiers', { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
    const signedIn = await signIn(server.baseUrl, 'district.admin');
    for (const path of endpoints()) {
      const plain = await anonymous.get(path);
      expect((await signedIn.get(path)).text, path).toBe(plain.text);
      const garbage = await anonymous.get(path, { headers: { authorization: 'Bearer not-a-token' } });
      expect(garbage.status, path).toBe(200);
      expect(garbage.text, path).toBe(plain.text);
    }
    // Read-only: no method but GET exists there.
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await anonymous.request(method, '/api/public/menu', {})).status).toBeGreaterThanOrEqual(404);
  });

  it('tiers: the published tier of the station, with the year’s rubrics (sections and points add up)', async () => {
    const tiers = (await anonymous.get<{ year: number; years: number[]; rubrics: { level: string; totalPoints: number; sections: { points: number; items: { points: number }[] }[]; tiers: { key: string }[] }[]; units: { unitId: string; tier: string; status: string; level: string }[] }>('/api/public/tiers')).body;
    expect(tiers.year).toBe(2026);
    expect(tiers.years).toEqual([2026]);
    expect(tiers.units).toEqual([expect.objectContaining({ unitId: stationId, level: 'station', status: 'notice', tier: expect.stringMatching(/^(demonstration|standard|creation)$/) })]);
    expect(tiers.rubrics.map((rubric) => rubric.level).sort()).toEqual(['institute', 'station']);
    for (const rubric of tiers.rubrics) {
      expect(rubric.sections.length).toBeGreaterThan(0);
      expect(rubric.tiers.map((tier) => tier.key)).toContain('demonstration');
      for (const section of rubric.sections) expect(section.items.reduce((sum, item) => sum + item.points, 0)).toBeCloseTo(section.points, 5);
    }
    const none = (await anonymous.get<{ year: number; units: unknown[]; rubrics: unknown[] }>('/api/public/tiers?year=2024')).body;
    expect(none).toMatchObject({ year: 2024, units: [], rubrics: [] });
    const bad = await anonymous.get<{ errors: { pointer: string }[] }>('/api/public/tiers?year=abc');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });

  it('menu, units, figures and a unit page: the published menu, upcoming activities only, figures that add up', async () => {
    const menu = (await anonymous.get<{ categories: { key: string }[]; items: { key: string; category: string }[] }>('/api/public/menu')).body;
    expect(menu.categories.length).toBe(11);
    expect(menu.items.length).toBe(22);
    const categories = new Set(menu.categories.map((category) => category.key));
    for (const item of menu.items) expect(categories.has(item.category), item.key).toBe(true);

    const units = (await anonymous.get<{ units: { id: string; level: string }[] }>('/api/public/units')).body.units;
    expect(units.map((unit) => unit.id)).toEqual(expect.arrayContaining([stationId, instituteId]));

    const figures = (await anonymous.get<{ district: Figures; units: Record<string, Figures> }>('/api/public/figures')).body;
    const station = figures.units[stationId]!;
    const stationPath = (await database.handle.db.selectFrom('org_units').select('path').where('id', '=', stationId).executeTakeFirstOrThrow()).path;
    const finalHours = await database.handle.db.selectFrom('service_records').select(['hours', 'org_path', 'status']).execute();
    const expectedHours = finalHours.filter((row) => row.status === 'final' && row.org_path.startsWith(stationPath)).reduce((sum, row) => sum + Number(row.hours), 0);
    expect(expectedHours).toBeGreaterThanOrEqual(2.5);
    expect(station.volunteerHours).toBeCloseTo(expectedHours, 1);
    expect(station.ordersServed).toBeGreaterThan(0);
    expect(station.ratings).toBeGreaterThan(0);
    expect(station.satisfaction).toBeGreaterThanOrEqual(1);
    expect(station.volunteers).toBeGreaterThan(0);
    // A parent's figures cover its subtree: at least the station's, and the district's at least the institute's.
    const institute = figures.units[instituteId]!;
    for (const key of ['volunteers', 'volunteerHours', 'ordersServed', 'ratings'] as const) {
      expect(institute[key]).toBeGreaterThanOrEqual(station[key]);
      expect(figures.district[key]).toBeGreaterThanOrEqual(institute[key]);
    }

    const page = (await anonymous.get<{ unit: { id: string }; parent: { id: string }; upcoming: { title: string; start: string; place: string | null; unitId: string }[]; figures: Figures }>(`/api/public/units/${stationId}`)).body;
    expect(page.unit.id).toBe(stationId);
    expect(page.parent.id).toBe(instituteId);
    expect(page.figures).toEqual(station);
    expect(page.upcoming.map((activity) => activity.title)).toEqual(['学雷锋志愿服务日', '防诈骗宣讲进村']);
    expect(page.upcoming[1]).toMatchObject({ start: '2026-03-10T09:00:00+08:00', place: '村文化广场', unitId: stationId });
    // The institute's page lists its stations' activities too.
    expect((await anonymous.get<{ upcoming: unknown[] }>(`/api/public/units/${instituteId}`)).body.upcoming).toHaveLength(2);
    const missing = await anonymous.get('/api/public/units/no-such-unit');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
  });

  it('no phone number, ID number or private person’s name from the database appears in any public answer', async () => {
    const db = database.handle.db;
    const secrets = new Set<string>();
    const add = (value: unknown) => {
      if (typeof value === 'string' && value.trim().length >= 2 && value !== '***') secrets.add(value.trim());
      if (Array.isArray(value)) value.forEach(add);
    };
    for (const user of await db.selectFrom('users').select(['username', 'display_name']).execute()) {
      add(user.username);
      add(user.display_name);
    }
    // Every x-personal field of every published form, as stored in submissions and instance data.
    const personalKeys = new Set<string>();
    const collect = (schema: unknown, key?: string) => {
      if (schema === null || typeof schema !== 'object') return;
      const node = schema as { 'x-personal'?: boolean; properties?: Record<string, unknown>; items?: unknown };
      if (node['x-personal'] === true && key !== undefined) personalKeys.add(key);
      for (const [child, value] of Object.entries(node.properties ?? {})) collect(value, child);
      collect(node.items, key);
    };
    for (const row of await db.selectFrom('definitions').select('body').where('kind', '=', 'form').execute()) collect((JSON.parse(row.body) as { schema: unknown }).schema);
    expect([...personalKeys]).toEqual(expect.arrayContaining(['beneficiaryPhone', 'beneficiaryName', 'address', 'idNumber', 'phone', 'realName', 'leaderPhone', 'leaderName']));
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) (personalKeys.has(key) ? add(child) : walk(child));
    };
    for (const row of await db.selectFrom('form_submissions').select('data').execute()) walk(JSON.parse(row.data));
    for (const row of await db.selectFrom('workflow_instances').select(['snapshot', 'data']).execute()) {
      walk(JSON.parse(row.snapshot));
      walk(JSON.parse(row.data));
    }
    for (const row of await db.selectFrom('history').select('data').execute()) if (row.data !== null) walk(JSON.parse(row.data));
    for (const expected of ['13712340001', '赵桂兰0', '红星村四组 20 号', '620602199305051234', '13811112222', '钱晓梅', 'NV-620602-0001', '群众 一', 'resident1']) expect(secrets).toContain(expected);

    const answers = [];
    for (const path of endpoints()) answers.push([path, (await anonymous.get(path)).text] as const);
    answers.push(['/api/public/units (every unit page)', (await Promise.all((await anonymous.get<{ units: { id: string }[] }>('/api/public/units')).body.units.map(async (unit) => (await anonymous.get(`/api/public/units/${unit.id}`)).text))).join('\n')]);
    for (const [path, text] of answers) {
      for (const secret of secrets) expect(text.includes(secret), `${path} carries ${secret}`).toBe(false);
      // Ids are UUIDs: a run of 11 decimal digits inside one is chance, not a phone number.
      const withoutIds = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');
      expect(withoutIds, path).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
      expect(withoutIds, path).not.toMatch(/(?<!\d)\d{17}[\dXx](?!\d)/);
    }
  });
});
