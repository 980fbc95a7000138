import { describe, expect, test } from 'vitest';
import { signIn } from '../server/support/client';
import { TestClock } from '../server/support/server';
import { designerAsDistrictAdmin, openDefinition, pick, publish } from './designer-steps';
import { label, screenshot, seriousViolations as serious, useStudio } from './support';

const studio = useStudio({ server: { clock: new TestClock(Date.now()) } });
const POLL = { timeout: 15_000 };

describe('a district admin edits rubric modes, veto items and guards without code, and integrators get a schema-aware JSON view', { timeout: 150_000 }, () => {
  test('rubric item mode and a veto item, the unsaved-changes warning, a guard from the picker, JSON completion', async () => {
    const page = await designerAsDistrictAdmin(studio);
    const api = await signIn(studio.baseUrl, 'district.admin');

    // Rubric: C2 is now scored by the reviewer's judgement (评审打分), and a sixth veto item is added.
    await openDefinition(page, 'station-rubric');
    await page.locator('[data-rubric-designer]').waitFor();
    await pick(page, '细则 C2 评分方式', '评审打分');
    const c2 = page.locator('[data-item-editor=c2]');
    await c2.waitFor();
    await c2.getByLabel('第 2 个选项说明', { exact: true }).fill('全部按时开展');
    await c2.getByRole('button', { name: /添加可选分值/ }).click();
    await c2.getByLabel('第 3 个选项说明', { exact: true }).fill('大部分按时开展');
    await c2.getByLabel('第 3 个选项说明（英文）').fill('Mostly on time');
    expect(await page.locator('[data-subtotal=activity]').getAttribute('data-ok')).toBe('true');
    await c2.scrollIntoViewIfNeeded();
    await screenshot(page, 'designer-more-1-rubric-item.png');
    const vetoes = page.locator('[data-vetoes]');
    await vetoes.getByLabel('否决项（中文）').fill('拒不整改督查发现的问题');
    await vetoes.getByLabel('否决项（英文）').fill('Refused to fix problems found by inspection');
    await vetoes.getByRole('button', { name: /添加否决项/ }).click();
    await page.locator('[data-veto=v6]').waitFor();
    await page.locator('[data-vetoes]').scrollIntoViewIfNeeded();
    await screenshot(page, 'designer-more-2-veto-bonus.png');
    expect(await serious(page)).toEqual([]);

    // Leaving with unsaved edits asks first; staying keeps every edit.
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('unsaved');
    await page.locator('.ant-breadcrumb').getByRole('link', { name: '定义管理' }).click();
    const dialog = page.locator('.ant-modal-confirm');
    await dialog.getByText('离开后，这些修改将会丢失。确定离开吗？').waitFor();
    await screenshot(page, 'designer-more-3-unsaved.png', { fullPage: false });
    await dialog.getByRole('button', { name: '留在此页' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(page.url()).toContain('/designer/rubric/station-rubric');
    expect(await page.locator('[data-veto=v6]').count()).toBe(1);
    // So does the browser's back button; staying returns to this page's entry with every edit.
    await page.goBack();
    await dialog.getByText('离开后，这些修改将会丢失。确定离开吗？').waitFor();
    expect(await page.locator('[data-veto=v6]').count()).toBe(1);
    await dialog.getByRole('button', { name: '留在此页' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForURL(/\/designer\/rubric\/station-rubric/);
    expect(await page.locator('[data-veto=v6]').count()).toBe(1);
    // And so does signing out; staying keeps the session and the edits.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '留在此页' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(page.url()).toContain('/designer/rubric/station-rubric');
    expect(await page.locator('[data-veto=v6]').count()).toBe(1);
    await publish(page, 2);
    // Published, nothing is unsaved: back leaves at once, the entry the guard added is gone.
    await page.goBack();
    await page.waitForURL(/#\/designer$/);
    expect(await dialog.isVisible()).toBe(false);
    const rubric = (await api.get<{ version: number; body: { vetoes: { key: string; title: { 'zh-CN': string } }[]; sections: { key: string; items: { key: string; scoring: { mode: string; options?: { points: number; title: { 'zh-CN': string } }[] } }[] }[] } }>('/api/definitions/rubric/station-rubric')).body;
    expect(rubric.version).toBe(2);
    expect(rubric.body.vetoes.at(-1)).toMatchObject({ key: 'v6', title: { 'zh-CN': '拒不整改督查发现的问题' } });
    const scoring = rubric.body.sections.find((s) => s.key === 'activity')!.items.find((i) => i.key === 'c2')!.scoring;
    expect(scoring.mode).toBe('judgement');
    expect(scoring.options?.map((o) => [o.points, o.title['zh-CN']])).toEqual([
      [0, '未达到'],
      [8, '全部按时开展'],
      [4, '大部分按时开展'],
    ]);

    // Workflow: recalling a dispatch only for an institute admin, picked without typing CEL.
    await openDefinition(page, 'five-order');
    await page.locator('[data-workflow-designer] [data-diagram]').waitFor();
    await page.locator('[data-edge="dispatched:recall:pending_dispatch"]').dispatchEvent('click');
    const picker = page.locator('[data-transition-inspector="dispatched:recall"] [data-guard-picker]');
    await picker.getByRole('button', { name: /按操作人角色/ }).click();
    const wanted = 'actor.roles.exists(r, r.role == "instituteAdmin")';
    // On a loaded machine a click can land while the dropdown still animates in: pick again until it took.
    for (let attempt = 0; attempt < 3 && (await picker.getByLabel('前置条件').inputValue()) !== wanted; attempt++) {
      await pick(page, '条件 1 的角色', '所管理员', picker);
      await page.waitForTimeout(500);
    }
    await expect.poll(() => picker.getByLabel('前置条件').inputValue(), POLL).toBe(wanted);
    await picker.locator('[data-guard-check=ok]').waitFor();
    await picker.scrollIntoViewIfNeeded();
    await screenshot(page, 'designer-more-4-guard.png');
    expect(await serious(page)).toEqual([]);
    await publish(page, 2);
    const flow = (await api.get<{ body: { states: Record<string, { transitions: { event: string; guard?: string }[] }> } }>('/api/definitions/workflow/five-order')).body;
    expect(flow.body.states.dispatched!.transitions.find((t) => t.event === 'recall')?.guard).toBe('actor.roles.exists(r, r.role == "instituteAdmin")');

    // JSON view: completion offers what the rubric's JSON Schema allows and is not there yet.
    await openDefinition(page, 'station-rubric');
    await page.getByRole('tab', { name: 'JSON（集成人员）' }).click();
    const editor = page.locator('[data-json-editor] .cm-content');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"ta');
    const completion = page.locator('.cm-tooltip-autocomplete');
    await completion.getByText('tags', { exact: true }).waitFor();
    await screenshot(page, 'designer-more-5-json-completion.png', { fullPage: false });
    expect(await serious(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => editor.textContent(), POLL).toContain('"tags": [],');
    // A value completion on request (Ctrl+Space): the decimals the schema allows.
    await page.keyboard.press('Escape');
    await page.keyboard.type('\n"scoreDecimals": ');
    await page.keyboard.press('Control+Space');
    await completion.locator('.cm-completionLabel').filter({ hasText: /^2$/ }).waitFor();
    expect(await completion.locator('.cm-completionLabel').allTextContents()).toEqual(['0', '1', '2']);
    await page.keyboard.press('Escape');

    // Back with these edits, and discard them: the studio follows the browser to the list, nothing is saved.
    await page.keyboard.type('2,');
    // Typed but not applied is unsaved too: back asks, and staying keeps the text.
    await page.goBack();
    await page.getByRole('button', { name: '留在此页' }).click();
    await page.waitForURL(/\/designer\/rubric\/station-rubric/);
    await expect.poll(() => editor.textContent(), POLL).toContain('"scoreDecimals": 2,');
    await page.getByRole('button', { name: label('应用到编辑器') }).click();
    await expect.poll(() => page.locator('[data-status]').getAttribute('data-status'), POLL).toBe('unsaved');
    await page.goBack();
    await page.getByRole('button', { name: '放弃修改并离开' }).click();
    await page.waitForURL(/#\/designer$/);
    await page.getByLabel('搜索名称、标识、类型或作者').waitFor();
    const drafts = await api.get<{ items: unknown[] }>('/api/definitions?kind=rubric&key=station-rubric&status=draft');
    expect(drafts.status).toBe(200);
    expect(drafts.body.items).toEqual([]);
    await page.close();
  });
});
