import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TaskSpec } from '../../../runtime/schema/workflow';
import { stepKinds } from '../../../runtime/workflow/index';
import type { Task } from '../../../runtime/workflow/index';

/**
 * One contract every step kind passes (as Hono runs one router suite over each router): a new approval
 * mode registered in step-kinds/registry.ts is held to it without writing a new test.
 */
const signers = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { minLength: 1, maxLength: 6 });
const decisions = fc.array(fc.boolean(), { minLength: 6, maxLength: 6 });
const ratio = fc.double({ min: 0.1, max: 1, noNaN: true });

/** Lets pending signers vote in turn until the step decides or nobody is pending. */
function play(kind: string, assignees: string[], approve: boolean[], r: number) {
  const stepKind = stepKinds[kind]!;
  const spec = TaskSpec.parse({ kind, ratio: r });
  let task: Task = { kind, assignees, votes: [] };
  for (let i = 0; ; i++) {
    const pending = stepKind.pending(task);
    expect(pending.every((p) => task.assignees.includes(p) && !task.votes.some((v) => v.by === p))).toBe(true);
    if (pending.length === 0) return { task, decided: false, last: undefined };
    const before = structuredClone(task);
    const decision = approve[i % approve.length] ? 'approve' : 'reject';
    const result = stepKind.decide(task, { by: pending[0]!, event: decision, decision, at: '2026-11-02T01:00:00.000Z' }, spec);
    expect(task).toEqual(before); // pure: the given task is never changed
    expect(result.task.votes.length).toBe(task.votes.length + 1);
    task = result.task;
    if (result.decided) return { task, decided: true, last: decision };
  }
}

describe.each(Object.keys(stepKinds))('step kind %s (shared contract)', (kind) => {
  it('is pure, lets only pending assignees vote, and always decides once everyone has voted', () => {
    fc.assert(
      fc.property(signers, decisions, ratio, (assignees, approve, r) => {
        const { decided, task } = play(kind, assignees, approve, r);
        expect(decided).toBe(true);
        expect(task.votes.length).toBeLessThanOrEqual(assignees.length);
      }),
      { numRuns: 150 },
    );
  });

  it('unanimous approval decides as approve on the last needed vote, never later', () => {
    fc.assert(
      fc.property(signers, ratio, (assignees, r) => {
        const { decided, last, task } = play(kind, assignees, [true], r);
        expect(decided && last).toBe('approve');
        expect(task.votes.length).toBeLessThanOrEqual(assignees.length);
      }),
      { numRuns: 100 },
    );
  });
});

describe('mode-specific laws', () => {
  it('会签 and 依次 approve only when every assignee approved; 或签 decides on the first vote', () => {
    fc.assert(
      fc.property(signers, decisions, (assignees, approve) => {
        for (const kind of ['countersign', 'sequential']) {
          const { last, task } = play(kind, assignees, approve, 1);
          if (last === 'approve') expect(new Set(task.votes.filter((v) => v.decision === 'approve').map((v) => v.by))).toEqual(new Set(assignees));
        }
        expect(play('anySign', assignees, approve, 1).task.votes).toHaveLength(1);
      }),
      { numRuns: 150 },
    );
  });

  it('票签 approves exactly when approvals reach the ratio', () => {
    fc.assert(
      fc.property(signers, decisions, ratio, (assignees, approve, r) => {
        const { last, task } = play('vote', assignees, approve, r);
        const approvals = task.votes.filter((v) => v.decision === 'approve').length;
        if (last === 'approve') expect(approvals).toBeGreaterThanOrEqual(r * assignees.length);
        else expect(approvals + (assignees.length - task.votes.length)).toBeLessThan(r * assignees.length);
      }),
      { numRuns: 150 },
    );
  });
});
