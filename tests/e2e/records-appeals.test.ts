/**
 * Records and appeals in Chromium against the real server (SQLite, seeded demo data, the workflow engine):
 * a volunteer checks in by code on a 360 px phone and the organiser sees them by name, the check-in counts
 * against the month's plan; a station appeals its assessment result and the district leader decides.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { ReviewSheet } from '../../runtime/rubric/types';
import { signIn, type ApiClient } from '../server/support/client';
import { TestClock } from '../server/support/server';
import { PNG_1X1 as PHOTO, screenshot, seriousViolations as serious, useStudio } from './support';

const studio = useStudio({ server: { clock: new TestClock(Date.now()) }, signedInReady: '.sj-ws-nav' });
const POLL = { timeout: 15_000 };
const DAY = 86_400_000;
const phone = { width: 360, height: 740 };
const desktop = { width: 1280, height: 900 };

const fitsWidth = (page: Page, width: number) => page.evaluate((w) => document.documentElement.scrollWidth <= w, width);

describe('records and appeals in Chromium against the real server', { timeout: 180_000 }, () => {
  test('an organiser opens check-in, a volunteer checks in by code on a 360 px phone, the organiser sees them and the plan counts it', async () => {
    let page = await studio.signedIn('station.admin', '/workspace/records?tab=attendance', desktop);
    await page.getByLabel('活动名称').fill('周六村道清扫');
    await page.getByRole('button', { name: '开启签到' }).click();
    const code = await page.locator('[data-code]').getAttribute('data-code');
    expect(code).toMatch(/^\d{6}$/);
    expect(await serious(page)).toEqual([]);
    await screenshot(page, 'attendance-1-code-1280.png');
    await page.close();

    page = await studio.signedIn('volunteer1', '/workspace/check-in', phone);
    const input = page.getByLabel('6 位签到码');
    await input.fill('12');
    await expect.poll(() => page.getByText('请输入 6 位数字').count(), POLL).toBe(1);
    expect(await page.getByRole('button', { name: /签\s?到/ }).isDisabled()).toBe(true);
    // A wrong code is refused in plain words; the right one checks in.
    const wrong = code === '000000' ? '000001' : '000000';
    await input.fill(wrong);
    await page.getByRole('button', { name: /签\s?到/ }).click();
    await page.getByText('签到码不正确或已过期').waitFor();
    await input.fill(code!);
    await page.getByRole('button', { name: /签\s?到/ }).click();
    await page.locator('[data-checked-in]').waitFor();
    expect(await page.locator('[data-checked-in]').textContent()).toContain('周六村道清扫');
    expect(await fitsWidth(page, 360)).toBe(true);
    expect(await serious(page)).toEqual([]);
    await screenshot(page, 'attendance-2-checked-in-360.png');
    await page.close();

    page = await studio.signedIn('station.admin', '/workspace/records?tab=attendance', desktop);
    const attendee = page.locator('[data-attendee]');
    await attendee.first().waitFor();
    await expect.poll(() => attendee.first().textContent(), POLL).toContain('志愿者 一');
    expect(await page.locator('[data-session]').first().textContent()).toContain('已签到 1 人');
    expect(await serious(page)).toEqual([]);
    await screenshot(page, 'attendance-3-organiser-sees-1280.png');

    // The month's arrangement: filed here, and the check-in above counts as its first activity done.
    await page.getByRole('tab', { name: '月度计划' }).click();
    await page.getByLabel('第 1 项活动').fill('周六村道清扫');
    await page.getByRole('button', { name: '添加活动' }).click();
    await page.getByLabel('第 2 项活动').fill('政策宣讲进村');
    await page.getByRole('button', { name: '报送本月安排' }).click();
    await page.locator('[data-plan-item="周六村道清扫"][data-done="true"]').waitFor();
    expect(await page.locator('[data-plan-item="政策宣讲进村"]').getAttribute('data-done')).toBe('false');
    expect(await page.getByText('已开展 1 / 2 项').count()).toBeGreaterThan(0);
    expect(await serious(page)).toEqual([]);
    await screenshot(page, 'attendance-4-plan-vs-done-1280.png');
    await page.close();
  });

  test('a station appeals its result during public notice with reasons and evidence; the district leader upholds it and the decision shows with the result', async () => {
    const id = await assessmentInPublicNotice();

    let page = await studio.signedIn('station.admin2', `/workspace/assessments/${id}`, desktop);
    const form = page.locator('form[data-appeal-form]');
    await form.waitFor();
    await form.getByRole('button', { name: '提交申诉' }).click();
    await page.getByText('请至少选择一个有异议的项目。').waitFor();
    await form.getByRole('checkbox', { name: /^F1 / }).check();
    await page.getByLabel('申诉理由').fill('本站品牌活动已常态化开展，附活动照片，请复核 F1。');
    await form.locator('input[type=file]').setInputFiles({ name: 'brand.png', mimeType: 'image/png', buffer: PHOTO });
    await form.locator('[data-appeal-evidence="1"]').waitFor();
    expect(await serious(page)).toEqual([]);
    await screenshot(page, 'appeal-1-station-appeals-1280.png');
    await form.getByRole('button', { name: '提交申诉' }).click();
    await page.locator('[data-appeal-outcome="pending"]').waitFor();
    await expect.poll(() => page.locator('[data-assessment-state]').getAttribute('data-assessment-state'), POLL).toBe('appeal_review');
    expect(await page.locator('form[data-appeal-form]').count()).toBe(0);
    await page.close();

    page = await studio.signedIn('district.leader', `/workspace/assessments/${id}`, desktop);
    const decide = page.locator('form[data-decide-form]');
    await decide.waitFor();
    expect(await page.locator('[data-appealed-item="f1"]').count()).toBe(1);
    expect(await page.getByText('本站品牌活动已常态化开展').count()).toBe(1);
    // The assessors' sheets are named, not shown by id.
    expect(await page.locator('[data-reviewer]').first().textContent()).toMatch(/考评组 成员/);
    await decide.getByRole('radio', { name: '维持原结果' }).check();
    await page.getByLabel('处理意见').fill('经复核，F1 评分有据，维持原结果。');
    expect(await serious(page)).toEqual([]);
    await screenshot(page, 'appeal-2-leader-decides-1280.png');
    await decide.getByRole('button', { name: '提交处理决定' }).click();
    await page.locator('[data-appeal-outcome="upheld"]').waitFor();
    await expect.poll(() => page.locator('[data-assessment-state]').getAttribute('data-assessment-state'), POLL).toBe('final');
    await page.close();

    page = await studio.signedIn('station.admin2', `/workspace/assessments/${id}`, phone);
    await page.locator('[data-appeal-outcome="upheld"]').waitFor();
    expect(await page.locator('[data-decision="upheld"]').textContent()).toContain('维持原结果');
    expect(await page.locator('[data-result]').count()).toBe(1);
    expect(await serious(page)).toEqual([]);
    await screenshot(page, 'appeal-3-station-sees-decision-360.png');
    await page.close();
  });

  test('the district leader amends a contested item and decides "amended": the result is re-scored and re-noticed', async () => {
    const id = await assessmentInPublicNotice('station.admin');
    const station = await signIn(studio.baseUrl, 'station.admin');
    const before = (await station.get<{ result: { score: number }; instance: { version: number } }>(`/api/assessments/${id}`)).body;
    const appealed = await station.post(`/api/assessments/${id}/commands`, { event: 'appeal', data: { items: ['f1'], reason: '品牌活动已常态化开展，请复核' } }, { headers: { 'if-match': `"${before.instance.version}"` } });
    expect(appealed.status, appealed.text).toBe(200);

    const page = await studio.signedIn('district.leader', `/workspace/assessments/${id}`, desktop);
    const decide = page.locator('form[data-decide-form]');
    await decide.waitFor();
    await decide.getByRole('radio', { name: '修正评分' }).check();
    await page.getByText('请先在表格“复核修正”一列录入修正后的评分').waitFor();
    // The amendment column: F1 raised to "品牌有活动 (3.5)", saved before deciding.
    await page.getByRole('combobox', { name: /一站一特色/ }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '(3.5)' }).first().click();
    await page.getByRole('button', { name: '保存评分' }).click();
    await page.getByText(/已保存，服务器计分/).waitFor();
    await page.getByLabel('处理意见').fill('经复核，F1 品牌有常态化活动，调整为 3.5 分。');
    expect(await serious(page)).toEqual([]);
    await screenshot(page, 'appeal-4-leader-amends-1280.png');
    await page.locator('form[data-decide-form]').getByRole('button', { name: '提交处理决定' }).click();
    await page.locator('[data-appeal-outcome="amended"]').waitFor();
    await expect.poll(() => page.locator('[data-assessment-state]').getAttribute('data-assessment-state'), POLL).toBe('public_notice');
    const after = (await station.get<{ result: { score: number } }>(`/api/assessments/${id}`)).body;
    expect(after.result.score).toBe(before.result.score + 1.5);
    expect(await page.locator('[data-result]').textContent()).toContain(String(after.result.score));
    await page.close();
  });
});

let cycleOpened: Promise<void> | undefined;

/** One cycle for the year (a second one is refused), opened by the district admin. */
function openCycle(): Promise<void> {
  cycleOpened ??= (async () => {
    const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
    const admin = await signIn(studio.baseUrl, 'district.admin');
    const opened = await admin.post('/api/cycles', {
      year: new Date().getUTCFullYear(),
      rubrics: [{ key: 'station-rubric', version: 1 }],
      assessors: ['assessor1', 'assessor2'],
      deadlines: { selfAssessmentDue: day(20), reviewDue: day(30), scoringDue: day(40) },
      noticeDays: 5,
      appealDays: 5,
    });
    expect(opened.status, opened.text).toBe(201);
  })();
  return cycleOpened;
}

