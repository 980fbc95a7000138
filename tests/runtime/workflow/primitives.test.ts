import { describe, expect, it } from 'vitest';
import { availableActions, stepKinds } from '../../../runtime/workflow/index';
import { actors, Driver, workflow } from './helpers';

const T0 = '2026-11-02T01:00:00.000Z';
const u = (id: string) => ({ id, roles: [] });
const [a, b, c, x] = [u('a'), u('b'), u('c'), u('x')];

/** A leave-style approval: the initiator drafts, a review step decides, then a second step. */
function approval(task: Record<string, unknown>, review: Record<string, unknown> = {}) {
  return workflow({
    kind: 'workflow',
    key: 'approval',
    version: 1,
    title: { 'zh-CN': '审批', en: 'Approval' },
    start: { allow: [{ role: 'resident', at: 'any' }] },
    initial: 'review',
    states: {
      draft: {
        title: { 'zh-CN': '草稿', en: 'Draft' },
        task: { assignees: [{ initiator: true }] },
        transitions: [{ event: 'submit', to: 'review', allow: [{ assignee: true }] }],
      },
      review: {
        title: { 'zh-CN': '审核', en: 'Review' },
        task: { assignees: [{ users: "['a', 'b', 'c']" }], ...task },
        transitions: [
          { event: 'approve', to: 'second', allow: [{ assignee: true }] },
          { event: 'reject', to: 'rejected', allow: [{ assignee: true }], decision: 'reject' },
        ],
        ...review,
      },
      second: {
        title: { 'zh-CN': '复核', en: 'Second review' },
        task: { assignees: [{ user: 'x' }] },
        transitions: [{ event: 'approve', to: 'done', allow: [{ assignee: true }] }],
      },
      done: { title: { 'zh-CN': '通过', en: 'Approved' }, final: true },
      rejected: { title: { 'zh-CN': '驳回', en: 'Rejected' }, final: true },
    },
  });
}
const start = (task: Record<string, unknown>, review: Record<string, unknown> = {}, extra = {}) =>
  new Driver(approval(task, review), T0, { actor: actors.resident }, extra);

describe('step kinds', () => {
  it('registry holds the four approval modes', () => {
    expect(Object.keys(stepKinds).sort()).toEqual(['anySign', 'countersign', 'sequential', 'vote']);
  });

  it('会签 countersign: every signer must approve; one rejection decides', () => {
    const d = start({ kind: 'countersign' });
    d.ok('approve', a);
    d.ok('approve', c);
    expect(d.instance.state).toBe('review');
    expect(d.send('approve', a).ok).toBe(false);
    d.ok('approve', b);
    expect(d.instance.state).toBe('second');
    const r = start({ kind: 'countersign' });
    r.ok('approve', a);
    r.ok('reject', b);
    expect(r.instance.state).toBe('rejected');
  });

  it('或签 anySign: the first decision wins', () => {
    const d = start({ kind: 'anySign' });
    d.ok('approve', b);
    expect(d.instance.state).toBe('second');
    const r = start({ kind: 'anySign' });
    r.ok('reject', c);
    expect(r.instance.state).toBe('rejected');
  });

  it('依次 sequential: only the next signer may act, in order', () => {
    const d = start({ kind: 'sequential' });
    expect(d.send('approve', b).ok).toBe(false);
    expect(d.code()).toBe('actor-not-allowed');
    d.ok('approve', a);
    expect(availableActions(d.definition, d.instance, b, d.ctx()).map((x) => x.event)).toEqual(['approve', 'reject']);
    expect(availableActions(d.definition, d.instance, c, d.ctx())).toEqual([]);
    d.ok('approve', b);
    d.ok('approve', c);
    expect(d.instance.state).toBe('second');
  });

  it('票签 vote: approved at the ratio, rejected once the ratio is out of reach', () => {
    const d = start({ kind: 'vote', ratio: 0.6 });
    d.ok('approve', a);
    expect(d.instance.state).toBe('review');
    d.ok('approve', c);
    expect(d.instance.state).toBe('second');
    const r = start({ kind: 'vote', ratio: 0.6 });
    r.ok('reject', a);
    expect(r.instance.state).toBe('review');
    r.ok('reject', b);
    expect(r.instance.state).toBe('rejected');
  });
});

