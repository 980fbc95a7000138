import { describe, expect, test } from 'vitest';
import { activityForm } from './activity-form';
import { PNG_1X1, screenshot, seriousViolations as serious, useStudio } from './support';

// Seeded demo users, served as `npm start` serves the studio.
const studio = useStudio({ server: { engine: false } });
// Generous: the whole test suite shares two cores with these browser tests.
const POLL = { timeout: 10_000 };
const phone = { width: 360, height: 740 };
const desktop = { width: 1280, height: 900 };

describe('studio shell against the real server', { timeout: 90_000 }, () => {
  test('a resident on a phone: login page in Chinese, a wrong password explained, then only the workspace', async () => {
    const page = await studio.newPage(phone);
    try {
      await page.goto(`${studio.baseUrl}/`);
      await page.getByRole('heading', { name: '登录' }).waitFor();
      expect(page.url()).toContain('#/login');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      expect(await serious(page)).toEqual([]);

      await studio.logIn(page, 'resident1', 'wrong-password');
      await page.getByRole('alert').filter({ hasText: '登录失败' }).waitFor();

      await studio.logIn(page, 'resident1');
      await page.getByRole('heading', { name: '工作台 · 我的待办' }).waitFor();
      expect(page.url()).toContain('#/workspace');
      await expect.poll(() => page.getByRole('navigation', { name: '主导航' }).getByText('工作台').count(), POLL).toBeGreaterThan(0);
      expect(await page.getByText('设计器', { exact: true }).count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await serious(page)).toEqual([]);
      await screenshot(page, 'shell-resident-360.png');

      await page.goto(`${studio.baseUrl}/#/designer`);
      await page.getByText('您没有访问此页面的权限').waitFor();
    } finally {
      await page.close();
    }
  });

  test('a district admin: designer in the menu, a pack form previewed from the API, English kept across reloads', async () => {
    const page = await studio.newPage(desktop);
    try {
      await page.goto(`${studio.baseUrl}/#/designer`);
      await studio.logIn(page, 'district.admin');
      await page.getByRole('heading', { name: '设计器 · 定义管理' }).waitFor();

      await page.getByLabel('表单标识（key），如 activity-record').fill('activity-record');
      await page.getByLabel('表单标识（key），如 activity-record').press('Enter');
      await page.getByRole('heading', { name: /^表单预览：/ }).waitFor();
      expect(page.url()).toContain('#/preview/form/activity-record');
      await page.locator('[data-frame=phone] .sj-form-phone').waitFor();
      await page.locator('[data-frame=desktop] .sj-form-desktop').waitFor();
      expect(await page.locator('.sj-unknown').count()).toBe(0);
      expect(await page.locator('[data-frame=desktop] .sj-field').count()).toBeGreaterThan(3);
      // References are looked up from the API: the teams field offers the seeded teams by name.
      await page.locator('[data-frame=desktop]').getByRole('combobox', { name: /参与队伍/ }).click();
      await expect.poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').count(), POLL).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      await screenshot(page, 'shell-preview-1280.png');
      await page.locator('.ant-segmented').getByText('English').click();
      await expect.poll(() => page.locator('[data-frame=desktop] .sj-form').getAttribute('lang'), POLL).toBe('en');
      expect(await serious(page)).toEqual([]);

      await page.goto(`${studio.baseUrl}/#/preview/form/no-such-form`);
      await page.getByText(/无法加载表单定义/).waitFor();

      await page.getByRole('button', { name: /English/ }).click();
      await page.getByRole('navigation', { name: 'Main navigation' }).getByText('Workspace').waitFor();
      await page.reload();
      await page.getByRole('navigation', { name: 'Main navigation' }).getByText('Designer').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.title()).toBe('Shijian · Civilization Practice');

      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('heading', { name: 'Log in' }).waitFor();
      await page.goto(`${studio.baseUrl}/#/workspace`);
      await page.getByRole('heading', { name: 'Log in' }).waitFor();
    } finally {
      await page.close();
    }
  });

  test('a station admin uploads a photo through the attachments API and the form stores its id', async () => {
    const page = await studio.newPage(phone);
    try {
      await page.goto(`${studio.baseUrl}/#/login`);
      // The earlier test chose English in this browser profile; this one reads Chinese.
      await page.evaluate(() => localStorage.removeItem('shijian.locale'));
      await page.reload();
      await studio.logIn(page, 'station.admin');
      await page.getByRole('navigation', { name: '主导航' }).waitFor();
      await page.evaluate((form) => {
        (window as unknown as { __SHIJIAN_FORM__: unknown }).__SHIJIAN_FORM__ = form;
      }, activityForm);
      await page.goto(`${studio.baseUrl}/#/harness/form?frames=desktop&uploader=server`);
      await page.locator('.sj-form').waitFor();
      const png = PNG_1X1;
      await page.locator('input[type=file]').setInputFiles({ name: '活动合影.png', mimeType: 'image/png', buffer: png });
      const readPhotos = () => page.evaluate(() => (window as unknown as { __SHIJIAN_STATE__?: { data: { photos?: string[] } } }).__SHIJIAN_STATE__?.data.photos ?? []);
      await expect.poll(readPhotos, { timeout: 10_000 }).toHaveLength(1);
      const [id] = await readPhotos();
      const download = await page.request.get(`${studio.baseUrl}/api/attachments/${id}`);
      expect(download.status()).toBe(200);
      expect(Buffer.from(await download.body()).equals(png)).toBe(true);
      await page.locator('.ant-upload-list-item-done img').waitFor();
      await screenshot(page, 'upload-360.png');
    } finally {
      await page.close();
    }
  });
});
