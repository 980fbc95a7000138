/**
 * XSS payloads saved through the API — in a definition's label and in order form data —
 * render as text in the studio (Chromium against the real server), never as markup that runs.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from '../server/support/client';
import { useStudio } from '../e2e/support';
import { myUnit } from './support';

const payload = '<img src=x onerror=window.__xss=1>';
const desktop = { width: 1280, height: 800 };
let orderId = '';

const studio = useStudio({
  async setup({ server }) {
    const admin = await signIn(server.baseUrl, 'district.admin');
    expect((await admin.post('/api/definitions/serviceCategory/xss-label/drafts', { title: { 'zh-CN': `标签${payload}`, en: `Label ${payload}` }, order: 99 })).status).toBe(201);
    const resident = await signIn(server.baseUrl, 'resident1');
    const station = await myUnit(resident);
    const order = await resident.post<{ id: string }>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: { description: `需求${payload}` } });
    expect(order.status).toBe(201);
    orderId = order.body.id;
  },
});

/** The payload is on the page as text; no element it would have created exists and nothing ran. */
async function expectInert(page: Page) {
  // As text, or as the value of a (read-only) form control: both are inert, neither is markup.
  await page.waitForFunction((marker) => document.body.innerText.includes(marker) || [...document.querySelectorAll('input, textarea')].some((el) => (el as HTMLInputElement).value.includes(marker)), 'onerror=window.__xss=1', { timeout: 30_000 });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
}

describe('stored XSS in the studio', { timeout: 120_000 }, () => {
  it('a label with markup saved in the designer renders as text', async () => {
    const page = await studio.signedIn('district.admin', '/designer/serviceCategory/xss-label', desktop);
    await expectInert(page);
    await page.close();
  });

  it('order form data with markup renders as text on the instance page', async () => {
    const page = await studio.signedIn('station.admin', `/workspace/instances/${orderId}`, desktop);
    await expectInert(page);
    await page.close();
  });
});
