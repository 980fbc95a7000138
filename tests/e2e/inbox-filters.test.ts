/**
 * The inbox on a 360 px phone with more open tasks than one page (issue #8): a task far down the list is
 * found by filtering (the server filters, not the page), "load more" follows the cursor to the end
 * without drawing a card twice, and the kind and overdue filters show only what they say.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { poolAnywhere } from '../../server/db/scope';
import { newId } from '../../server/util/ids';
import { TestClock } from '../server/support/server';
import { label, noHorizontalScroll, screenshot, seriousViolations, useStudio } from './support';

const phone = { width: 360, height: 760 };
const POLL = { timeout: 15_000 };
const NOW = Date.now();
const hour = 3_600_000;

/** Instance ids of the fixture tasks, by what they are. */
const fixture = { late: '', dated: [] as string[], undated: [] as string[], overduePool: [] as string[], all: [] as string[] };

const studio = useStudio({
  server: { clock: new TestClock(NOW) },
  signedInReady: '.sj-ws-nav',
  async setup({ server }) {
    // Rows as the command path writes them, straight into the database: 30 dated and 6 undated five-order
    // tasks for the station admin, 5 overdue pool tasks (抢单), and one proposal due last of all.
    const db = server.deps.database.db;
    const admin = await db.selectFrom('users').select('id').where('username', '=', 'station.admin').executeTakeFirstOrThrow();
    const membership = await db
      .selectFrom('role_memberships')
      .innerJoin('org_units', 'org_units.id', 'role_memberships.org_unit_id')
      .select(['role_memberships.org_unit_id', 'role_memberships.role', 'org_units.path'])
      .where('role_memberships.user_id', '=', admin.id)
      .executeTakeFirstOrThrow();
    const created = new Date(NOW - 48 * hour).toISOString();
    const add = async (workflow: string, state: string, due: number | null, pool: 'unit' | 'anywhere' | null) => {
      const instanceId = newId();
      await db
        .insertInto('workflow_instances')
        .values({ id: instanceId, definition_key: workflow, definition_version: 1, org_unit_id: membership.org_unit_id, org_path: membership.path, state, status: 'active', snapshot: '{}', data: '{}', created_by: admin.id, created_at: created, updated_at: created, version: 1 })
        .execute();
      await db
        .insertInto('tasks')
        .values({
          id: newId(),
          instance_id: instanceId,
          org_path: membership.path,
          name: state,
          assignee_user_id: pool === null ? admin.id : null,
          pool_role: pool === null ? null : membership.role,
          pool_org_unit_id: pool === 'unit' ? membership.org_unit_id : pool === 'anywhere' ? poolAnywhere : null,
          pool_team_id: null,
          status: 'open',
          claimed_by: null,
          due_at: due === null ? null : new Date(NOW + due).toISOString(),
          created_at: created,
          closed_at: null,
          version: 1,
        })
        .execute();
      fixture.all.push(instanceId);
      return instanceId;
    };
    for (let i = 1; i <= 30; i++) fixture.dated.push(await add('five-order', 'pending_dispatch', i * 24 * hour, null));
    for (let i = 0; i < 6; i++) fixture.undated.push(await add('five-order', 'submitted', null, null));
    for (let i = 1; i <= 5; i++) fixture.overduePool.push(await add('five-order', 'dispatched', -i * hour, i % 2 === 0 ? 'anywhere' : 'unit'));
    fixture.late = await add('service-item-proposal', 'institute_review', 400 * 24 * hour, null);
  },
});

const status = (page: Page) => page.locator('p.sj-ws-meta[role=status]').textContent();
const cards = (page: Page) => page.locator('[data-task]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-task')!));
/** Waits until the list has been redrawn for a new filter (the previous list goes while it loads). */
async function settled(page: Page, check: (ids: string[]) => boolean): Promise<string[]> {
  let ids: string[] = [];
  await expect.poll(async () => check((ids = await cards(page))), POLL).toBe(true);
  return ids;
}

describe('the inbox filters and pages on the server', { timeout: 180_000 }, () => {
  test('a station admin with more tasks than a page finds one by filtering, loads more to the end, and filters pool and overdue tasks', async () => {
    const page = await studio.signedIn('station.admin', '/workspace', phone);
    const first = await settled(page, (ids) => ids.length > 0);
    expect(first).toHaveLength(20);
    // The proposal is due last: not on the first page.
    expect(first).not.toContain(fixture.late);
    // Overdue first: the pool tasks due an hour or more ago lead.
    expect(first.slice(0, fixture.overduePool.length).sort()).toEqual([...fixture.overduePool].sort());
    expect(await status(page)).toBe('已列出 20 项，还有更多');
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'inbox-filters-360.png');

    // The step filter waits for a workflow.
    const workflow = page.getByLabel('按流程筛选');
    const step = page.getByLabel('按状态筛选');
    expect(await step.isDisabled()).toBe(true);
    await workflow.selectOption('service-item-proposal');
    expect(await settled(page, (ids) => ids.includes(fixture.late))).toEqual([fixture.late]);
    await expect.poll(() => step.isDisabled(), POLL).toBe(false);
    await step.selectOption('institute_review');
    expect(await settled(page, (ids) => ids.length === 1)).toEqual([fixture.late]);
    await step.selectOption('district_approval');
    await expect.poll(() => status(page), POLL).toBe('暂无待办任务');
    await workflow.selectOption('');
    expect(await step.isDisabled()).toBe(true);

    // Load more follows the cursor to the end, never drawing a card twice.
    let shown = await settled(page, (ids) => ids.length === 20);
    const more = page.getByRole('button', { name: label('加载更多') });
    while (await more.isVisible()) {
      const previous = shown;
      await more.click();
      shown = await settled(page, (ids) => ids.length > previous.length);
      expect(shown.slice(0, previous.length)).toEqual(previous);
    }
    expect(new Set(shown).size).toBe(shown.length);
    for (const id of fixture.all) expect(shown).toContain(id);
    // In due order: the dated tasks, the proposal due last of them, then the undated ones.
    const at = (id: string) => shown.indexOf(id);
    expect(fixture.dated.map(at)).toEqual([...fixture.dated.map(at)].sort((a, b) => a - b));
    expect(Math.max(...fixture.dated.map(at))).toBeLessThan(at(fixture.late));
    expect(Math.min(...fixture.undated.map(at))).toBeGreaterThan(at(fixture.late));
    expect(await status(page)).toBe(`共 ${shown.length} 项`);

    // Pool tasks only: each card offers 抢单.
    await page.getByLabel('按类型筛选').selectOption('pool');
    const pool = await settled(page, (ids) => ids.length > 0 && ids.length < shown.length);
    for (const id of fixture.overduePool) expect(pool).toContain(id);
    for (const id of pool) expect(await page.locator(`[data-task="${id}"]`).getByRole('button', { name: label('抢单') }).count()).toBe(1);

    // Overdue only, any kind: each card is marked overdue.
    await page.getByLabel('按类型筛选').selectOption('');
    await settled(page, (ids) => ids.length === 20);
    await page.getByLabel('只看已超时').check();
    const overdue = await settled(page, (ids) => ids.length > 0 && ids.length < 20);
    for (const id of fixture.overduePool) expect(overdue).toContain(id);
    for (const id of overdue) expect(await page.locator(`[data-task="${id}"]`).getByText('已超时').count()).toBe(1);
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
