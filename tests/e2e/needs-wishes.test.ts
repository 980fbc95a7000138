import { rmSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest';
import { signIn, type ApiClient } from '../server/support/client';
import { DIALECTS, type TestDatabase } from '../server/support/dialects';
import { startServer, TestClock, type RunningServer } from '../server/support/server';
import { me } from '../server/needs/support';
import { artifactPath, buildStudio, launchChromium, seriousViolations as serious } from './support';

// The built studio served by the real server (SQLite): residents on 360 px phones, staff on a desktop.
let outDir = '';
let database: TestDatabase;
let server: RunningServer;
let browser: BrowserContext;
let current: Page | undefined;
let surveyId = '';
let institute: ApiClient;
const pageErrors: string[] = [];
const POLL = { timeout: 20_000, interval: 200 };
const PHOTO = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a5' + '4f0000000049454e44ae426082', 'hex');

beforeAll(async () => {
  outDir = await buildStudio();
  database = await DIALECTS.find((d) => d.name === 'sqlite')!.create();
  server = await startServer(database.handle, { clock: new TestClock(Date.now()), overrides: { studioDir: outDir } });
  browser = await launchChromium();
  institute = await signIn(server.baseUrl, 'institute.admin');
  const station1 = (await me(await signIn(server.baseUrl, 'resident1'))).roles[0]!.orgUnitId;
  const now = Date.now();
  const survey = await institute.post<{ id: string }>('/api/needs/surveys', { title: '红星村群众需求征集', targetUnitIds: [station1], opensAt: new Date(now - 3_600_000).toISOString(), closesAt: new Date(now + 7 * 86_400_000).toISOString() });
  surveyId = survey.body.id;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.destroy();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  expect(pageErrors).toEqual([]);
});

async function signedIn(username: string, path: string, width: number, height: number): Promise<Page> {
  await browser.clearCookies();
  const page = await browser.newPage();
  current = page;
  page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
  page.setDefaultTimeout(20_000);
  await page.setViewportSize({ width, height });
  await page.goto(`${server.baseUrl}/#${path}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('shijian-demo');
  await page.getByRole('button', { name: /登\s?录/ }).click();
  return page;
}


const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function choose(page: Page, label: RegExp, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  // The list closes with an animation; checks that follow (axe) must see the settled page, not the half-closed list.
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), POLL).toBe(0);
}

describe('needs collection and the wish wall in Chromium against the real server', { timeout: 120_000 }, () => {
  test('a resident answers a needs survey on a 360 px phone, and the institute sees it in the results', async () => {
    onTestFailed(async () => {
      await current?.screenshot({ path: artifactPath('needs-failure.png'), fullPage: true }).catch(() => undefined);
    });
    const page = await signedIn('resident1', `/surveys/${surveyId}`, 360, 760);
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
    await page.screenshot({ path: artifactPath('needs-survey-answer-360.png'), fullPage: true });
    await page.getByRole('button', { name: '提交需求' }).click();
    await page.getByText('已收到您的需求').waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: artifactPath('needs-survey-thanks-360.png'), fullPage: true });

    const aggregate = await institute.get<{ total: number; cells: { category: string; targetGroup: string; count: number }[] }>(`/api/needs/surveys/${surveyId}/aggregate`);
    expect(aggregate.body.total).toBe(1);
    expect(aggregate.body.cells[0]).toMatchObject({ category: 'medical-service', targetGroup: 'elderly', count: 1 });

    // Staff on a desktop: the results table, and 制单 from the selected cell.
    const desk = await signedIn('institute.admin', '/needs', 1280, 900);
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
    await desk.screenshot({ path: artifactPath('needs-propose-desktop.png'), fullPage: true });
    await desk.getByRole('button', { name: '提交审批' }).click();
    await desk.getByText(/已提交制单/).waitFor();
    await desk.getByRole('cell', { name: '银龄健康上门' }).waitFor();
    await expect.poll(() => desk.locator('.ant-drawer-open').count(), POLL).toBe(0);
    expect(await serious(desk)).toEqual([]);
    await desk.screenshot({ path: artifactPath('needs-results-desktop.png'), fullPage: true });
    // Closing the survey early: the resident's page then says it is closed.
    await desk.getByRole('button', { name: '截止征集' }).click();
    await desk.locator('.ant-popconfirm').getByRole('button', { name: '截止征集' }).click();
    await desk.getByText('已截止').waitFor();
    const closed = await signedIn('resident1', `/surveys/${surveyId}`, 360, 760);
    await closed.getByText('本次问需已截止或尚未开始').waitFor();
    expect(await closed.locator('.sj-form').count()).toBe(0);
  });

  test('a resident posts a wish with a photo on a 360 px phone; a team leader claims it on theirs', async () => {
    onTestFailed(async () => {
      await current?.screenshot({ path: artifactPath('wishes-failure.png'), fullPage: true }).catch(() => undefined);
    });
    const page = await signedIn('resident1', '/wishes', 360, 760);
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
    await page.screenshot({ path: artifactPath('wishes-posted-360.png'), fullPage: true });

    const leader = await signedIn('team.leader', '/wishes', 360, 760);
    const offered = leader.locator('.sj-ws-card').filter({ hasText: '旧电视坏了' });
    await offered.getByRole('button', { name: /认\s?领/ }).click();
    await leader.locator('.sj-ws-card').filter({ hasText: '旧电视坏了' }).getByText('已认领').waitFor();
    expect(await noHorizontalScroll(leader)).toBe(true);
    expect(await serious(leader)).toEqual([]);
    await leader.screenshot({ path: artifactPath('wishes-claimed-360.png'), fullPage: true });
    // The claimed wish opens as an order the leader now serves.
    await leader.locator('.sj-ws-card').filter({ hasText: '旧电视坏了' }).getByRole('link', { name: '查看进度' }).click();
    await leader.waitForURL(/#\/workspace\/instances\//);
  });
});
