/**
 * XSS payloads saved through the API — in a definition's label, an org unit's name and order form data —
 * render as text in the studio (Chromium against the real server), never as markup that runs.
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../server/support/client';
import { DIALECTS, type TestDatabase } from '../server/support/dialects';
import { startServer, type RunningServer } from '../server/support/server';
import { buildStudio, launchChromium } from '../e2e/support';
import { myUnit } from './support';

const payload = '<img src=x onerror=window.__xss=1>';

describe('stored XSS in the studio', { timeout: 120_000 }, () => {
  let outDir = '';
  let database: TestDatabase;
  let server: RunningServer;
  let browser: BrowserContext;
  let orderId = '';

  beforeAll(async () => {
    outDir = await buildStudio();
    database = await DIALECTS.find((d) => d.name === 'sqlite')!.create();
    server = await startServer(database.handle, { overrides: { studioDir: outDir } });
    browser = await launchChromium();
    const admin = await signIn(server.baseUrl, 'district.admin');
    expect((await admin.post('/api/definitions/serviceCategory/xss-label/drafts', { title: { 'zh-CN': `标签${payload}`, en: `Label ${payload}` }, order: 99 })).status).toBe(201);
    const resident = await signIn(server.baseUrl, 'resident1');
    const station = await myUnit(resident);
    const order = await resident.post<{ id: string }>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: { description: `需求${payload}` } });
    expect(order.status).toBe(201);
    orderId = order.body.id;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.destroy();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  /** Signs in from the target page itself: the login returns there (no race with the post-login redirect). */
  async function signedIn(username: string, path: string): Promise<Page> {
    await browser.clearCookies();
    const page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.baseUrl}/#${path}`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('shijian-demo');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.waitForURL((url) => url.hash === `#${path}`);
    return page;
  }

  /** The payload is on the page as text; no element it would have created exists and nothing ran. */
  async function expectInert(page: Page) {
    // As text, or as the value of a (read-only) form control: both are inert, neither is markup.
    await page.waitForFunction((marker) => document.body.innerText.includes(marker) || [...document.querySelectorAll('input, textarea')].some((el) => (el as HTMLInputElement).value.includes(marker)), 'onerror=window.__xss=1', { timeout: 30_000 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  }

  it('a label with markup saved in the designer renders as text', async () => {
    const page = await signedIn('district.admin', '/designer/serviceCategory/xss-label');
    await expectInert(page);
    await page.close();
  });

  it('order form data with markup renders as text on the instance page', async () => {
    const page = await signedIn('station.admin', `/workspace/instances/${orderId}`);
    await expectInert(page);
    await page.close();
  });
});
