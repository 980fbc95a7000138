import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { signIn } from '../server/support/client';
import { publishOneTier } from '../server/public/publish-tier';
import { screenshot, seriousViolations as serious, useStudio } from './support';

// The demo org with orders, opened logged out on a phone.
let instituteName = '';
const phone = '13755556666';
const POLL = { timeout: 10_000 };

const studio = useStudio({
  server: { orders: true },
  async setup({ server }) {
    const stationAdmin = await signIn(server.baseUrl, 'station.admin');
    const resident = await signIn(server.baseUrl, 'resident1');
    const stationId = (await stationAdmin.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
    const units = (await stationAdmin.get<{ units: { id: string; name: string; parentId: string | null }[] }>('/api/public/units')).body.units;
    instituteName = units.find((unit) => unit.id === units.find((candidate) => candidate.id === stationId)!.parentId)!.name;
    expect(instituteName.length).toBeGreaterThan(1);
    await resident.post('/api/instances', { workflow: 'five-order', orgUnitId: stationId, data: { description: '需要上门理发', beneficiaryName: '周玉兰', beneficiaryPhone: phone, address: '红星村五组 3 号' } });
    await publishOneTier(server.baseUrl, stationAdmin);
    expect((await stationAdmin.post('/api/activity-plans', { orgUnitId: stationId, year: 2026, month: 3, title: '3月活动安排', items: [{ title: '学雷锋志愿服务日', date: '2099-03-05' }] })).status).toBe(201);
  },
});

const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

describe('public pages, logged out, at 360 px', { timeout: 120_000 }, () => {
  test('from the login page to figures, tiers, the menu and a unit’s activities, in Chinese then English, with no personal data and no cookie sent', async () => {
    const page = await studio.newPage({ width: 360, height: 740 });
    const publicRequests: { url: string; cookie: string | undefined }[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/public/')) publicRequests.push({ url: request.url(), cookie: request.headers().cookie });
    });
    try {
      await page.goto(`${studio.baseUrl}/#/login`);
      await page.getByRole('link', { name: '不登录，查看公开信息' }).click();
      await page.getByRole('heading', { name: '志愿服务数据' }).waitFor();
      expect(page.url()).toContain('#/public');
      await page.getByText('注册志愿者').waitFor();
      await page.getByRole('link', { name: instituteName }).waitFor();
      expect(await overflows(page)).toBe(false);
      expect(await serious(page)).toEqual([]);
      await screenshot(page, 'public-home-360.png');

      await page.getByRole('navigation', { name: '公开信息导航' }).getByRole('link', { name: '服务菜单' }).click();
      await page.getByRole('heading', { name: '医疗服务' }).waitFor();
      await page.getByText('义诊巡诊').waitFor();
      expect(await overflows(page)).toBe(false);
      await screenshot(page, 'public-menu-360.png');

      await page.getByRole('navigation', { name: '公开信息导航' }).getByRole('link', { name: '创建等级' }).click();
      await page.getByRole('heading', { name: '2026 年度创建等级公示' }).waitFor();
      await page.getByText('公示中').waitFor();
      await page.getByText(/测评细则：.*实践站/).click();
      await page.getByText(/示范级：\d+ 分以上/).first().waitFor();
      expect(await overflows(page)).toBe(false);
      expect(await serious(page)).toEqual([]);
      await screenshot(page, 'public-tiers-360.png');

      await page.getByRole('navigation', { name: '公开信息导航' }).getByRole('link', { name: '首页' }).click();
      await page.getByRole('link', { name: instituteName }).click();
      await page.getByRole('heading', { name: '近期活动' }).waitFor();
      await page.getByText('学雷锋志愿服务日').waitFor();
      expect(await overflows(page)).toBe(false);
      expect(await serious(page)).toEqual([]);
      await screenshot(page, 'public-unit-360.png');

      const text = await page.evaluate(() => document.body.innerText);
      expect(text).not.toContain(phone);
      expect(text).not.toContain('周玉兰');

      await page.getByRole('button', { name: /English/ }).click();
      await page.getByRole('heading', { name: 'Upcoming activities' }).waitFor(POLL);
      await page.getByRole('navigation', { name: 'Public pages' }).getByRole('link', { name: 'Service menu' }).click();
      await page.getByRole('heading', { name: 'Medical services' }).waitFor();
      expect(await overflows(page)).toBe(false);

      expect(publicRequests.length).toBeGreaterThan(3);
      expect(publicRequests.filter((request) => request.cookie !== undefined)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
