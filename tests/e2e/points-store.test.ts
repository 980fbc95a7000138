import { expect, test } from 'vitest';
import { signIn } from '../server/support/client';
import { TestClock } from '../server/support/server';
import { creditHours, meOf, type Item, type Overview } from '../server/store/support';
import { noHorizontalScroll, screenshot, seriousViolations as serious, useStudio } from './support';

// The seeded demo store, phones at 360 px.
let code = '';
let toothpaste: Item;
let storeNameEn = '';

const studio = useStudio({
  server: { clock: new TestClock(Date.now()), engine: false },
  signedInReady: '.sj-ws-nav',
  async setup({ server }) {
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
  },
});

const phone = (username: string, path: string) => studio.signedIn(username, path, { width: 360, height: 740 });

test('at 360 px the store operator redeems for volunteer1 by code; volunteer1 sees the lower balance; a cancel gives the points back', async () => {
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
  await screenshot(counter, 'points-store-counter-360.png');

  const points = await phone('volunteer1', '/points');
  await points.locator('[data-balance="250"]').waitFor();
  expect(await points.locator('.sj-store-code').textContent()).toBe(code);
  expect(await points.locator('[data-entry="redemption"]').first().textContent()).toContain('兑换 牙膏 × 1');
  expect(await points.locator('[data-level]').textContent()).toContain('再服务 70 小时可成为一星志愿者');
  expect(await points.locator(`[data-catalog-item="${toothpaste.id}"]`).textContent()).toContain(`库存 ${toothpaste.stock - 1}`);
  expect(await noHorizontalScroll(points)).toBe(true);
  expect(await serious(points)).toEqual([]);
  await screenshot(points, 'points-store-volunteer-360.png');

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
  await screenshot(manage, 'points-store-manage-360.png');
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
  await screenshot(manage, 'points-store-star-levels-360.png');
  const points = await phone('volunteer1', '/points');
  await points.locator('[data-level="1"]').waitFor();
  expect(await points.locator('[data-level]').textContent()).toContain('一星志愿者');
  // In English the page reads English: levels, history, items. (The demo station's English name keeps its Chinese place names.)
  await points.getByRole('button', { name: 'English' }).click();
  await points.getByText('One-star volunteer').waitFor();
  const text = (await points.locator('.sj-store').textContent())!.replace(storeNameEn, '');
  expect(text).not.toMatch(/\p{Script=Han}/u);
  await screenshot(points, 'points-store-volunteer-en-360.png');
});