describe('task primitives', () => {
  it('转交 transfer hands my place to another person', () => {
    const d = start({ kind: 'countersign', transfer: true });
    d.ok('transfer', a, { target: 'x' });
    expect(d.instance.task?.assignees).toEqual(['x', 'b', 'c']);
    expect(d.effects()).toContainEqual({ type: 'notify', to: ['x'], message: 'workflow.task.assigned', data: { state: 'review' } });
    expect(d.send('approve', a).ok).toBe(false);
    expect(d.send('transfer', b, { target: 'c' }).ok).toBe(false);
    expect(d.code()).toBe('target-invalid');
    expect(start({ kind: 'countersign' }).send('transfer', a, { target: 'x' }).ok).toBe(false);
    expect(d.instance.history.at(-1)).toMatchObject({ event: 'transfer', actor: 'a', target: 'x' });
    expect(d.replayed()).toEqual(d.instance);
  });

  it('转交 and 加签 only to the people the step allows, when it names them', () => {
    const d = start({ kind: 'countersign', transfer: true, addSigner: ['after'], signers: [{ role: 'instituteAdmin', at: 'institute' }] });
    expect(d.send('transfer', a, { target: 'x' }).ok).toBe(false);
    expect(d.code()).toBe('target-invalid');
    expect(d.send('addSigner', a, { target: 'x' }).ok).toBe(false);
    d.ok('transfer', a, { target: 'ia1' });
    expect(d.instance.task?.assignees).toEqual(['ia1', 'b', 'c']);
  });

  it('加签 add a signer before me in a sequential step: they sign first', () => {
    const d = start({ kind: 'sequential', addSigner: ['before', 'after'] });
    d.ok('addSigner', a, { target: 'x', position: 'before' });
    expect(d.instance.task?.assignees).toEqual(['x', 'a', 'b', 'c']);
    expect(d.send('approve', a).ok).toBe(false);
    d.ok('approve', x);
    d.ok('addSigner', a, { target: 'd', position: 'after' });
    expect(d.instance.task?.assignees).toEqual(['x', 'a', 'd', 'b', 'c']);
    expect(d.replayed()).toEqual(d.instance);
  });

  it('加签 is refused where the definition does not permit the position', () => {
    const d = start({ kind: 'countersign', addSigner: ['after'] });
    expect(d.send('addSigner', a, { target: 'x', position: 'before' }).ok).toBe(false);
    d.ok('addSigner', a, { target: 'x', position: 'after' });
    d.ok('approve', a);
    d.ok('approve', b);
    d.ok('approve', c);
    expect(d.instance.state).toBe('review');
    d.ok('approve', x);
    expect(d.instance.state).toBe('second');
  });

  it('减签 removes a pending signer, never one who decided nor the last pending one', () => {
    const d = start({ kind: 'countersign', removeSigner: true });
    d.ok('approve', a);
    expect(d.send('removeSigner', b, { target: 'a' }).ok).toBe(false);
    d.ok('removeSigner', a, { target: 'c' });
    expect(d.instance.task?.assignees).toEqual(['a', 'b']);
    expect(d.send('removeSigner', a, { target: 'b' }).ok).toBe(false);
    expect(d.code()).toBe('target-invalid');
    d.ok('approve', b);
    expect(d.instance.state).toBe('second');
  });

  it('撤回 the initiator withdraws until the first approver acts', () => {
    const review = { withdraw: { to: 'draft' } };
    const d = start({ kind: 'countersign' }, review);
    expect(d.send('withdraw', a).ok).toBe(false);
    d.ok('withdraw', actors.resident);
    expect(d.instance).toMatchObject({ state: 'draft', task: { assignees: ['r1'] } });
    d.ok('submit', actors.resident);
    d.ok('approve', a);
    expect(d.send('withdraw', actors.resident).ok).toBe(false);
    expect(d.code()).toBe('withdraw-too-late');
  });

  it('撤回 while the step is open, when the definition says so', () => {
    const d = start({ kind: 'countersign' }, { withdraw: { to: 'draft', until: 'decided' } });
    d.ok('approve', a);
    d.ok('withdraw', actors.resident);
    expect(d.instance.state).toBe('draft');
  });

  it('退回 sends back only to the targets the definition allows', () => {
    const d = start({ kind: 'anySign' }, { sendBack: { targets: ['draft'] } });
    expect(d.send('sendBack', a, { target: 'second' }).ok).toBe(false);
    expect(d.send('sendBack', actors.resident, { target: 'draft' }).ok).toBe(false);
    d.ok('sendBack', a, { target: 'draft', comment: '请补充材料' });
    expect(d.instance.state).toBe('draft');
    expect(d.instance.history.at(-1)).toMatchObject({ event: 'sendBack', target: 'draft', comment: '请补充材料', from: 'review', to: 'draft' });
  });

  it('抄送 carbon copy on entry: read access and a notification', () => {
    const d = start({ kind: 'anySign' }, { cc: [{ user: 'boss' }, { users: "['auditor']" }] });
    expect(d.instance.readers).toEqual(['boss', 'auditor']);
    expect(d.last.ok && d.last.effects).toContainEqual({ type: 'notify', to: ['boss', 'auditor'], message: 'workflow.cc', data: { state: 'review' } });
  });

  it('抄送 by hand: a pending signer copies someone in, where the step allows it', () => {
    const d = start({ kind: 'countersign', cc: true });
    expect(d.send('cc', actors.resident, { target: 'auditor' }).ok).toBe(false);
    d.ok('cc', a, { target: 'auditor' });
    expect(d.instance.readers).toEqual(['auditor']);
    expect(d.effects()).toEqual([{ type: 'notify', to: ['auditor'], message: 'workflow.cc', data: { state: 'review', by: 'a' } }]);
    expect(start({ kind: 'countersign' }).send('cc', a, { target: 'auditor' }).ok).toBe(false);
    expect(d.replayed()).toEqual(d.instance);
  });

  it('委托 delegation: the delegate acts in the date range and history names both', () => {
    const delegations = [{ from: 'a', to: 'deputy', start: '2026-11-01T00:00:00.000Z', end: '2026-11-05T00:00:00.000Z' }];
    const d = start({ kind: 'countersign' }, {}, { delegations });
    expect(d.last.ok && d.last.effects.find((e) => e.type === 'notify')).toMatchObject({ to: ['a', 'deputy', 'b', 'c'] });
    const deputy = u('deputy');
    expect(availableActions(d.definition, d.instance, deputy, d.ctx())).toContainEqual({ event: 'approve', to: 'second', onBehalfOf: 'a', vote: true });
    d.ok('approve', deputy);
    expect(d.instance.history.at(-1)).toMatchObject({ actor: 'deputy', onBehalfOf: 'a', vote: true });
    expect(d.instance.task?.votes[0]).toMatchObject({ by: 'a', via: 'deputy' });
    expect(d.replayed()).toEqual(d.instance);
    const late = start({ kind: 'countersign' }, {}, { delegations });
    late.at('2026-11-05T00:00:00.000Z');
    expect(late.send('approve', deputy).ok).toBe(false);
    // Instants are compared as times whatever their spelling.
    late.at('2026-11-04T23:59:59Z');
    expect(late.send('approve', deputy).ok).toBe(true);
  });

  it('催办 remind notifies pending signers, at most once per interval', () => {
    const d = start({ kind: 'countersign', remind: { interval: 'PT1H' } });
    d.ok('approve', a);
    d.ok('remind', actors.resident);
    expect(d.effects()).toEqual([{ type: 'notify', to: ['b', 'c'], message: 'workflow.task.reminder', data: { state: 'review', by: 'r1' } }]);
    expect(d.at('2026-11-02T01:30:00.000Z').send('remind', actors.resident).ok).toBe(false);
    expect(d.code()).toBe('remind-too-soon');
    expect(d.send('remind', b).ok).toBe(false);
    d.at('2026-11-02T02:00:00.000Z').ok('remind', actors.resident);
  });

  it('抢单 pool: anyone holding the role may claim; the first claim wins', () => {
    const d = start({ assignees: [], pool: { role: 'teamLeader', at: 'any' } });
    expect(d.instance.task?.pool).toEqual({ role: 'teamLeader' });
    expect(d.send('claim', a).ok).toBe(false);
    d.ok('claim', actors.teamLeader2);
    expect(d.instance.task).toMatchObject({ assignees: ['tl2'], claimed: 'tl2' });
    expect(d.send('claim', actors.teamLeader1).ok).toBe(false);
    expect(d.send('approve', actors.teamLeader1).ok).toBe(false);
    d.ok('approve', actors.teamLeader2);
    expect(d.instance.state).toBe('second');
    expect(d.replayed()).toEqual(d.instance);
  });
});

