import { expect } from 'vitest';
import { signIn, type ApiClient } from '../support/client';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 9, 9, 9]);

/** Drives one station's assessment over the API to 公示 (public notice), as the assessment suite does. */
export async function publishOneTier(baseUrl: string, stationAdmin: ApiClient): Promise<string> {
  const admin = await signIn(baseUrl, 'district.admin');
  const opened = await admin.post<{ id: string }>('/api/cycles', {
    year: 2026,
    rubrics: [{ key: 'station-rubric', version: 1 }, { key: 'institute-rubric', version: 1 }],
    assessors: ['assessor1', 'assessor2'],
    deadlines: { selfAssessmentDue: '2026-11-30', reviewDue: '2026-12-10', scoringDue: '2026-12-20' },
  });
  expect(opened.status, opened.text).toBe(201);
  const id = (await stationAdmin.get<{ items: { id: string }[] }>(`/api/assessments?cycleId=${opened.body.id}`)).body.items[0]!.id;
  const command = async (client: ApiClient, event: string, data?: unknown) => {
    const before = await client.get<{ instance: { version: number } }>(`/api/assessments/${id}`);
    const response = await client.post(`/api/assessments/${id}/commands`, { event, ...(data === undefined ? {} : { data }) }, { headers: { 'if-match': `"${before.body.instance.version}"` } });
    expect(response.status, `${event}: ${response.text}`).toBe(200);
  };
  const evidence = (await stationAdmin.post<{ id: string }>('/api/attachments?fileName=rules.png', undefined, { raw: png, headers: { 'content-type': 'image/png' } })).body.id;
  const sheet = { items: { a1: { met: true, evidence: [evidence] }, a5: { grade: 'A' }, b1: { met: true }, d2: { value: 5 }, e1: { ticked: ['work', 'volunteer', 'records'] }, e4: { grade: 'A' }, f1: { value: 5 } } };
  expect((await stationAdmin.put(`/api/assessments/${id}/reviews/self`, sheet)).status).toBe(200);
  await command(stationAdmin, 'submit', { targetTier: 'demonstration', summary: '本站全年开展理论宣讲等活动，机制健全。', declaration: true, declarantName: '站长', attachments: [evidence] });
  const institute = await signIn(baseUrl, 'institute.admin');
  expect((await institute.put(`/api/assessments/${id}/reviews/institute`, sheet)).status).toBe(200);
  await command(institute, 'institute_approve');
  for (const username of ['assessor1', 'assessor2']) {
    const assessor = await signIn(baseUrl, username);
    expect((await assessor.put(`/api/assessments/${id}/reviews/district`, sheet)).status).toBe(200);
    await command(assessor, 'score');
  }
  await command(await signIn(baseUrl, 'district.leader'), 'approve');
  return id;
}

