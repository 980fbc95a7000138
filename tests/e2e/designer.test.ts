import { describe, expect, test } from 'vitest';
import { signIn } from '../server/support/client';
import { TestClock } from '../server/support/server';
import { designerAsDistrictAdmin, openDefinition, pick, publish } from './designer-steps';
import { label, screenshot, seriousViolations as serious, useStudio } from './support';

const studio = useStudio({ server: { clock: new TestClock(Date.now()) } });
const POLL = { timeout: 15_000 };

describe('a district admin changes a form, a workflow and a rubric with the visual editors only', { timeout: 120_000 }, () => {
  test('form field with a show rule, a 会签 step, rubric points with totals and impact preview; the API serves what was published', async () => {
    const page = await designerAsDistrictAdmin(studio);
    await expect.poll(() => page.locator('[data-definition]').count(), POLL).toBeGreaterThan(10);
    await screenshot(page, 'designer-1-browser.png');
    expect(await serious(page)).toEqual([]);

    // Form: a follow-up field shown only when more than 50 people were served.
    await openDefinition(page, 'order-completion');
    await page.locator('[data-form-designer]').waitFor();
    await page.getByLabel('新字段标识').fill('followUp');
    await page.getByLabel('新字段中文名称').fill('回访安排');
    await page.getByLabel('新字段英文名称').fill('Follow-up plan');
    await pick(page, '新字段类型', '多行文本');
    await page.getByRole('button', { name: '添加字段' }).click();
    await page.locator('[data-inspector=followUp]').waitFor();
    const rule = page.locator('[data-rule-picker]');
    await pick(page, '条件字段', '服务群众人数', rule);
    await pick(page, '比较方式', '大于', rule);
    await rule.getByLabel('条件值').fill('50');
    await rule.getByRole('button', { name: '应用条件' }).click();
    await expect.poll(() => page.locator('[data-field=followUp]').textContent(), POLL).toContain('显示');
    const desktop = page.locator('[data-preview] [data-frame=desktop]');
    await desktop.getByLabel('服务群众人数').waitFor();
    expect(await desktop.getByLabel('回访安排').count()).toBe(0);
    await desktop.getByLabel('服务群众人数').fill('60');
    await desktop.getByLabel('回访安排').waitFor();
    await screenshot(page, 'designer-2-form.png');
    expect(await serious(page)).toEqual([]);
    await publish(page, 2);

    const api = await signIn(studio.baseUrl, 'district.admin');
    const form = (await api.get<{ version: number; status: string; body: { rules: { scope: string; when: string }[] } }>('/api/definitions/form/order-completion')).body;
    expect(form.version).toBe(2);
    expect(form.status).toBe('published');
    expect(form.body.rules).toContainEqual({ scope: '#/properties/followUp', effect: 'SHOW', when: 'has(data.beneficiaryCount) && data.beneficiaryCount > 50' });

    // Workflow: from 服务中, a joint review where the station admin and the proxy orderer must all sign (会签).
    await openDefinition(page, 'five-order');
    await page.locator('[data-workflow-designer] [data-diagram]').waitFor();
    await page.getByRole('tab', { name: '添加流转' }).click();
    const add = page.locator('[data-add-transition]');
    await pick(page, '从环节', '服务中', add);
    await add.getByLabel('新操作标识').fill('joint_review');
    await add.getByLabel('新操作名称').fill('提交联合审核');
    await add.getByLabel('新操作英文名称').fill('Send to joint review');
    await pick(page, '进入', '新建审批环节…', add);
    await add.getByLabel('新环节标识').fill('joint_check');
    await add.getByLabel('新环节名称').fill('联合审核');
    await add.getByLabel('新环节英文名称').fill('Joint review');
    expect(await add.getByRole('combobox', { name: '新环节审批方式' }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent()).toContain('会签');
    await pick(page, '新环节审批角色', '站管理员', add);
    await pick(page, '新环节审批角色', '代点单员', add);
    await page.keyboard.press('Escape');
    await pick(page, '审批通过后进入', '待评价', add);
    await add.getByRole('button', { name: '添加流转' }).click();
    await page.locator('[data-transition-inspector="in_service:joint_review"]').waitFor();
    await page.locator('[data-state=joint_check]').click();
    await page.locator('[data-state-inspector=joint_check]').waitFor();
    expect(await page.locator('[data-state=joint_check]').textContent()).toContain('会签');
    await screenshot(page, 'designer-3-workflow.png');
    expect(await serious(page)).toEqual([]);
    await publish(page, 2);
    const flow = (await api.get<{ version: number; body: { states: Record<string, { task?: { kind: string; assignees: unknown[] }; transitions: { event: string; to: string }[] }> } }>('/api/definitions/workflow/five-order')).body;
    expect(flow.version).toBe(2);
    expect(flow.body.states.joint_check?.task).toMatchObject({ kind: 'countersign', assignees: [{ role: 'stationAdmin', at: 'unit' }, { role: 'proxyOrderer', at: 'unit' }] });
    expect(flow.body.states.in_service?.transitions).toContainEqual(expect.objectContaining({ event: 'joint_review', to: 'joint_check' }));
    // The simulator plays the published flow with the real engine: a resident orders, the station admin accepts.
    await page.getByRole('tab', { name: '模拟运行' }).click();
    await page.locator('[data-simulator]').getByRole('button', { name: '开始模拟' }).click();
    await page.locator('[data-sim-state=submitted]').waitFor();
    await page.locator('[data-sim-actor="stationAdmin@station-1"]').getByRole('button', { name: /^受理/ }).click();
    await page.locator('[data-sim-state=pending_dispatch]').waitFor();
    await screenshot(page, 'designer-3b-simulator.png');

    // Rubric: C2 up from 8 to 10 points; the section total turns red until C3 gives 2 back; then the impact preview.
    await openDefinition(page, 'station-rubric');
    await page.locator('[data-rubric-designer]').waitFor();
    await page.getByLabel('细则 C2 分值').fill('10');
    await expect.poll(() => page.locator('[data-subtotal=activity]').getAttribute('data-ok'), POLL).toBe('false');
    expect(await page.locator('[data-subtotal=activity]').textContent()).toContain('27 / 25');
    expect(await page.locator('[data-total]').getAttribute('data-ok')).toBe('false');
    await page.getByLabel('细则 C3 分值').fill('3');
    await expect.poll(() => page.locator('[data-total]').getAttribute('data-ok'), POLL).toBe('true');
    expect(await page.locator('[data-subtotal=activity]').textContent()).toContain('25 / 25');
    await page.getByRole('button', { name: '预览影响' }).click();
    await page.locator('[data-impact-result]').waitFor();
    expect(await page.locator('[data-impact-result]').textContent()).toMatch(/共 \d+ 个单位/);
    await screenshot(page, 'designer-4-rubric.png');
    expect(await serious(page)).toEqual([]);
    await publish(page, 2);
    const rubric = (await api.get<{ version: number; body: { sections: { key: string; items: { key: string; points: number }[] }[] } }>('/api/definitions/rubric/station-rubric')).body;
    expect(rubric.version).toBe(2);
    const activity = rubric.body.sections.find((s) => s.key === 'activity')!;
    expect(activity.items.find((i) => i.key === 'c2')?.points).toBe(10);
    expect(activity.items.find((i) => i.key === 'c3')?.points).toBe(3);

    // The diff in words an officer reads.
    await page.getByRole('tab', { name: '版本对比' }).click();
    await page.getByRole('button', { name: label('对比') }).click();
    await page.locator('[data-diff-lines]').getByText(/细则 C2.*现为 10 分，原为 8 分/).waitFor();
    await screenshot(page, 'designer-5-diff.png');

    // Menu: the free clinic must be accepted within 12 hours.
    await openDefinition(page, 'free-clinic');
    await page.locator('[data-menu-item]').waitFor();
    await page.getByLabel('接单时限时长').fill('PT12H');
    await screenshot(page, 'designer-6-menu-item.png');
    await publish(page, 2);
    const item = (await api.get<{ version: number; body: { sla?: Record<string, unknown> } }>('/api/definitions/serviceItem/free-clinic')).body;
    expect(item.body.sla).toEqual({ accept: { after: 'PT12H', calendar: 'working' } });

    // A new form from nothing: created as a draft, a first field added, saved.
    await page.goto(`${studio.baseUrl}/#/designer`);
    await page.getByLabel('标识（如 family-visit）').fill('family-visit');
    await page.getByLabel('中文名称').fill('家访记录');
    await page.getByRole('button', { name: '新建草稿' }).click();
    await page.locator('[data-form-designer]').waitFor();
    await page.getByLabel('新字段标识').fill('visitDate');
    await page.getByLabel('新字段中文名称').fill('家访日期');
    await pick(page, '新字段类型', '日期');
    await page.getByRole('button', { name: '添加字段' }).click();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.locator('[data-notice]').filter({ hasText: '已保存为草稿 v1' }).waitFor();
    const draft = (await api.get<{ status: string; body: { schema: { properties: Record<string, { format?: string }> } } }>('/api/definitions/form/family-visit?version=1')).body;
    expect(draft.status).toBe('draft');
    expect(draft.body.schema.properties.visitDate?.format).toBe('date');
    await page.close();
  });
});
