import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../studio/api/client';
import { loadLocale, translator } from '../../../studio/i18n';
import { rerootCommandError } from '../../../studio/workspace/command-errors';
import { appendPage, INBOX_PAGE, inboxQuery, urgencyOf } from '../../../studio/workspace/inbox-order';
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

describe('inbox (ordered and filtered by the server, see tests/server/inbox-pages.test.ts)', () => {
  it('marks overdue and soon-due tasks from the due date alone', () => {
    const tasks = [task('later', '2026-03-05T00:00:00Z'), task('none', null), task('overdue', '2026-03-01T00:00:00Z'), task('soon', '2026-03-02T12:00:00Z')];
    expect(tasks.map((t) => urgencyOf(t, now))).toEqual(['normal', 'none', 'overdue', 'soon']);
  });

  it('asks the server for one page with the chosen filters, the step only within a workflow', () => {
    expect(inboxQuery({})).toEqual({ limit: INBOX_PAGE });
    expect(inboxQuery({ workflow: 'five-order', state: 'submitted', kind: 'pool', overdueOnly: true }, 'abc')).toEqual({
      limit: INBOX_PAGE,
      workflow: 'five-order',
      state: 'submitted',
      kind: 'pool',
      overdue: '1',
      cursor: 'abc',
    });
    expect(inboxQuery({ state: 'submitted', overdueOnly: false })).toEqual({ limit: INBOX_PAGE });
  });

  it('appends the next page without drawing a task twice', () => {
    const first = [task('a', null), task('b', null)];
    expect(appendPage(first, [task('b', null), task('c', null)]).map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(appendPage([], first)).toEqual(first);
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
