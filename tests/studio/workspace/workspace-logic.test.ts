import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../studio/api/client';
import { loadLocale, translator } from '../../../studio/i18n';
import { rerootCommandError } from '../../../studio/workspace/command-errors';
import { arrangeInbox, INBOX_PAGE, inboxWindow, urgencyOf } from '../../../studio/workspace/inbox-order';
import { ratingOf } from '../../../studio/workspace/text';
import { workflowLabels } from '../../../studio/workspace/workflow-labels';
import type { Task } from '../../../studio/workspace/workspace-api';
import fiveOrder from '../../../definitions/liangzhou/workflows/five-order.json';
import type { WorkflowDefinition } from '../../../runtime/schema/workflow';

const now = Date.parse('2026-03-02T08:00:00Z');
const task = (id: string, dueAt: string | null, extra: Partial<Task> = {}): Task => ({
  id,
  instanceId: `i-${id}`,
  workflow: 'five-order',
  state: 'submitted',
  orgUnitId: 'u1',
  instanceVersion: 1,
  name: 'task',
  assigneeUserId: 'me',
  pool: null,
  dueAt,
  createdAt: '2026-03-01T00:00:00Z',
  ...extra,
});

describe('inbox order', () => {
  it('puts overdue tasks first, then the soonest due, then tasks without a due date', () => {
    const tasks = [task('later', '2026-03-05T00:00:00Z'), task('none', null), task('overdue', '2026-03-01T00:00:00Z'), task('soon', '2026-03-02T12:00:00Z')];
    expect(arrangeInbox(tasks, {}, now).map((t) => t.id)).toEqual(['overdue', 'soon', 'later', 'none']);
    expect(tasks.map((t) => urgencyOf(t, now))).toEqual(['normal', 'none', 'overdue', 'soon']);
  });

  it('filters by workflow, state and overdue', () => {
    const tasks = [task('a', '2026-03-01T00:00:00Z'), task('b', null, { state: 'pending_dispatch' }), task('c', null, { workflow: 'leave' })];
    expect(arrangeInbox(tasks, { workflow: 'five-order' }, now).map((t) => t.id)).toEqual(['a', 'b']);
    expect(arrangeInbox(tasks, { state: 'pending_dispatch' }, now).map((t) => t.id)).toEqual(['b']);
    expect(arrangeInbox(tasks, { overdueOnly: true }, now).map((t) => t.id)).toEqual(['a']);
  });

  it('filters tasks assigned to me apart from pool tasks open to claim', () => {
    const tasks = [task('mine', null), task('pool', null, { assigneeUserId: null, pool: { role: 'teamLeader', orgUnitId: 'u1', teamId: null } })];
    expect(arrangeInbox(tasks, { kind: 'assigned' }, now).map((t) => t.id)).toEqual(['mine']);
    expect(arrangeInbox(tasks, { kind: 'pool' }, now).map((t) => t.id)).toEqual(['pool']);
    expect(arrangeInbox(tasks, {}, now)).toHaveLength(2);
  });

  it('draws the arranged inbox a page at a time without losing or repeating a task', () => {
    const tasks = Array.from({ length: INBOX_PAGE * 2 + 5 }, (_, i) => task(`t${String(i).padStart(3, '0')}`, null));
    const one = inboxWindow(tasks, 1);
    expect(one.shown).toHaveLength(INBOX_PAGE);
    expect(one.remaining).toBe(INBOX_PAGE + 5);
    const all = inboxWindow(tasks, 3);
    expect(all.remaining).toBe(0);
    expect(new Set(all.shown.map((t) => t.id)).size).toBe(tasks.length);
    expect(inboxWindow([], 1)).toEqual({ shown: [], remaining: 0 });
  });
});

describe('ratings', () => {
  it('reads the stars from the workflow variable, else from the rating step data; 0 or absent is unrated', () => {
    expect(ratingOf({ vars: { stars: 4 } })).toBe(4);
    expect(ratingOf({ vars: { stars: 0 }, data: { rate: { stars: 2 } } })).toBe(2);
    expect(ratingOf({ vars: { stars: 0 } })).toBeUndefined();
    expect(ratingOf({ data: { rate: 'x' } })).toBeUndefined();
  });
});

describe('command errors', () => {
  it('re-roots pointers from the command body to the step form', () => {
    const error = new ApiError({ type: '/problems/validation', title: 'Invalid', status: 400, errors: [{ pointer: '/data/teamId', code: 'required', message: '必填' }, { pointer: '/comment', code: 'too-long', message: 'x' }] });
    const rerooted = rerootCommandError(error) as ApiError;
    expect(rerooted).toBeInstanceOf(ApiError);
    expect(rerooted.errors.map((e) => e.pointer)).toEqual(['/teamId', '/comment']);
    expect(rerooted.status).toBe(400);
    const plain = new Error('boom');
    expect(rerootCommandError(plain)).toBe(plain);
  });
});

describe('workflow labels', () => {
  const definition = fiveOrder as unknown as WorkflowDefinition;
  it('names states and events in both languages, primitives from the catalog, forms by transition', async () => {
    await loadLocale('en');
    const zh = workflowLabels(definition, 'zh-CN', translator('zh-CN'));
    const en = workflowLabels(definition, 'en', translator('en'));
    expect(zh.state('pending_dispatch')).toBe('待派单');
    expect(en.state('pending_dispatch')).toBe('Awaiting dispatch');
    expect(zh.event('dispatch')).toBe('派单');
    expect(zh.event('claim')).toBe('抢单');
    expect(en.event('@start')).toBe('Started');
    expect(zh.event('no-such-event')).toBe('no-such-event');
    expect(zh.formOf('dispatch', 'pending_dispatch')).toBe('order-dispatch');
    expect(zh.formOf('complete')).toBe('order-completion');
    // Final states have no transitions in the stored JSON: nothing may throw on them.
    expect(zh.formOf('archive', 'archived')).toBeUndefined();
  });
});
