/** What a district admin does again and again in the designer: pick from a list, open a definition, publish it. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { label, type Studio } from './support';

const POLL = { timeout: 15_000 };

/** The definition list, signed in as the district admin on a wide screen. */
export async function designerAsDistrictAdmin(studio: Studio): Promise<Page> {
  const page = await studio.signedIn('district.admin', '/designer', { width: 1440, height: 1000 });
  await page.getByRole('heading', { name: '设计器 · 定义管理' }).waitFor();
  return page;
}

export async function pick(page: Page, comboboxName: string | RegExp, option: string, scope = page.locator('body')): Promise<void> {
  await scope.getByRole('combobox', { name: comboboxName }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** From the definition list, which the page (already in the studio) is taken to first. */
export async function openDefinition(page: Page, key: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#/designer`);
  await page.getByLabel('搜索名称、标识、类型或作者').fill(key);
  await page.locator('[data-definition]').getByRole('link', { name: key, exact: true }).first().click();
  await page.locator('[data-status]').waitFor();
}

export async function publish(page: Page, version: number): Promise<void> {
  // Warnings do not block publishing; errors would (the button is disabled while any remains).
  await expect.poll(() => page.getByText(/^校验：\d+ 个错误/).textContent(), POLL).toMatch(/^校验：0 个错误/);
  await page.getByRole('button', { name: label('发布') }).click();
  await page.locator('[data-notice]').filter({ hasText: `已发布 v${version}` }).waitFor();
}
