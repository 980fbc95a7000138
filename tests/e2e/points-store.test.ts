import { rmSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { signIn } from '../server/support/client';
import { DIALECTS, type TestDatabase } from '../server/support/dialects';
import { startServer, TestClock, type RunningServer } from '../server/support/server';
import { creditHours, meOf, type Item, type Overview } from '../server/store/support';
import { artifactPath, buildStudio, launchChromium, seriousViolations as serious } from './support';

// The built studio served by the real server (SQLite, seeded demo store), phones at 360 px.
let outDir = '';
let database: TestDatabase;
let server: RunningServer;
let browser: BrowserContext;
let current: Page | undefined;
let code = '';
let toothpaste: Item;
let storeNameEn = '';
const pageErrors: string[] = [];

beforeAll(async () => {
  outDir = await buildStudio();
  database = await DIALECTS.find((d) => d.name === 'sqlite')!.create();
  server = await startServer(database.handle, { clock: new TestClock(Date.now()), engine: false, overrides: { studioDir: outDir } });
  browser = await launchChromium();
  // volunteer1 served 30 final hours: 300 points.
  const stationAdmin = await signIn(server.baseUrl, 'station.admin');
  const volunteer = await signIn(server.baseUrl, 'volunteer1');
  await creditHours(stationAdmin, (await meOf(stationAdmin)).roles[0]!.orgUnitId, (await meOf(volunteer)).id, 30);
  code = (await volunteer.get<Overview>('/api/volunteers/me/points')).body.code.display;
  const operator = await signIn(server.baseUrl, 'store.operator');
  const store = (await operator.get<{ items: { id: string; name: { en: string } }[] }>('/api/store/stores?operable=1')).body.items[0]!;
  const storeId = store.id;
  storeNameEn = store.name.en;
  toothpaste = (await operator.get<{ items: Item[] }>(`/api/store/stores/${storeId}/items`)).body.items.find((item) => item.pointsPrice === 50)!;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.destroy();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  expect(pageErrors).toEqual([]);
});

async function phone(username: string, path: string): Promise<Page> {
  await browser.clearCookies();
  const page = await browser.newPage();
  current = page;
  page.on('pageerror', (error) => pageErrors.push(`${username}: ${error.message}`));
  page.setDefaultTimeout(20_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${server.baseUrl}/#${path}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('shijian-demo');
  await page.getByRole('button', { name: /登\s?录/ }).click();
  await page.locator('.sj-ws-nav').waitFor();
  return page;
}


const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('at 360 px the store operator redeems for volunteer1 by code; volunteer1 sees the lower balance; a cancel gives the points back', async () => {
  onTestFailed(async () => {
    if (current) await current.screenshot({ path: artifactPath('points-store-failure.png'), fullPage: true }).catch(() => undefined);
  });
  const counter = await phone('store.operator', '/store');
  await counter.getByLabel('志愿者兑换码').fill(code.toLowerCase());
  await counter.getByRole('button', { name: /查\s?找/ }).click();
  await counter.locator('[data-volunteer] [data-balance="300"]').waitFor();
  await counter.locator(`[data-item="${toothpaste.id}"]`).click();
  await counter.getByRole('button', { name: '确认兑换（50 积分）' }).click();
  await counter.locator('[data-redemption][data-status="redeemed"]').first().waitFor();
  await counter.locator('[data-volunteer] [data-balance="250"]').waitFor();
  expect(await counter.locator(`[data-item="${toothpaste.id}"]`).textContent()).toContain(`库存 ${toothpaste.stock - 1}`);
  expect(await noHorizontalScroll(counter)).toBe(true);
  expect(await serious(counter)).toEqual([]);
  await counter.screenshot({ path: artifactPath('points-store-counter-360.png'), fullPage: true });

  const points = await phone('volunteer1', '/points');
  await points.locator('[data-balance="250"]').waitFor();
  expect(await points.locator('.sj-store-code').textContent()).toBe(code);
  expect(await points.locator('[data-entry="redemption"]').first().textContent()).toContain('兑换 牙膏 × 1');
  expect(await points.locator('[data-level]').textContent()).toContain('再服务 70 小时可成为一星志愿者');
  expect(await points.locator(`[data-catalog-item="${toothpaste.id}"]`).textContent()).toContain(`库存 ${toothpaste.stock - 1}`);
  expect(await noHorizontalScroll(points)).toBe(true);
  expect(await serious(points)).toEqual([]);
  await points.screenshot({ path: artifactPath('points-store-volunteer-360.png'), fullPage: true });

  const again = await phone('store.operator', '/store');
  await again.locator('[data-redemption][data-status="redeemed"]').getByRole('button', { name: '撤销兑换' }).click();
  await again.locator('.ant-popconfirm').getByRole('button', { name: '撤销兑换' }).click();
  await again.locator('[data-redemption][data-status="cancelled"]').waitFor();
  const after = await phone('volunteer1', '/points');
  await after.locator('[data-balance="300"]').waitFor();
  await after.locator('[data-entry="reversal"]').first().waitFor();
});

test('the operator adds an item on the phone; it shows at the counter, where a scanned QR payload finds the volunteer', async () => {
  const manage = await phone('store.operator', '/store/manage');
  await manage.getByLabel('物品名称（中文）').fill('环保购物袋');
  await manage.getByLabel('物品名称（英文）').fill('Reusable bag');
  await manage.getByLabel('所需积分').last().fill('20');
  await manage.getByRole('button', { name: '添加物品' }).click();
  await manage.getByText('环保购物袋').waitFor();
  expect(await noHorizontalScroll(manage)).toBe(true);
  await manage.screenshot({ path: artifactPath('points-store-manage-360.png'), fullPage: true });
  const counter = await phone('store.operator', '/store');
  await counter.getByText('环保购物袋').waitFor();
  // A scanner in keyboard mode types the QR payload and Enter.
  await counter.getByLabel('志愿者兑换码').fill(`SJV:${code.replace('-', '')}`);
  await counter.getByLabel('志愿者兑换码').press('Enter');
  await counter.locator('[data-volunteer]').waitFor();
});

test('a district admin lowers the first star to 20 h on the phone; volunteer1 (30 h) becomes 一星', async () => {
  const manage = await phone('district.admin', '/store/manage');
  const first = manage.locator('[data-star-levels]').getByRole('spinbutton').first();
  await first.fill('20');
  await manage.getByRole('button', { name: '保存星级标准' }).click();
  await manage.locator('[data-star-levels="configured"]').waitFor();
  expect(await noHorizontalScroll(manage)).toBe(true);
  await manage.screenshot({ path: artifactPath('points-store-star-levels-360.png'), fullPage: true });
  const points = await phone('volunteer1', '/points');
  await points.locator('[data-level="1"]').waitFor();
  expect(await points.locator('[data-level]').textContent()).toContain('一星志愿者');
  // In English the page reads English: levels, history, items. (The demo station's English name keeps its Chinese place names.)
  await points.getByRole('button', { name: 'English' }).click();
  await points.getByText('One-star volunteer').waitFor();
  const text = (await points.locator('.sj-store').textContent())!.replace(storeNameEn, '');
  expect(text).not.toMatch(/\p{Script=Han}/u);
  await points.screenshot({ path: artifactPath('points-store-volunteer-en-360.png'), fullPage: true });
});