/** Drives a station's assessment through self, institute and district review to approval, over the API. */
async function assessmentInPublicNotice(stationAdmin = 'station.admin2'): Promise<string> {
  await openCycle();
  const station = await signIn(studio.baseUrl, stationAdmin);
  const id = (await station.get<{ items: { id: string }[] }>('/api/assessments')).body.items[0]!.id;
  const sheet: ReviewSheet = { items: { a1: { met: true }, a5: { grade: 'A' }, b1: { met: true }, d2: { value: 5 }, e4: { grade: 'A' }, f1: { value: 2 } } };
  const run = async (client: ApiClient, event: string, data?: unknown) => {
    const before = await client.get<{ instance: { version: number } }>(`/api/assessments/${id}`);
    const response = await client.post(`/api/assessments/${id}/commands`, { event, ...(data === undefined ? {} : { data }) }, { headers: { 'if-match': `"${before.body.instance.version}"` } });
    expect(response.status, `${event}: ${response.text}`).toBe(200);
  };
  expect((await station.put(`/api/assessments/${id}/reviews/self`, sheet)).status).toBe(200);
  await run(station, 'submit', { summary: '本站全年开展各类志愿服务活动。', declaration: true, declarantName: '站长' });
  const institute = await signIn(studio.baseUrl, 'institute.admin');
  expect((await institute.put(`/api/assessments/${id}/reviews/institute`, sheet)).status).toBe(200);
  await run(institute, 'institute_approve');
  for (const name of ['assessor1', 'assessor2']) {
    const assessor = await signIn(studio.baseUrl, name);
    expect((await assessor.put(`/api/assessments/${id}/reviews/district`, sheet)).status).toBe(200);
    await run(assessor, 'score');
  }
  await run(await signIn(studio.baseUrl, 'district.leader'), 'approve');
  return id;
}
