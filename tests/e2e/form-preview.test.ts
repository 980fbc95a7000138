import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { FormDefinition } from '../../runtime/schema/form';
import { activityForm } from './activity-form';
import { screenshot, seriousViolations, useStudio } from './support';

// The built studio alone: the form harness needs no API.
const studio = useStudio({ server: false });
// Generous: the whole test suite shares two cores with these browser tests.
const POLL = { timeout: 10_000 };

async function openHarness(width: number, height: number, query: string, form: FormDefinition = activityForm): Promise<Page> {
  const page = await studio.newPage({ width, height });
  await page.addInitScript((definition) => {
    (window as unknown as { __SHIJIAN_FORM__: unknown }).__SHIJIAN_FORM__ = definition;
  }, form);
  await page.goto(`${studio.baseUrl}/#/harness/form?${query}`);
  await page.waitForSelector('.sj-form');
  return page;
}

const state = (page: Page) => page.evaluate(() => (window as unknown as { __SHIJIAN_STATE__?: { data: Record<string, unknown> } }).__SHIJIAN_STATE__?.data ?? {});

const formViolations = (page: Page) => seriousViolations(page, { include: '.sj-form' });

describe('form preview in Chromium', { timeout: 90_000 }, () => {
  test('phone, 360 px: stacked layout, fill fields, a show-rule, Chinese messages, computed total', async () => {
    const page = await openHarness(360, 780, 'frames=desktop');
    try {
      const form = page.locator('.sj-form');
      await expect.poll(() => form.getAttribute('class'), POLL).toContain('sj-form-phone');
      const cols = await page.locator('.sj-horizontal > .sj-col').evaluateAll((els) => els.map((e) => e.className));
      expect(cols.every((c) => c.includes('sj-col-24'))).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      await page.getByLabel('活动名称').fill('重阳节敬老志愿服务');
      await page.getByLabel('志愿服务').check();
      await expect.poll(async () => (await state(page)).category, POLL).toBe('volunteer');

      await expect.poll(() => page.getByLabel('直播链接').count(), POLL).toBe(0);
      await page.getByRole('switch', { name: '线上活动' }).click();
      await expect.poll(() => page.getByLabel('直播链接').count(), POLL).toBe(1);

      const adults = page.getByLabel('成人人数');
      await adults.fill('150');
      await adults.blur();
      await page.locator('.sj-form').getByText('不能大于 100').waitFor();
      await adults.fill('12');
      await page.getByLabel('儿童人数').fill('8');
      await expect.poll(async () => (await state(page)).total, POLL).toBe(20);
      await expect.poll(() => page.getByLabel('参与总人数').inputValue(), POLL).toBe('20');

      await page.getByLabel('活动名称').fill('');
      await page.getByLabel('活动名称').blur();
      await page.locator('.sj-form').getByText('此项为必填项').waitFor();

      await page.getByRole('button', { name: '添加一行' }).click();
      await page.getByLabel('第 1 行 姓名').fill('王芳');
      await expect.poll(async () => (await state(page)).volunteers, POLL).toEqual([{ name: '王芳' }]);

      expect(await formViolations(page)).toEqual([]);
      await screenshot(page, 'form-preview-360.png');
    } finally {
      await page.close();
    }
  });

  test('desktop, 1280 px: side by side with the phone frame, both showing the same data', async () => {
    const page = await openHarness(1280, 900, 'frames=both');
    try {
      const desktop = page.locator('[data-frame=desktop]');
      const phone = page.locator('[data-frame=phone]');
      await expect.poll(() => phone.locator('.sj-form').getAttribute('class'), POLL).toContain('sj-form-phone');
      expect(await desktop.locator('.sj-form').getAttribute('class')).toContain('sj-form-desktop');
      const desktopCols = await desktop.locator('.sj-horizontal > .sj-col').first().getAttribute('class');
      expect(desktopCols).toContain('sj-col-12');

      await desktop.getByLabel('活动名称').fill('理论宣讲进村');
      await expect.poll(() => phone.getByLabel('活动名称').inputValue(), POLL).toBe('理论宣讲进村');

      await desktop.getByRole('switch', { name: '线上活动' }).click();
      await expect.poll(() => phone.getByLabel('直播链接').count(), POLL).toBe(1);
      await expect.poll(() => desktop.getByLabel('直播链接').count(), POLL).toBe(1);

      const people = desktop.getByLabel('成人人数');
      await people.fill('101');
      await people.blur();
      await desktop.locator('.sj-form').getByText('不能大于 100').waitFor();
      await screenshot(page, 'form-preview-1280.png');
    } finally {
      await page.close();
    }
  });

  test('keyboard only: Tab moves field to field, Space toggles, Enter adds a row', async () => {
    const page = await openHarness(1280, 900, 'frames=desktop');
    try {
      await page.getByLabel('活动名称').focus();
      await page.keyboard.type('读书分享会');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id ?? '')).toContain('day');
      await page.getByRole('switch', { name: '线上活动' }).focus();
      await page.keyboard.press('Space');
      await expect.poll(async () => (await state(page)).online, POLL).toBe(true);
      await page.getByRole('button', { name: '添加一行' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await state(page)).volunteers, POLL).toEqual([{}]);
      await page.getByLabel('第 1 行 姓名').focus();
      await page.keyboard.type('李雷');
      await expect.poll(async () => (await state(page)).volunteers, POLL).toEqual([{ name: '李雷' }]);
      expect((await state(page)).title).toBe('读书分享会');
    } finally {
      await page.close();
    }
  });

  test('English switch: labels and messages from the en translations', async () => {
    const page = await openHarness(1280, 900, 'frames=desktop&locale=en');
    try {
      const name = page.getByLabel('Activity');
      await name.fill('x');
      await name.blur();
      await page.locator('.sj-form').getByText('At least 2 characters').waitFor();
      expect(await page.getByLabel('Theory lecture').count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  test('without an API server the login page says the server cannot be reached', async () => {
    const page = await studio.newPage();
    try {
      await page.goto(`${studio.baseUrl}/#/login`);
      await page.getByText('暂时无法连接服务器，请稍后重试').waitFor();
    } finally {
      await page.close();
    }
  });
});
