import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { notificationIntervals, startNotificationWorker } from '../../server/workers/notification-worker';
import { signIn, type ApiClient } from '../server/support/client';
import { TestClock } from '../server/support/server';
import { screenshot, seriousViolations, useStudio } from './support';

// The notification worker runs as main.ts runs it.
const studio = useStudio({
  server: { clock: new TestClock(Date.now()) },
  async setup({ server }) {
    const worker = startNotificationWorker({ deps: server.deps, channels: [], ...notificationIntervals });
    return () => worker.stop();
  },
});

async function dispatchOrderToLeader(resident: ApiClient, station: ApiClient, stationId: string, teamId: string): Promise<string> {
  const order = await resident.post<{ id: string }>('/api/instances', { workflow: 'five-order', orgUnitId: stationId, data: { description: '需要志愿者上门维修水管', beneficiaryPhone: '13800000000' } });
  expect(order.status).toBe(201);
  expect((await station.post(`/api/instances/${order.body.id}/commands`, { event: 'accept_for_dispatch' }, { headers: { 'if-match': '1' } })).status).toBe(200);
  expect((await station.post(`/api/instances/${order.body.id}/commands`, { event: 'dispatch', data: { mode: 'directed', teamId } }, { headers: { 'if-match': '2' } })).status).toBe(200);
  return order.body.id;
}

const unreadIn = async (page: Page) => {
  const label = (await page.getByTestId('notification-bell').getAttribute('aria-label')) ?? '';
  const match = /(\d+) 条未读/.exec(label);
  return match ? Number(match[1]) : 0;
};

describe('notifications in Chromium against the real server', { timeout: 120_000 }, () => {
  test('the team leader sees the bell count rise after a dispatch, opens the list, marks it read', async () => {
    const resident = await signIn(studio.baseUrl, 'resident1');
    const station = await signIn(studio.baseUrl, 'station.admin');
    const leaderApi = await signIn(studio.baseUrl, 'team.leader');
    const stationId = (await resident.get<{ user: { roles: { orgUnitId: string }[] } }>('/api/auth/me')).body.user.roles[0]!.orgUnitId;
    const leaderId = (await leaderApi.get<{ user: { id: string } }>('/api/auth/me')).body.user.id;
    const teamId = (await station.get<{ items: { id: string; leaderUserId: string | null }[] }>('/api/teams')).body.items.find((team) => team.leaderUserId === leaderId)!.id;

    // A phone-sized screen: the bell sits in the header next to the language switch.
    const page = await studio.signedIn('team.leader', '/workspace', { width: 390, height: 800 });
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    await page.waitForTimeout(1_500);
    const before = await unreadIn(page);

    // No reload, no click: the bell polls (the latency itself is measured by tests/bench/suites/notifications.ts).
    const orderId = await dispatchOrderToLeader(resident, station, stationId, teamId);
    await expect.poll(() => unreadIn(page), { timeout: 10_000, interval: 100 }).toBe(before + 1);

    await bell.click();
    await page.waitForURL(/#\/notifications$/);
    const item = page.locator('li[data-notification][data-read="false"]').first();
    await expect.poll(() => item.locator('.sj-ntf-title').textContent()).toBe('新待办：接单');
    expect(await item.getByRole('link', { name: '查看办件' }).getAttribute('href')).toBe(`#/workspace/instances/${orderId}`);
    await screenshot(page, 'notifications-list-phone.png');
    expect(await seriousViolations(page)).toEqual([]);

    const id = await item.getAttribute('data-notification');
    await item.getByRole('button', { name: /标为已读/ }).click();
    await expect.poll(() => page.locator(`li[data-notification="${id}"]`).getAttribute('data-read')).toBe('true');
    await expect.poll(() => unreadIn(page), { timeout: 3_000 }).toBe(before);
    const stored = await leaderApi.get<{ items: { id: string; readAt: string | null }[] }>('/api/notifications?limit=100');
    expect(stored.body.items.find((n) => n.id === id)!.readAt).not.toBeNull();

    // The settings tab: with no outbound channel configured it says so, and quiet hours can be saved.
    await page.getByRole('tab', { name: '接收设置' }).click();
    await page.getByText('本系统尚未配置短信、微信等外发渠道').waitFor();
    const quiet = page.getByRole('switch', { name: '免打扰时段（北京时间）' });
    if ((await quiet.getAttribute('aria-checked')) !== 'true') await quiet.click();
    // Start and end the same: the server refuses with a pointer, the field says why, nothing is saved.
    await page.locator('input[name="quietStart"]').fill('07:00');
    await page.locator('input[name="quietEnd"]').fill('07:00');
    await page.getByRole('button', { name: /保存设置/ }).click();
    await page.getByRole('alert').filter({ hasText: '开始和结束不能相同' }).waitFor();
    expect((await leaderApi.get<{ quietHours: unknown }>('/api/notifications/preferences')).body.quietHours).toEqual({ start: '22:00', end: '07:00' });
    await page.locator('input[name="quietStart"]').fill('21:30');
    await page.locator('input[name="quietEnd"]').fill('06:45');
    await page.getByRole('button', { name: /保存设置/ }).click();
    await page.getByText('设置已保存').waitFor();
    const saved = await leaderApi.get<{ quietHours: { start: string; end: string } | null }>('/api/notifications/preferences');
    expect(saved.body.quietHours).toEqual({ start: '21:30', end: '06:45' });
    await screenshot(page, 'notifications-settings-phone.png');
  });
});