describe('超时 timeouts and empty assignees', () => {
  const timer = (action: string, extra: Record<string, unknown> = {}) => ({ timers: [{ key: 'sla', after: { after: 'P1D', calendar: 'working' }, action, ...extra }], sendBack: { targets: ['draft'] } });

  it('auto-approve, auto-reject and send back at the due time', () => {
    const approve = start({ kind: 'countersign' }, timer('approve'));
    approve.ok('approve', a);
    approve.ok('timer', actors.system, { timer: 'sla' });
    expect(approve.instance.state).toBe('second');
    const rejectIt = start({ kind: 'countersign' }, timer('reject'));
    rejectIt.ok('timer', actors.system, { timer: 'sla' });
    expect(rejectIt.instance.state).toBe('rejected');
    const back = start({ kind: 'countersign' }, timer('sendBack'));
    back.ok('timer', actors.system, { timer: 'sla' });
    expect(back.instance.state).toBe('draft');
  });

  it('escalate one org level up re-assigns the step there; at the top it only notifies', () => {
    const d = start({ assignees: [{ role: 'stationAdmin', at: 'current' }, { role: 'instituteAdmin', at: 'current' }, { role: 'districtAdmin', at: 'current' }] }, timer('escalate'));
    expect(d.instance.task?.assignees).toEqual(['sa1']);
    // Monday 11-02 + 1 working day = Tuesday 11-03.
    expect(d.instance.timers).toEqual([{ key: 'sla', due: '2026-11-03T01:00:00.000Z' }]);
    d.ok('timer', actors.system, { timer: 'sla' });
    expect(d.instance).toMatchObject({ level: 1, task: { assignees: ['ia1'] } });
    d.ok('timer', actors.system, { timer: 'sla' });
    expect(d.instance).toMatchObject({ level: 2, task: { assignees: ['da1'] } });
    d.ok('timer', actors.system, { timer: 'sla' });
    expect(d.instance).toMatchObject({ level: 2, timers: [] });
    expect(d.effects()).toEqual([{ type: 'notify', to: ['da1'], message: 'workflow.task.overdue', data: { state: 'review', timer: 'sla' } }]);
    expect(d.timer('sla').ok).toBe(false);
    expect(d.code()).toBe('timer-not-pending');
  });

  it('a timer whose transition cannot be taken is consumed, not refused, so it never wedges the instance', () => {
    const d = start({ kind: 'anySign' }, { timers: [{ key: 'expire', after: { after: 'PT1H' }, event: 'expire' }], transitions: [
      { event: 'approve', to: 'second', allow: [{ assignee: true }] },
      { event: 'expire', to: 'rejected', allow: [{ system: true }], guard: 'vars.size() > 0' },
    ] });
    d.ok('timer', actors.system, { timer: 'expire' });
    expect(d.instance).toMatchObject({ state: 'review', timers: [] });
    expect(d.effects()).toEqual([]);
    expect(d.replayed()).toEqual(d.instance);
  });

  it('an empty step escalates, falls back to a role, or is skipped as the rule says', () => {
    const aboveStation = [{ role: 'instituteAdmin', at: 'current' }, { role: 'districtAdmin', at: 'current' }];
    expect(start({ assignees: aboveStation, onEmpty: 'escalate' }).instance).toMatchObject({ level: 1, task: { assignees: ['ia1'] } });
    expect(start({ assignees: [{ user: 'ghost', when: 'false' }], onEmpty: { role: 'districtLeader', at: 'center' } }).instance.task?.assignees).toEqual(['dl1']);
    const skipped = start({ assignees: [{ user: 'ghost', when: 'false' }], onEmpty: 'skip' });
    expect(skipped.instance.state).toBe('second');
    expect(skipped.instance.history.map((h) => [h.event, h.actor, h.auto ?? false])).toEqual([['@start', 'r1', false], ['approve', 'system', true]]);
    expect(skipped.instance.revision).toBe(1);
    expect(skipped.replayed()).toEqual(skipped.instance);
  });
});

describe('a definition that would not pass lint', () => {
  it('is refused as definition-mismatch, never thrown', () => {
    const broken = approval({ kind: 'anySign' }, { transitions: [{ event: 'approve', to: 'nowhere', allow: [{ assignee: true }] }] });
    const d = new Driver(broken, T0, { actor: actors.resident });
    expect(d.send('approve', a)).toMatchObject({ ok: false, rejection: { code: 'definition-mismatch', expected: 'a definition that passes lint' } });
  });
});
