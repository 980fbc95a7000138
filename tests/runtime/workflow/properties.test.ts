import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../../runtime/schema/workflow';
import { applyCommand, availableActions, replay, startInstance, taskActions } from '../../../runtime/workflow/index';
import type { Actor, Command, Effect, WorkflowContext, WorkflowInstance } from '../../../runtime/workflow/index';
import { actors, context, packWorkflow, workflow } from './helpers';

/**
 * Model-based properties: random command sequences by random actors (weighted towards what
 * `availableActions` offers, so runs go deep) against the real engine and the Liangzhou flows.
 */
const reason = [{ reason: '原因说明' }, {}];
const completion = { summary: '打扫院落并陪老人聊天', serviceHours: 2, volunteerCount: 3, beneficiaryCount: 1, photos: ['p1.jpg'] };
const selfAssessment = { summary: '全年开展志愿服务活动48次，群众满意。', declaration: true, declarantName: '王站长' };
const payloads: Record<string, unknown[]> = {
  dispatch: [{ mode: 'directed', teamId: 't1' }, { mode: 'directed', teamId: 't2' }, { mode: 'pool' }, { mode: 'directed' }],
  reject: reason, cancel: reason, decline: reason, recall: reason, reopen: reason, return: reason, revoke: reason, sendBack: reason,
  complete: [completion, { summary: 'x' }],
  rate: [{ stars: 1 }, { stars: 5 }, { stars: 2 }, { stars: 9 }],
  submit: [selfAssessment, {}],
  appeal: [{ items: ['C2'], reason: '活动记录漏计' }, {}],
  decide: [{ decision: 'amended', comment: '改正' }, { decision: 'upheld', comment: '维持' }, {}],
};
const targets = ['as3', 'x', 'a', 'b', 'c', 'tl2', 'draft', 'district_review', 'self_assessing', 'nowhere'];
const everyone: Actor[] = [...Object.values(actors), { id: 'a', roles: [] }, { id: 'b', roles: [] }, { id: 'c', roles: [] }, { id: 'x', roles: [] }, { id: 'deputy', roles: [] }];
const delegations = [{ from: 'as1', to: 'deputy', start: '2026-11-01T00:00:00.000Z', end: '2026-11-20T00:00:00.000Z' }, { from: 'b', to: 'deputy', start: '2026-11-01T00:00:00.000Z', end: '2026-11-20T00:00:00.000Z' }];

const countersign = workflow({
  kind: 'workflow', key: 'countersign', version: 1, title: { 'zh-CN': '会签', en: 'Countersign' },
  start: { allow: [{ role: 'resident', at: 'any' }] },
  initial: 'review',
  states: {
    draft: { title: { 'zh-CN': '草稿', en: 'Draft' }, task: { assignees: [{ initiator: true }] }, transitions: [{ event: 'submit', to: 'review', allow: [{ assignee: true }] }] },
    review: {
      title: { 'zh-CN': '会签', en: 'Review' },
      task: { kind: 'countersign', assignees: [{ users: "['a', 'b', 'c']" }], transfer: true, addSigner: ['after'], removeSigner: true, cc: true, remind: { interval: 'PT1H' } },
      withdraw: { to: 'draft' },
      sendBack: { targets: ['draft'] },
      timers: [{ key: 'sla', after: { after: 'P2D', calendar: 'working' }, action: 'sendBack', remindAt: [0.5] }],
      transitions: [
        { event: 'approve', to: 'second', allow: [{ assignee: true }] },
        { event: 'reject', to: 'rejected', allow: [{ assignee: true }], decision: 'reject' },
      ],
    },
    second: { title: { 'zh-CN': '复核', en: 'Second' }, task: { assignees: [{ user: 'x' }] }, transitions: [{ event: 'approve', to: 'done', allow: [{ assignee: true }] }] },
    done: { title: { 'zh-CN': '通过', en: 'Done' }, final: true },
    rejected: { title: { 'zh-CN': '驳回', en: 'Rejected' }, final: true },
  },
});

interface Model {
  name: string;
  definition: WorkflowDefinition;
  start: { actor: Actor; unit: string; input?: Record<string, unknown> };
  /** States whose step is 会签, and the state its approval leads to. */
  countersign: { state: string; to: string }[];
  /** States the exploration must reach, so the properties are not vacuously true. */
  reaches: string[];
}
const models: Model[] = [
  { name: 'five-order', definition: packWorkflow('five-order'), start: { actor: actors.resident, unit: 's1', input: { description: '打扫院落', urgency: 'urgent', expectedTime: '2026-11-04T02:00:00.000Z' } }, countersign: [], reaches: ['pending_dispatch', 'dispatched', 'accepted', 'cancelled', 'rejected'] },
  { name: 'assessment', definition: packWorkflow('assessment'), start: { actor: actors.districtAdmin, unit: 's1', input: { cycleId: '2026', subjectLevel: 'station', assessors: ['as1', 'as2'], opensAt: '2026-11-02T03:00:00.000Z' } }, countersign: [{ state: 'district_review', to: 'scored' }], reaches: ['self_assessing', 'submitted', 'district_review', 'scored'] },
  { name: 'countersign', definition: countersign, start: { actor: actors.resident, unit: 's1' }, countersign: [{ state: 'review', to: 'second' }], reaches: ['draft', 'second', 'done', 'rejected'] },
];

