/**
 * The must-show of issue 6: a whole assessment cycle of the demo district driven only over HTTP by the
 * demo users, and the tier and explanation checked against the rubric engine run on the same data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRubric, explain, scoreUnit, type ReviewSheet } from '../../../runtime/rubric/index';
import { definitionSchemas } from '../../../runtime/schema/kinds';
import stationRubricJson from '../../../definitions/liangzhou/rubrics/station-rubric.json';
import { type ApiClient, signIn } from '../support/client';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { startServer, type RunningServer } from '../support/server';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 9, 9, 9]);

interface AssessmentView {
  id: string;
  orgUnitId: string;
  instance: { id: string; state: string; version: number; availableActions: string[] };
  metrics: Record<string, number>;
  reviews: { self: ReviewSheet | null; institute: ReviewSheet | null; district: Record<string, ReviewSheet>; amendment: ReviewSheet | null };
  current: { score: number; tier: string; assessorDisagreements: string[] };
  result: { score: number; tier: string } | null;
}

async function command(client: ApiClient, id: string, event: string, data?: unknown): Promise<AssessmentView> {
  const before = await client.get<AssessmentView>(`/api/assessments/${id}`);
  const response = await client.post<{ assessment: AssessmentView }>(`/api/assessments/${id}/commands`, { event, ...(data === undefined ? {} : { data }) }, { headers: { 'if-match': `"${before.body.instance.version}"` } });
  if (response.status !== 200) throw new Error(`${event} → ${response.status} ${response.text}`);
  return response.body.assessment;
}

describe.each(DIALECTS)('assessment cycle over HTTP on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let stationAdmin: ApiClient;
  let stationId: string;
  let cycleId: string;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle);
    stationAdmin = await signIn(server.baseUrl, 'station.admin');
    stationId = (await stationAdmin.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('runs open → self (evidence) → returned → resubmitted → institute → two assessors → approved → appealed → upheld → final', async () => {
    // Records filed at the station before opening feed the frozen metrics.
    const photo = (await stationAdmin.post<{ id: string }>('/api/attachments?fileName=activity.png', undefined, { raw: png, headers: { 'content-type': 'image/png' } })).body.id;
    for (const month of ['01', '02', '03']) {
      const activity = { title: `理论宣讲 ${month}`, source: 'plan', category: 'theory-policy', startTime: `2026-${month}-10T09:00:00+08:00`, place: '村文化广场', photos: [photo] };
      expect((await stationAdmin.post('/api/forms/activity-record/submissions', { orgUnitId: stationId, data: activity })).status).toBe(201);
    }
    const plan = (month?: number) => ({ orgUnitId: stationId, year: 2026, ...(month === undefined ? {} : { month }), title: month === undefined ? '2026年度活动计划' : `${month}月活动安排`, items: [{ title: '理论宣讲', category: 'theory-policy' }] });
    for (const body of [plan(), plan(1), plan(2), plan(3)]) expect((await stationAdmin.post('/api/activity-plans', body)).status).toBe(201);
    expect((await stationAdmin.post('/api/activity-plans', plan(3))).status).toBe(409);
    const meeting = { type: 'station-head-deploy', date: '2026-02-01', topic: '年度工作部署', chair: '站长', minutes: '部署全年文明实践活动' };
    expect((await stationAdmin.post('/api/forms/meeting-record/submissions', { orgUnitId: stationId, data: meeting })).status).toBe(201);

    const admin = await signIn(server.baseUrl, 'district.admin');
    const refused = await stationAdmin.post('/api/cycles', { year: 2026, rubrics: [{ key: 'station-rubric', version: 1 }], assessors: ['assessor1', 'assessor2'], deadlines: { selfAssessmentDue: '2026-11-30', reviewDue: '2026-12-10', scoringDue: '2026-12-20' } });
    expect(refused.status).toBe(403);
    const notAssessor = await admin.post<{ errors: { pointer: string }[] }>('/api/cycles', { year: 2026, rubrics: [{ key: 'station-rubric', version: 1 }], assessors: ['assessor1', 'volunteer1'], deadlines: { selfAssessmentDue: '2026-11-30', reviewDue: '2026-12-10', scoringDue: '2026-12-20' } });
    expect(notAssessor.status).toBe(400);
    expect(notAssessor.body.errors[0]!.pointer).toBe('/assessors/1');

    const opened = await admin.post<{ id: string; assessments: number; states: Record<string, number> }>('/api/cycles', {
      year: 2026,
      rubrics: [{ key: 'station-rubric', version: 1 }, { key: 'institute-rubric', version: 1 }],
      assessors: ['assessor1', 'assessor2'],
      deadlines: { selfAssessmentDue: '2026-11-30', reviewDue: '2026-12-10', scoringDue: '2026-12-20' },
      noticeDays: 5,
      appealDays: 5,
    });
    expect(opened.status).toBe(201);
    cycleId = opened.body.id;
    const twice = await admin.post<{ cycleId: string }>('/api/cycles', { year: 2026, rubrics: [{ key: 'station-rubric', version: 1 }], assessors: ['assessor1', 'assessor2'], deadlines: { selfAssessmentDue: '2026-11-30', reviewDue: '2026-12-10', scoringDue: '2026-12-20' } });
    expect(twice.status).toBe(409);
    expect(twice.body.cycleId).toBe(cycleId);
    expect((await admin.get<{ items: { id: string }[] }>('/api/cycles')).body.items.map((cycle) => cycle.id)).toContain(cycleId);
    expect((await (await signIn(server.baseUrl, 'resident1')).get('/api/cycles')).status).toBe(403);
    const units = (await admin.get<{ items: { level: string }[] }>('/api/org-units?limit=500')).body.items.filter((unit) => unit.level === 'station' || unit.level === 'institute');
    expect(opened.body.assessments).toBe(units.length);
    expect(opened.body.states).toEqual({ self_assessing: units.length });

    const mine = (await stationAdmin.get<{ items: { id: string; orgUnitId: string; instanceId: string }[] }>(`/api/assessments?cycleId=${opened.body.id}`)).body.items;
    expect(mine).toHaveLength(1);
    const id = mine[0]!.id;
    const other = await signIn(server.baseUrl, 'station.admin2');
    expect((await other.get(`/api/assessments/${id}`)).status).toBe(404);
    const inbox = await stationAdmin.get<{ items: { instanceId: string; dueAt: string | null }[] }>('/api/tasks?mine=1');
    // The cycle's self-assessment deadline, end of day in China time.
    expect(inbox.body.items.find((task) => task.instanceId === mine[0]!.instanceId)?.dueAt).toBe('2026-11-30T15:59:59.000Z');
    let view = (await stationAdmin.get<AssessmentView>(`/api/assessments/${id}`)).body;
    expect(view.instance.state).toBe('self_assessing');
    // Hand-counted from the records above: a plan for months 1–3, one category, one of two required deployments.
    expect(view.metrics['year-plan-filed']).toBe(1);
    expect([1, 2, 3, 4].map((month) => view.metrics[`month-arrangement-filed{"month":${month}}`])).toEqual([1, 1, 1, 0]);
    expect(view.metrics['activity-categories']).toBe(1);
    expect(view.metrics['meeting-cadence{"rules":[{"count":2,"per":"year","type":"station-head-deploy"}]}']).toBe(0.5);

    // Self-assessment with evidence; a sheet that does not fit the rubric is refused with pointers.
    const evidence = (await stationAdmin.post<{ id: string }>('/api/attachments?fileName=rules.png', undefined, { raw: png, headers: { 'content-type': 'image/png' } })).body.id;
    const bad = await stationAdmin.put<{ errors: { pointer: string }[] }>(`/api/assessments/${id}/reviews/self`, { items: { a5: { grade: 'Z' }, zz: { met: true }, a1: { met: true, evidence: ['no-such-attachment'] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.pointer).sort()).toEqual(['/items/a1/evidence/0', '/items/a5/grade', '/items/zz']);
    const selfSheet: ReviewSheet = {
      items: { a1: { met: true, evidence: [evidence] }, a5: { grade: 'A' }, b1: { met: true }, d2: { value: 5 }, e1: { ticked: ['work', 'volunteer', 'records'] }, e4: { grade: 'A' }, f1: { value: 5 } },
    };
    const assessor1 = await signIn(server.baseUrl, 'assessor1');
    expect((await assessor1.put(`/api/assessments/${id}/reviews/self`, selfSheet)).status).toBe(403);
    expect((await stationAdmin.put(`/api/assessments/${id}/reviews/self`, selfSheet)).status).toBe(200);
    const selfForm = { targetTier: 'demonstration', summary: '本站全年开展理论宣讲等活动，机制健全。', declaration: true, declarantName: '站长', attachments: [evidence] };
    const submitVersion = view.instance.version;
    const first = await stationAdmin.post<{ assessment: AssessmentView }>(`/api/assessments/${id}/commands`, { event: 'submit', data: selfForm }, { headers: { 'if-match': `"${submitVersion}"`, 'idempotency-key': 'submit-once-0001' } });
    expect(first.status).toBe(200);
    view = first.body.assessment;
    expect(view.instance.state).toBe('submitted');
    // A retried submit (lost response) replays the first answer and changes nothing.
    const retried = await stationAdmin.post<{ assessment: AssessmentView }>(`/api/assessments/${id}/commands`, { event: 'submit', data: selfForm }, { headers: { 'if-match': `"${submitVersion}"`, 'idempotency-key': 'submit-once-0001' } });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');

    // The institute returns it once for rework.
    const institute = await signIn(server.baseUrl, 'institute.admin');
    expect((await institute.post(`/api/assessments/${id}/commands`, { event: 'institute_approve' }, { headers: { 'if-match': `"${view.instance.version}"` } })).status).toBe(422);
    view = await command(institute, id, 'return', { reason: '佐证材料不全，请补充阵地照片' });
    expect(view.instance.state).toBe('self_assessing');
    expect((await stationAdmin.put(`/api/assessments/${id}/reviews/self`, { ...selfSheet, items: { ...selfSheet.items, a5: { grade: 'A', evidence: [evidence, photo] } } })).status).toBe(200);
    view = await command(stationAdmin, id, 'submit', selfForm);
    expect(view.instance.state).toBe('submitted');

    const instituteSheet: ReviewSheet = { items: { ...selfSheet.items, d2: { value: 3.5 } } };
    expect((await institute.put(`/api/assessments/${id}/reviews/institute`, instituteSheet)).status).toBe(200);
    view = await command(institute, id, 'institute_approve');
    expect(view.instance.state).toBe('district_review');

    // 转交 and 加签 offer people by name: other assessors where the signers are assessors, not the signers
    // themselves, nor the center's other staff or residents.
    const center = (await assessor1.get<{ user: { roles: { role: string; orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles.find((r) => r.role === 'assessor')!.orgUnitId;
    expect((await admin.post('/api/users', { username: 'assessor3', displayName: '考评组 成员三', password: 'assessor-three-pw', role: 'assessor', orgUnitId: center })).status).toBe(201);
    const seen = await assessor1.get<{ availableActions: { event: string; candidates?: { userId: string; name: string }[] }[] }>(`/api/instances/${view.instance.id}`);
    const picks = Object.fromEntries(seen.body.availableActions.filter((action) => action.candidates !== undefined).map((action) => [action.event, action.candidates!.map((person) => person.name)]));
    expect(picks).toEqual({ transfer: ['考评组 成员三'], addSigner: ['考评组 成员三'] });
    expect(seen.body.availableActions.find((action) => action.event === 'score')?.candidates).toBeUndefined();

    // Two assessors countersign; they differ on f1 and the lower entry counts.
    const assessor2 = await signIn(server.baseUrl, 'assessor2');
    const sheet1: ReviewSheet = { items: { ...instituteSheet.items, f1: { value: 3.5 } } };
    const sheet2: ReviewSheet = { items: { ...instituteSheet.items, f1: { value: 2 }, a5: { grade: 'B' } } };
    expect((await assessor1.put(`/api/assessments/${id}/reviews/district`, sheet1)).status).toBe(200);
    view = await command(assessor1, id, 'score');
    expect(view.instance.state).toBe('district_review');
    expect((await assessor2.put(`/api/assessments/${id}/reviews/district`, sheet2)).status).toBe(200);
    view = await command(assessor2, id, 'score');
    expect(view.instance.state).toBe('scored');
    expect(view.current.assessorDisagreements).toEqual(['a5', 'f1']);

    const leader = await signIn(server.baseUrl, 'district.leader');
    view = await command(leader, id, 'approve');
    expect(view.instance.state).toBe('public_notice');
    expect(view.result).not.toBeNull();
    view = await command(stationAdmin, id, 'appeal', { items: ['f1'], reason: '品牌活动已常态化开展，请复核' });
    expect(view.instance.state).toBe('appeal_review');
    view = await command(leader, id, 'decide', { decision: 'upheld', comment: '经复核，维持原评分' });
    expect(view.instance.state).toBe('final');

    // The same data through the rubric engine gives the same tier and explanation.
    const rubric = compileRubric(definitionSchemas.rubric.parse(stationRubricJson));
    const merged: ReviewSheet = { items: { ...instituteSheet.items, f1: { value: 2 }, a5: { grade: 'B' } }, vetoes: {} };
    const expected = scoreUnit(rubric, { unitId: stationId, parentId: (await admin.get<{ parentId: string }>(`/api/org-units/${stationId}`)).body.parentId, metrics: view.metrics, reviews: { self: view.reviews.self!, institute: instituteSheet, district: merged } });
    expect(view.result).toMatchObject({ score: expected.score, tier: expected.tier.tier });
    const explanation = await stationAdmin.get<{ stored: boolean; explanation: { score: number; tier: string; lines: unknown[]; next?: unknown } }>(`/api/assessments/${id}/explanation`);
    expect(explanation.body.stored).toBe(true);
    expect(explanation.body.explanation).toEqual(JSON.parse(JSON.stringify(explain(rubric, expected))));

    // Preview: a draft that lowers the thresholds lifts this station, scores unchanged (tier rules only).
    const lowered = { ...stationRubricJson, tiers: stationRubricJson.tiers.map((tier) => ({ ...tier, minScore: tier.key === 'demonstration' ? 0.2 : tier.key === 'standard' ? 0.1 : 0 })) };
    expect((await stationAdmin.post(`/api/rubrics/station-rubric/preview`, { definition: lowered, year: 2026 })).status).toBe(403);
    const preview = await admin.post<{ preview: { scoringUnchanged: boolean; units: number; changed: { unitId: string; before: { tier: string }; after: { tier: string } }[] } }>('/api/rubrics/station-rubric/preview', { definition: lowered, year: 2026 });
    expect(preview.status).toBe(200);
    expect(preview.body.preview.scoringUnchanged).toBe(true);
    expect(preview.body.preview.units).toBe(units.filter((unit) => unit.level === 'station').length);
    // With the thresholds near zero the station qualifies for 示范级 if it meets the section floors, else 达标级.
    const lifted = expected.sections.every((section) => section.points >= 0.7 * section.max) ? 'demonstration' : 'standard';
    expect(expected.tier.tier).toBe('creation');
    expect(preview.body.preview.changed.find((change) => change.unitId === stationId)).toMatchObject({ before: { tier: 'creation' }, after: { tier: lifted } });

    // Publishing a new rubric version changes nothing in this cycle: results stay pinned to version 1.
    const draft = await admin.post<{ version: number }>('/api/definitions/rubric/station-rubric/drafts', { ...stationRubricJson, tiers: lowered.tiers });
    expect(draft.status).toBe(201);
    const published = await admin.post(`/api/definitions/rubric/station-rubric/versions/${draft.body.version}/publish`);
    expect(published.status, published.text).toBe(200);
    const after = await stationAdmin.get<{ explanation: unknown }>(`/api/assessments/${id}/explanation`);
    expect(after.body.explanation).toEqual(explanation.body.explanation);
    expect((await stationAdmin.get<AssessmentView & { rubric: { version: number } }>(`/api/assessments/${id}`)).body).toMatchObject({ rubric: { version: 1 }, result: { tier: expected.tier.tier } });

    // Re-scoring under the new version is explicit: previewed first, then applied.
    const rescore = (apply: boolean) => admin.post<{ applied: boolean; units: number; changed: { assessmentId: string; after: { tier: string } }[] }>(`/api/cycles/${cycleId}/rescore`, { key: 'station-rubric', version: draft.body.version, apply });
    expect((await stationAdmin.post(`/api/cycles/${cycleId}/rescore`, { key: 'station-rubric', version: draft.body.version })).status).toBe(403);
    const previewed = await rescore(false);
    expect(previewed.body.changed.find((change) => change.assessmentId === id)?.after.tier).toBe(lifted);
    expect((await stationAdmin.get<{ result: { tier: string } }>(`/api/assessments/${id}`)).body.result.tier).toBe(expected.tier.tier);
    const applied = await rescore(true);
    expect(applied.body).toMatchObject({ applied: true, units: preview.body.preview.units });
    expect((await stationAdmin.get<{ rubric: { version: number }; result: { tier: string } }>(`/api/assessments/${id}`)).body).toMatchObject({ rubric: { version: draft.body.version }, result: { tier: lifted } });
    expect((await admin.get<{ rubrics: { key: string; version: number }[] }>(`/api/cycles/${cycleId}`)).body.rubrics).toContainEqual({ level: 'station', key: 'station-rubric', version: draft.body.version });

    const history = await stationAdmin.get<{ history: { event: string }[] }>(`/api/instances/${view.instance.id}`);
    expect(history.body.history.map((entry) => entry.event)).toEqual(expect.arrayContaining(['open', 'submit', 'return', 'institute_approve', 'score', 'approve', 'appeal', 'decide']));
  });

  it('an appeal decided "amended" re-scores and re-notices; a later revocation (摘牌) drops the tier to the veto tier', async () => {
    const station2 = await signIn(server.baseUrl, 'station.admin2');
    const id = (await station2.get<{ items: { id: string }[] }>(`/api/assessments?cycleId=${cycleId}`)).body.items[0]!.id;
    const sheet: ReviewSheet = { items: { a1: { met: true }, a5: { grade: 'A' }, b1: { met: true }, d2: { value: 5 }, e4: { grade: 'A' }, f1: { value: 2 } } };
    expect((await station2.put(`/api/assessments/${id}/reviews/self`, sheet)).status).toBe(200);
    await command(station2, id, 'submit', { summary: '本站全年开展各类志愿服务活动。', declaration: true, declarantName: '站长' });
    const institute = await signIn(server.baseUrl, 'institute.admin');
    expect((await institute.put(`/api/assessments/${id}/reviews/institute`, sheet)).status).toBe(200);
    await command(institute, id, 'institute_approve');
    for (const name of ['assessor1', 'assessor2']) {
      const assessor = await signIn(server.baseUrl, name);
      expect((await assessor.put(`/api/assessments/${id}/reviews/district`, sheet)).status).toBe(200);
      await command(assessor, id, 'score');
    }
    const leader = await signIn(server.baseUrl, 'district.leader');
    let view = await command(leader, id, 'approve');
    const before = view.result!.score;
    view = await command(station2, id, 'appeal', { items: ['f1'], reason: '品牌已有常态化活动' });
    // The leader amends the district reading of f1 while deciding; the amendment overrides the assessors.
    expect((await station2.put(`/api/assessments/${id}/reviews/amendment`, { items: { f1: { value: 5 } } })).status).toBe(403);
    expect((await leader.put(`/api/assessments/${id}/reviews/amendment`, { items: { f1: { value: 3.5 } } })).status).toBe(200);
    view = await command(leader, id, 'decide', { decision: 'amended', comment: '复核后 F1 调整为 3.5 分' });
    expect(view.instance.state).toBe('public_notice');
    expect(view.reviews.amendment).toEqual({ items: { f1: { value: 3.5 } } });
    expect(view.result!.score).toBe(before + 1.5);
    // A second appeal is refused by the workflow's guard (one appeal per assessment).
    const again = await station2.post(`/api/assessments/${id}/commands`, { event: 'appeal', data: { items: ['a5'], reason: '再次申诉' } }, { headers: { 'if-match': `"${view.instance.version}"` } });
    expect(again.status).toBe(422);

    // The notice ends (the timer worker fires it), then 摘牌 by the district admin drops the tier to 创建级.
    await server.deps.database.db.updateTable('timers').set({ due_at: '2026-01-01T00:00:00.000Z' }).where('instance_id', '=', view.instance.id).where('fired_at', 'is', null).execute();
    const { startTimerWorker } = await import('../../../server/workers/timer-worker');
    const worker = startTimerWorker({ ...server.deps, intervalMs: 3_600_000 });
    await worker.runOnce();
    await worker.stop();
    view = (await station2.get<AssessmentView>(`/api/assessments/${id}`)).body;
    expect(view.instance.state).toBe('final');
    const admin = await signIn(server.baseUrl, 'district.admin');
    view = await command(admin, id, 'revoke', { reason: '发现弄虚作假，予以摘牌' });
    expect(view.result).toMatchObject({ tier: 'creation', rule: 'veto', score: before + 1.5 });
  });

  it('an institute is approved only after its stations, and its guidance section reads their tiers of this cycle', async () => {
    const institute = await signIn(server.baseUrl, 'institute.admin');
    const instituteId = (await institute.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
    const own = (await institute.get<{ items: { id: string; orgUnitId: string; level: string; tier: string | null }[] }>(`/api/assessments?cycleId=${cycleId}`)).body.items;
    const id = own.find((item) => item.orgUnitId === instituteId)!.id;
    const sheet: ReviewSheet = { items: { a1: { met: true }, a5: { grade: 'A' }, b1: { met: true }, d2: { value: 5 }, e4: { grade: 'A' }, f1: { value: 5 } } };
    expect((await institute.put(`/api/assessments/${id}/reviews/self`, sheet)).status).toBe(200);
    let view = await command(institute, id, 'submit', { summary: '全镇文明实践工作全面推进。', declaration: true, declarantName: '所长' });
    expect(view.instance.state).toBe('district_review');
    for (const name of ['assessor1', 'assessor2']) {
      const assessor = await signIn(server.baseUrl, name);
      expect((await assessor.put(`/api/assessments/${id}/reviews/district`, sheet)).status).toBe(200);
      await command(assessor, id, 'score');
    }
    const leader = await signIn(server.baseUrl, 'district.leader');
    const version = (await leader.get<AssessmentView>(`/api/assessments/${id}`)).body.instance.version;
    const early = await leader.post<{ type: string }>(`/api/assessments/${id}/commands`, { event: 'approve' }, { headers: { 'if-match': `"${version}"` } });
    expect(early.status).toBe(422);
    expect(early.body.type).toBe('/problems/assessment-children-pending');
    // Fixture: the institute's other stations approved as 达标级 (the first suite drives a station's whole path over HTTP).
    const pending = own.filter((item) => item.level === 'station' && item.tier === null).map((item) => item.id);
    expect(pending.length).toBeGreaterThan(0);
    await server.deps.database.db.updateTable('assessments').set({ tier: 'standard' }).where('id', 'in', pending).execute();
    view = await command(leader, id, 'approve');
    expect(view.instance.state).toBe('public_notice');
    const stations = own.filter((item) => item.level === 'station').length;
    // Every station is 达标级 or above except station 2, revoked to 创建级.
    expect(view.metrics['child-tier-share{"tiers":["demonstration","standard"]}']).toBeCloseTo((stations - 1) / stations, 10);
  });
});
