import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingPublications, startNeedsPublisher, type NeedsPublisher } from '../../../server/needs/publisher';
import { newId } from '../../../server/util/ids';
import { signIn, type ApiClient } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { queryPlan } from '../support/plan';
import { startServer, TestClock, type RunningServer } from '../support/server';
import { me, newPerson, units } from './support';

interface Problem {
  type: string;
  status: number;
  errors?: { pointer: string; code: string }[];
  rule?: string;
}
interface Survey {
  id: string;
  open: boolean;
  version: number;
  targetUnitIds: string[];
  form?: { key: string };
}
interface Cell {
  category: string;
  orgUnitId: string;
  targetGroup: string;
  count: number;
  urgent: number;
}
interface Proposal {
  id: string;
  instanceId: string;
  state: string;
  status: string;
  serviceItemKey: string;
  serviceItemVersion: number | null;
  responseIds: string[];
}
interface Instance {
  id: string;
  state: string;
  version: number;
}

const hour = 3_600_000;

describe.each(DIALECTS)('needs collection → 制单 → menu item on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let publisher: NeedsPublisher;
  const clock = new TestClock();
  let district: ApiClient;
  let institute: ApiClient;
  let stationAdmin: ApiClient;
  let stationAdmin2: ApiClient;
  let resident2: ApiClient;
  let proxy: ApiClient;
  let resident: ApiClient;
  let outsider: ApiClient;
  let station1: string;
  let station2: string;
  let institute1: string;

  /** What a refused request must leave as it was. */
  async function counts() {
    const db = database.handle.db;
    const n = async (table: 'needs_responses' | 'needs_surveys' | 'need_proposals' | 'workflow_instances' | 'audit_log' | 'definitions') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { responses: await n('needs_responses'), surveys: await n('needs_surveys'), proposals: await n('need_proposals'), instances: await n('workflow_instances'), audit: await n('audit_log'), definitions: await n('definitions') };
  }

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { clock });
    // The publisher as main.ts runs it, driven by hand here so the test decides when it runs.
    publisher = startNeedsPublisher({ database: database.handle, clock: clock.now, log: (_m, error) => server.errors.push(error) }, 3_600_000);
    district = await signIn(server.baseUrl, 'district.admin');
    institute = await signIn(server.baseUrl, 'institute.admin');
    stationAdmin = await signIn(server.baseUrl, 'station.admin');
    stationAdmin2 = await signIn(server.baseUrl, 'station.admin2');
    proxy = await signIn(server.baseUrl, 'proxy.orderer');
    resident = await signIn(server.baseUrl, 'resident1');
    station1 = (await me(resident)).roles[0]!.orgUnitId;
    station2 = (await me(stationAdmin2)).roles[0]!.orgUnitId;
    institute1 = (await me(institute)).roles[0]!.orgUnitId;
    // A resident of the second station, signed up by the district over the API.
    resident2 = (await newPerson(server.baseUrl, district, 'resident', station2)).client;
    // A resident of a station of the other institute: the survey does not ask them.
    const institute2 = (await me(await signIn(server.baseUrl, 'institute.admin2'))).roles[0]!.orgUnitId;
    const elsewhere = (await units(district)).find((unit) => unit.parentId === institute2 && unit.level === 'station')!;
    outsider = (await newPerson(server.baseUrl, district, 'resident', elsewhere.id)).client;
  });
  afterAll(async () => {
    await publisher.stop();
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('turns needs answered at two stations into an approved menu item a resident then orders, with the needs behind it on record', async () => {
    const opensAt = new Date(clock.nowMs - hour).toISOString();
    const closesAt = new Date(clock.nowMs + 7 * 24 * hour).toISOString();

    // A station admin may not publish a survey; the institute may, to its own stations only.
    expect((await stationAdmin.post<Problem>('/api/needs/surveys', { title: '问需', targetUnitIds: [station1], opensAt, closesAt })).status).toBe(403);
    const badPeriod = await institute.post<Problem>('/api/needs/surveys', { title: '一季度问需', targetUnitIds: [station1], opensAt: closesAt, closesAt: opensAt });
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.errors).toEqual([expect.objectContaining({ pointer: '/closesAt' })]);
    const notASurveyForm = await institute.post<Problem>('/api/needs/surveys', { title: '一季度问需', formKey: 'reason', targetUnitIds: [station1], opensAt, closesAt });
    expect(notASurveyForm.status).toBe(400);
    expect(notASurveyForm.body.errors![0]).toMatchObject({ pointer: '/formKey', code: 'not-a-survey-form' });

    const published = await institute.post<Survey>('/api/needs/surveys', { title: '2026 年一季度群众需求征集', targetUnitIds: [station1, station2], opensAt, closesAt });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ open: true, targetUnitIds: [station1, station2] });
    const surveyId = published.body.id;

    // The resident sees the survey and its form (the phone page renders it).
    const seen = await resident.get<Survey>(`/api/needs/surveys/${surveyId}`);
    expect(seen.body.form).toMatchObject({ key: 'needs-survey' });
    expect((await resident.get<{ items: Survey[] }>('/api/needs/surveys')).body.items.map((s) => s.id)).toContain(surveyId);
    // Not asked, not overseeing: the survey does not exist for them.
    expect((await outsider.get<{ items: Survey[] }>('/api/needs/surveys')).body.items.map((s) => s.id)).not.toContain(surveyId);
    expect((await outsider.get(`/api/needs/surveys/${surveyId}`)).status).toBe(404);
    expect((await stationAdmin2.get<{ items: Survey[] }>('/api/needs/surveys')).body.items.map((s) => s.id)).toContain(surveyId);

    const answer = (client: ApiClient, body: Record<string, unknown>) => client.post<Problem & { id: string; orgUnitId: string }>(`/api/needs/surveys/${surveyId}/responses`, body);
    const elderlyCare = { category: 'medical-service', targetGroup: 'elderly', description: '村里独居老人多，希望定期上门量血压', urgency: 'normal' };

    // Bad data: 400 with pointers into the data, nothing stored.
    let before = await counts();
    const invalid = await answer(resident, { data: { category: 'not-a-category', description: '好' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors!.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/data/category', '/data/targetGroup', '/data/description']));
    // A resident of a unit the survey does not ask: 403, nothing stored.
    expect((await answer(outsider, { data: elderlyCare })).status).toBe(403);
    expect(await counts()).toEqual(before);

    expect((await answer(resident, { data: { ...elderlyCare, contactPhone: '13900000000' } })).status).toBe(201);
    const byProxy = await answer(proxy, { data: { ...elderlyCare, description: '王大爷腿脚不便，想请医生上门', urgency: 'urgent' }, onBehalfOf: '王大爷' });
    expect(byProxy.status).toBe(201);
    expect(byProxy.body.orgUnitId).toBe(station1);
    const atStation2 = await answer(resident2, { data: { ...elderlyCare, description: '光明村老人希望有健康讲座和义诊' } });
    expect(atStation2.status).toBe(201);
    expect(atStation2.body.orgUnitId).toBe(station2);
    expect((await answer(resident, { data: { category: 'education-support', targetGroup: 'children', description: '放学后孩子没人辅导作业' } })).status).toBe(201);
    // A resident answers only for themselves: on behalf of someone else is a proxy's job.
    expect((await answer(resident, { data: elderlyCare, onBehalfOf: '邻居' })).status).toBe(403);

    // Aggregated by category × unit × target group. The institute sees both stations, a station only its own.
    const aggregate = await institute.get<{ total: number; cells: Cell[] }>(`/api/needs/surveys/${surveyId}/aggregate`);
    expect(aggregate.status).toBe(200);
    expect(aggregate.body.total).toBe(4);
    expect(aggregate.body.cells.map(({ category, orgUnitId, targetGroup, count, urgent }) => ({ category, orgUnitId, targetGroup, count, urgent }))).toEqual([
      { category: 'medical-service', orgUnitId: station1, targetGroup: 'elderly', count: 2, urgent: 1 },
      { category: 'education-support', orgUnitId: station1, targetGroup: 'children', count: 1, urgent: 0 },
      { category: 'medical-service', orgUnitId: station2, targetGroup: 'elderly', count: 1, urgent: 0 },
    ]);
    const stationView = await stationAdmin.get<{ total: number; cells: Cell[] }>(`/api/needs/surveys/${surveyId}/aggregate`);
    expect(stationView.body.total).toBe(3);
    expect(new Set(stationView.body.cells.map((cell) => cell.orgUnitId))).toEqual(new Set([station1]));
    expect((await resident.get(`/api/needs/surveys/${surveyId}/aggregate`)).status).toBe(403);
    // The station sees its residents' phone numbers; nobody sees other stations' answers.
    const answers = await stationAdmin.get<{ items: { data: { contactPhone?: string } }[] }>(`/api/needs/surveys/${surveyId}/responses?category=medical-service`);
    expect(answers.body.items).toHaveLength(2);
    expect(answers.body.items.map((item) => item.data.contactPhone).filter(Boolean)).toEqual(['13900000000']);

    // 制单 from two aggregate cells. A bad proposal (unknown category) is a 422 naming the item field, and starts nothing.
    const cells = [
      { category: 'medical-service', orgUnitId: station1, targetGroup: 'elderly' },
      { category: 'medical-service', orgUnitId: station2, targetGroup: 'elderly' },
    ];
    const item = { titleZh: '银龄健康上门', titleEn: 'Health visits for older people', category: 'medical-service', descriptionZh: '医护志愿者定期上门为独居老人量血压、讲健康知识', targetGroups: ['elderly'], deliveryModes: ['onSite'], providerTeamTypes: ['civility'] };
    before = await counts();
    const lintRefused = await institute.post<Problem>('/api/needs/proposals', { orgUnitId: institute1, surveyId, cells, item: { ...item, category: 'no-such-category' } });
    expect(lintRefused.status).toBe(422);
    expect(lintRefused.body.errors!.map((e) => e.pointer)).toContain('/item/category');
    expect((await institute.post<Problem>('/api/needs/proposals', { orgUnitId: institute1, surveyId, item })).status).toBe(400);
    expect((await stationAdmin.post<Problem>('/api/needs/proposals', { orgUnitId: institute1, surveyId, cells, item })).status).toBe(403);
    expect(await counts()).toEqual(before);

    const proposed = await institute.post<Proposal>('/api/needs/proposals', { orgUnitId: institute1, surveyId, cells, item: { ...item, key: 'silver-health-visits' } });
    expect(proposed.status).toBe(201);
    // The institute's own proposal counts as reviewed: it goes straight to the center.
    expect(proposed.body).toMatchObject({ state: 'district_approval', status: 'proposed', serviceItemKey: 'silver-health-visits' });
    expect(proposed.body.responseIds).toHaveLength(3);
    const { instanceId } = proposed.body;

    // Approval through the ordinary instance commands (the staff's inboxes).
    const command = async (client: ApiClient, id: string, event: string, data?: Record<string, unknown>) => {
      const current = await client.get<Instance>(`/api/instances/${id}`);
      return client.post<Instance & Problem>(`/api/instances/${id}/commands`, { event, ...(data === undefined ? {} : { data }) }, { headers: { 'if-match': `"${current.body.version}"` } });
    };
    expect((await command(institute, instanceId, 'approve')).status).toBe(403);
    const districtInbox = await district.get<{ items: { instanceId: string }[] }>('/api/tasks?mine=1');
    expect(districtInbox.body.items.map((task) => task.instanceId)).toContain(instanceId);

    // A station's proposal from its own answers: its institute reviews it, and the center may still say no.
    const fromStation = await stationAdmin.post<Proposal>('/api/needs/proposals', { orgUnitId: station1, surveyId, cells, item: { ...item, key: 'station-health-corner', titleZh: '红星村健康角' } });
    expect(fromStation.status).toBe(201);
    expect(fromStation.body).toMatchObject({ state: 'institute_review', responseIds: expect.any(Array) });
    // The other station's cell is outside its scope: only its own two answers were taken.
    expect(fromStation.body.responseIds).toHaveLength(2);
    expect((await command(stationAdmin, fromStation.body.instanceId, 'approve')).status).toBe(403);
    expect((await command(institute, fromStation.body.instanceId, 'approve')).body.state).toBe('district_approval');
    expect((await command(district, fromStation.body.instanceId, 'reject', { reason: '与银龄健康上门重复' })).body.state).toBe('rejected');
    expect((await stationAdmin.get<Proposal>(`/api/needs/proposals/${fromStation.body.id}`)).body.status).toBe('rejected');

    // Not in the menu before approval: the publisher has nothing to do.
    expect(await publisher.runOnce()).toBe(0);
    expect((await district.get(`/api/definitions/serviceItem/silver-health-visits`)).status).toBe(404);
    expect((await command(district, instanceId, 'approve')).body.state).toBe('approved');

    // On approval the server publishes the item into the menu, once.
    expect(await publisher.runOnce()).toBe(1);
    expect(await publisher.runOnce()).toBe(0);
    const menuItem = await resident.get<{ status: string; version: number }>('/api/definitions/serviceItem/silver-health-visits');
    expect(menuItem.status).toBe(200);
    expect(JSON.stringify(menuItem.body)).toContain('银龄健康上门');
    const after = await institute.get<Proposal>(`/api/needs/proposals/${proposed.body.id}`);
    expect(after.body).toMatchObject({ status: 'published', serviceItemVersion: 1, state: 'approved' });

    // The needs behind the menu item: three answers at two stations.
    const origins = await institute.get<{ origins: { needs: { orgUnitId: string; description: string | null }[] }[] }>('/api/service-items/silver-health-visits/origins');
    expect(origins.status).toBe(200);
    expect(origins.body.origins).toHaveLength(1);
    const needs = origins.body.origins[0]!.needs;
    expect(needs.map((need) => need.orgUnitId).sort()).toEqual([station1, station1, station2].sort());
    expect(needs.every((need) => need.description !== null)).toBe(true);
    // Someone who does not oversee the stations sees where the needs came from, not the residents' words.
    const publicView = await outsider.get<{ origins: { needs: { description: string | null }[] }[] }>('/api/service-items/silver-health-visits/origins');
    expect(publicView.body.origins[0]!.needs.map((need) => need.description)).toEqual([null, null, null]);
    expect((await institute.get<{ origins: unknown[] }>('/api/service-items/warm-sunset/origins')).body.origins).toEqual([]);

    // A resident orders the new menu item.
    const order = await resident.post<Instance>('/api/instances', { workflow: 'five-order', orgUnitId: station1, data: { serviceItem: 'silver-health-visits', description: '想请医生每月上门量一次血压' } });
    expect(order.status).toBe(201);
    expect(order.body.state).toBe('submitted');

    // A second proposal may not take a key the menu already has.
    expect((await institute.post<Problem>('/api/needs/proposals', { orgUnitId: institute1, surveyId, cells, item: { ...item, key: 'silver-health-visits' } })).status).toBe(409);
  });

  it('refuses answers after the survey closes, and a closed survey stays closed', async () => {
    const opensAt = new Date(clock.nowMs - hour).toISOString();
    const closesAt = new Date(clock.nowMs + 10 * 60_000).toISOString();
    const survey = (await district.post<Survey>('/api/needs/surveys', { title: '短期问需', targetUnitIds: [institute1], opensAt, closesAt })).body;
    const data = { category: 'culture-arts', targetGroup: 'youth', description: '希望周末有文艺培训' };
    expect((await resident.post(`/api/needs/surveys/${survey.id}/responses`, { data })).status).toBe(201);

    // Past the close, within the sessions' lifetime.
    clock.advance(20 * 60_000);
    const before = await counts();
    const late = await resident.post<Problem>(`/api/needs/surveys/${survey.id}/responses`, { data });
    expect(late.status).toBe(422);
    expect(late.headers.get('content-type')).toContain('application/problem+json');
    expect(late.body).toMatchObject({ type: '/problems/survey-closed', rule: 'survey-period' });
    expect(late.body.errors![0]!.pointer).toBe('/path/id');
    expect(await counts()).toEqual(before);
    expect((await resident.get<Survey>(`/api/needs/surveys/${survey.id}`)).body.open).toBe(false);

    // Closing early: only the publisher's side, with If-Match.
    const another = (await district.post<Survey>('/api/needs/surveys', { title: '再次问需', targetUnitIds: [station1], opensAt: clock.now().toISOString(), closesAt: new Date(clock.nowMs + 24 * hour).toISOString() })).body;
    expect((await district.post(`/api/needs/surveys/${another.id}/close`)).status).toBe(428);
    expect((await stationAdmin.post(`/api/needs/surveys/${another.id}/close`, undefined, { headers: { 'if-match': '"1"' } })).status).toBe(403);
    const closed = await district.post<Survey>(`/api/needs/surveys/${another.id}/close`, undefined, { headers: { 'if-match': '"1"' } });
    expect(closed.status).toBe(200);
    expect(closed.body.open).toBe(false);
    expect((await resident.post(`/api/needs/surveys/${another.id}/responses`, { data })).status).toBe(422);
  });

  it('records a failed publication, and publishes nothing, when the registry changed between proposal and approval', async () => {
    const now = clock.nowMs;
    const survey = (await institute.post<Survey>('/api/needs/surveys', { title: '法律需求', targetUnitIds: [station1], opensAt: new Date(now - hour).toISOString(), closesAt: new Date(now + 24 * hour).toISOString() })).body;
    const answer = await resident.post<{ id: string }>(`/api/needs/surveys/${survey.id}/responses`, { data: { category: 'legal-service', targetGroup: 'farmers', description: '土地流转合同想找人看看' } });
    const proposed = await institute.post<Proposal>('/api/needs/proposals', {
      orgUnitId: institute1,
      surveyId: survey.id,
      responseIds: [answer.body.id],
      item: { key: 'land-contract-review', titleZh: '土地合同审读', category: 'legal-service', descriptionZh: '律师志愿者帮村民审读土地流转合同', targetGroups: ['farmers'], deliveryModes: ['atStation'] },
    });
    expect(proposed.status).toBe(201);
    // The category leaves the registry while the proposal is in approval.
    expect((await district.post('/api/definitions/serviceCategory/legal-service/versions/1/retire')).status).toBe(200);
    const id = proposed.body.instanceId;
    // The institute's own proposal waits for the center only.
    const current = await district.get<Instance>(`/api/instances/${id}`);
    expect((await district.post<Instance>(`/api/instances/${id}/commands`, { event: 'approve' }, { headers: { 'if-match': `"${current.body.version}"` } })).body.state).toBe('approved');
    expect(await publisher.runOnce()).toBe(0);
    expect((await institute.get<Proposal>(`/api/needs/proposals/${proposed.body.id}`)).body).toMatchObject({ status: 'failed', serviceItemVersion: null, state: 'approved' });
    expect((await district.get('/api/definitions/serviceItem/land-contract-review')).status).toBe(404);
    expect((await institute.get<{ origins: unknown[] }>('/api/service-items/land-contract-review/origins')).body.origins).toEqual([]);
    // Handled once: a later pass does not retry it.
    expect(await publisher.runOnce()).toBe(0);
  });

  it('looks for waiting publications through their own index, past every other record effect left undelivered', async () => {
    const db = database.handle.db;
    // Other record effects (service records, ratings) stay undelivered for good: the lookup walked them all,
    // 35 ms every second at 200,000. Put some in front of the publications, on a proposal's instance.
    const proposal = await db.selectFrom('need_proposals').select('instance_id').executeTakeFirstOrThrow();
    const old = new Date(clock.nowMs - 86_400_000).toISOString();
    const others = Array.from({ length: 60 }, () => ({ id: newId(), instance_id: proposal.instance_id, kind: 'record', payload: JSON.stringify({ type: 'record', record: 'serviceRecord', data: {} }), created_at: old, delivered_at: null, attempts: 0, version: 1, fanned_out_at: null }));
    await db.insertInto('outbox').values(others).execute();
    const query = pendingPublications(db, database.handle.capabilities);
    expect(await query.execute()).toEqual([]);
    const plan = await queryPlan(db, dialect.name, query);
    expect(plan).toContain('outbox_publications_pending');
    expect(plan).not.toMatch(/^SCAN outbox$|Seq Scan on outbox/m);
    await db.deleteFrom('outbox').where('id', 'in', others.map((row) => row.id)).execute();
  });
});