const step = fc.record({ actor: fc.nat(), pick: fc.nat(), payload: fc.nat(), target: fc.nat(), minutes: fc.integer({ min: 0, max: 60 * 30 }) });

/** What to try next: every (actor, action) availableActions offers, weighted up, then refusal probes and due timers. */
function candidates(definition: WorkflowDefinition, instance: WorkflowInstance, probe: Actor, ctx: WorkflowContext): [Actor, string, boolean][] {
  const ends = (to: string | undefined) => to !== undefined && definition.states[to]?.final === true;
  // Moves that end the instance weigh less, so sequences reach the deep states too.
  const offered = everyone.flatMap((actor) =>
    availableActions(definition, instance, actor, ctx).flatMap((a): [Actor, string, boolean][] => Array<[Actor, string, boolean]>(ends(a.to) && !instance.final ? 1 : 4).fill([actor, a.event, true])),
  );
  const all = [...Object.values(definition.states).flatMap((s) => s.transitions.map((t) => t.event)), ...taskActions].map((e): [Actor, string, boolean] => [probe, e, false]);
  const timers = instance.timers.map((t): [Actor, string, boolean] => [actors.system, `timer:${t.key}`, false]);
  return [...offered, ...timers, ...timers, ...all];
}

function commandOf(choice: string, actor: Actor, s: { payload: number; target: number }): Command {
  if (choice.startsWith('timer:')) return { event: 'timer', timer: choice.slice(6), actor: actors.system };
  const options = payloads[choice] ?? [undefined];
  const data = options[s.payload % options.length];
  return { event: choice, actor, ...(data === undefined ? {} : { data }), target: targets[s.target % targets.length]!, position: s.target % 2 ? 'after' : 'before' };
}

describe.each(models)('$name: random command sequences', (model) => {
  const reached = new Set<string>();
  let countersignDecisions = 0;

  it('stay in defined states, never change an instance on rejection, cancel timers of states left, decide 会签 only with every signer, accept exactly what availableActions offers, and replay to the instance', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40, size: 'max' }), (steps) => {
        let now = Date.parse('2026-11-02T01:00:00.000Z');
        const ctxAt = () => context(new Date(now).toISOString(), { delegations });
        const started = startInstance(model.definition, { id: 'p-1', ...model.start }, ctxAt());
        if (!started.ok) throw new Error(JSON.stringify(started.rejection));
        let instance = started.instance;
        for (const s of steps) {
          now += s.minutes * 60_000;
          const ctx = ctxAt();
          const choices = candidates(model.definition, instance, everyone[s.actor % everyone.length]!, ctx);
          const [actor, choice, offered] = choices[s.pick % choices.length]!;
          const command = commandOf(choice, actor, s);
          const before = structuredClone(instance);
          const outcome = applyCommand(model.definition, instance, command, ctx);
          expect(instance).toEqual(before); // the engine never mutates its input, accepted or not
          if (!outcome.ok) {
            // What availableActions offers is accepted, unless the command's own data or target is at fault.
            if (offered) expect(['form-invalid', 'guard-false', 'target-invalid']).toContain(outcome.rejection.code);
            continue;
          }
          const after = outcome.instance;
          // …and whatever is accepted was offered: the buttons the server shows are complete.
          if (command.event !== 'timer') expect(availableActions(model.definition, before, actor, ctx).map((a) => a.event)).toContain(command.event);
          expect(Object.keys(model.definition.states)).toContain(after.state);
          expect(after.revision).toBe(before.revision + 1);
          expect(after.history.slice(0, before.history.length)).toEqual(before.history);
          // Counters (declineCount, escalationCount, appealCount, …) only grow (DOMAIN §6.2 invariants).
          for (const [name, value] of Object.entries(before.vars)) if (name.endsWith('Count')) expect(after.vars[name]).toBeGreaterThanOrEqual(value as number);
          if (after.state !== before.state) {
            const cancelled = new Set(outcome.effects.flatMap((e: Effect) => (e.type === 'cancel' ? [e.timer] : [])));
            for (const timer of before.timers) expect(cancelled).toContain(timer.key);
            const scheduled = new Set(outcome.effects.flatMap((e: Effect) => (e.type === 'schedule' ? [e.timer] : [])));
            for (const timer of after.timers) expect(scheduled).toContain(timer.key);
          }
          for (const cs of model.countersign) {
            if (before.state === cs.state && after.history.some((h, i) => i >= before.history.length && h.from === cs.state && h.to === cs.to)) {
              const last = after.history.at(-1)!;
              const approvals = new Set([...before.task!.votes.filter((v) => v.decision === 'approve').map((v) => v.by), ...(last.vote ? [last.onBehalfOf ?? last.actor] : [])]);
              for (const signer of before.task!.assignees) expect(approvals).toContain(signer);
              countersignDecisions += 1;
            }
          }
          reached.add(after.state);
          instance = after;
        }
        const replayed = replay(model.definition, { id: instance.id, unit: instance.unit }, instance.history, context('1970-01-01T00:00:00.000Z', { delegations }));
        expect(replayed.ok && replayed.instance).toEqual(instance);
      }),
      { numRuns: 200 },
    );
    for (const state of model.reaches) expect(reached).toContain(state);
    if (model.countersign.length > 0) expect(countersignDecisions).toBeGreaterThan(0);
  });
});
