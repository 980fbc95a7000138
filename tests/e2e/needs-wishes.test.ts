import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { signIn, type ApiClient } from '../server/support/client';
import { TestClock } from '../server/support/server';
import { me } from '../server/needs/support';
import { noHorizontalScroll, screenshot, seriousViolations as serious, useStudio } from './support';

// Residents on 360 px phones, staff on a desktop.
let surveyId = '';
let institute: ApiClient;
const POLL = { timeout: 20_000, interval: 200 };
const PHOTO = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a5' + '4f0000000049454e44ae426082', 'hex');
const phone = { width: 360, height: 760 };
const desktop = { width: 1280, height: 900 };

const studio = useStudio({
  server: { clock: new TestClock(Date.now()) },
  async setup({ server }) {
    institute = await signIn(server.baseUrl, 'institute.admin');
    const station1 = (await me(await signIn(server.baseUrl, 'resident1'))).roles[0]!.orgUnitId;
    const now = Date.now();
    const survey = await institute.post<{ id: string }>('/api/needs/surveys', { title: '红星村群众需求征集', targetUnitIds: [station1], opensAt: new Date(now - 3_600_000).toISOString(), closesAt: new Date(now + 7 * 86_400_000).toISOString() });
    surveyId = survey.body.id;
  },
});

async function choose(page: Page, label: RegExp, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  // The list closes with an animation; checks that follow (axe) must see the settled page, not the half-closed list.
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), POLL).toBe(0);
}

describe('needs collection and the wish wall in Chromium against the real server', { timeout: 120_000 }, () => {
  test('a resident answers a needs survey on a 360 px phone, and the institute sees it in the results', async () => {
    const page = await studio.signedIn('resident1', `/surveys/${surveyId}`, phone);
    await page.locator('.sj-form').waitFor();
    await page.getByRole('heading', { name: '红星村群众需求征集' }).waitFor();
    // Submitting empty names the missing fields next to them and sends nothing.
    await page.getByRole('button', { name: '提交需求' }).click();
    await expect.poll(() => page.locator('[role=alert]').count(), POLL).toBeGreaterThan(0);
    await choose(page, /需求类别/, '医疗服务');
    await choose(page, /服务对象/, '老人');
    await page.getByLabel('需求描述').fill('村里独居老人多，希望定期上门量血压');
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await serious(page)).toEqual([]);
    await screenshot(page, 'needs-survey-answer-360.png');
    await page.getByRole('button', { name: '提交需求' }).click();
    await page.getByText('已收到您的需求').waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'needs-survey-thanks-360.png');

    const aggregate = await institute.get<{ total: number; cells: { category: string; targetGroup: string; count: number }[] }>(`/api/needs/surveys/${surveyId}/aggregate`);
    expect(aggregate.body.total).toBe(1);
    expect(aggregate.body.cells[0]).toMatchObject({ category: 'medical-service', targetGroup: 'elderly', count: 1 });

    // Staff on a desktop: the results table, and 制单 from the selected cell.
    const desk = await studio.signedIn('institute.admin', '/needs', desktop);
    await desk.getByRole('button', { name: '红星村群众需求征集' }).click();
    await expect.poll(() => desk.getByRole('button', { name: '红星村群众需求征集' }).getAttribute('aria-pressed'), POLL).toBe('true');
    await desk.getByRole('cell', { name: '医疗服务' }).waitFor();
    // The residents' own words behind a cell.
    await desk.locator('.ant-table-row').filter({ hasText: '医疗服务' }).locator('.ant-table-row-expand-icon').click();
    await desk.getByRole('list', { name: '群众填报的需求' }).getByText('村里独居老人多，希望定期上门量血压').waitFor();
    await desk.locator('.ant-table-row').filter({ hasText: '医疗服务' }).locator('input[type=checkbox]').check();
    await desk.getByRole('button', { name: /据选中的 1 组需求制单/ }).click();
    await desk.getByLabel('项目名称', { exact: true }).fill('银龄健康上门');
    await desk.getByLabel('项目说明').fill('医护志愿者定期上门为独居老人量血压');
    await screenshot(desk, 'needs-propose-desktop.png');
    await desk.getByRole('button', { name: '提交审批' }).click();
    await desk.getByText(/已提交制单/).waitFor();
    await desk.getByRole('cell', { name: '银龄健康上门' }).waitFor();
    await expect.poll(() => desk.locator('.ant-drawer-open').count(), POLL).toBe(0);
    expect(await serious(desk)).toEqual([]);
    await screenshot(desk, 'needs-results-desktop.png');
    // Closing the survey early: the resident's page then says it is closed.
    await desk.getByRole('button', { name: '截止征集' }).click();
    await desk.locator('.ant-popconfirm').getByRole('button', { name: '截止征集' }).click();
    await desk.getByText('已截止').waitFor();
    const closed = await studio.signedIn('resident1', `/surveys/${surveyId}`, phone);
    await closed.getByText('本次问需已截止或尚未开始').waitFor();
    expect(await closed.locator('.sj-form').count()).toBe(0);
  });

  test('a resident posts a wish with a photo on a 360 px phone; a team leader claims it on theirs', async () => {
    const page = await studio.signedIn('resident1', '/wishes', phone);
    await page.getByLabel('我的心愿').waitFor();
    // Too short: the message sits under the field.
    await page.getByRole('button', { name: '发布心愿' }).click();
    await page.getByRole('alert').filter({ hasText: '请写下您的心愿' }).waitFor();
    await page.getByLabel('我的心愿').fill('家里的旧电视坏了，想请人帮忙看看');
    await page.locator('input[type=file]').setInputFiles({ name: 'tv.png', mimeType: 'image/png', buffer: PHOTO });
    await page.locator('.sj-cm-photos img').first().waitFor();
    await page.getByRole('button', { name: '发布心愿' }).click();
    await page.getByText('心愿已发布').waitFor();
    const card = page.locator('.sj-ws-card').filter({ hasText: '旧电视坏了' });
    await card.getByText('待认领').waitFor();
    expect(await card.locator('img').count()).toBe(1);
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await serious(page)).toEqual([]);
    await screenshot(page, 'wishes-posted-360.png');

    const leader = await studio.signedIn('team.leader', '/wishes', phone);
    const offered = leader.locator('.sj-ws-card').filter({ hasText: '旧电视坏了' });
    await offered.getByRole('button', { name: /认\s?领/ }).click();
    await leader.locator('.sj-ws-card').filter({ hasText: '旧电视坏了' }).getByText('已认领').waitFor();
    expect(await noHorizontalScroll(leader)).toBe(true);
    expect(await serious(leader)).toEqual([]);
    await screenshot(leader, 'wishes-claimed-360.png');
    // The claimed wish opens as an order the leader now serves.
    await leader.locator('.sj-ws-card').filter({ hasText: '旧电视坏了' }).getByRole('link', { name: '查看进度' }).click();
    await leader.waitForURL(/#\/workspace\/instances\//);
  });
});
