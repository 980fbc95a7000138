import { describe, expect, test } from 'vitest';
import { addTransition, layeredLayout, removeTransition, setApprovalMode, setSendBackTargets, type WorkflowBody } from '../../../studio/designer/workflow/workflow-model';
import { parseForSimulation, simAct, simActor, simStart, whoCanAct } from '../../../studio/designer/workflow/simulator';
import { lintErrors, packBody } from './pack';

const fiveOrder = () => packBody<WorkflowBody>('workflow', 'five-order');
const NOW = '2026-03-02T01:00:00.000Z';

const withJointReview = () =>
  addTransition(fiveOrder(), {
    from: 'in_service',
    event: 'joint_review',
    zh: '提交联合审核',
    to: { key: 'joint_check', zh: '联合审核', kind: 'countersign', roles: ['stationAdmin', 'instituteAdmin'], at: 'current', next: 'awaiting_rating' },
    roles: ['stationAdmin'],
  });

describe('workflow model', () => {
  test('layers are BFS depth from the initial state; unreachable states get a last layer of their own', () => {
    const layout = new Map(layeredLayout(fiveOrder()).map((n) => [n.key, n]));
    expect(layout.get('submitted')?.layer).toBe(0);
    expect(layout.get('pending_dispatch')?.layer).toBe(1);
    expect(layout.get('dispatched')?.layer).toBe(2);
    expect(layout.get('closed')!.layer).toBeGreaterThan(layout.get('awaiting_rating')!.layer);
    const body = fiveOrder();
    body.states.orphan = { title: { 'zh-CN': '孤立' }, final: true, transitions: [], timers: [], cc: [] };
    const orphan = layeredLayout(body).find((n) => n.key === 'orphan')!;
    expect(orphan.layer).toBe(Math.max(...layeredLayout(fiveOrder()).map((n) => n.layer)) + 1);
    const cells = layeredLayout(fiveOrder()).map((n) => `${n.layer}:${n.row}`);
    expect(new Set(cells).size).toBe(cells.length);
  });

  test('a transition into a new 会签 step lints clean against the pack, with approve and reject ways out', () => {
    const body = withJointReview();
    expect(body.states.joint_check?.task).toMatchObject({ kind: 'countersign', assignees: [{ role: 'stationAdmin', at: 'current' }, { role: 'instituteAdmin', at: 'current' }] });
    expect(body.states.joint_check?.transitions.map((t) => [t.event, t.to, t.decision])).toEqual([
      ['approve', 'awaiting_rating', 'approve'],
      ['reject', 'in_service', 'reject'],
    ]);
    expect(lintErrors(body)).toEqual([]);
    expect(fiveOrder().states.joint_check).toBeUndefined();
  });

  test('approval mode, send-back targets and removal edit only what they name', () => {
    let body = setApprovalMode(withJointReview(), 'joint_check', 'vote', 0.6);
    expect(body.states.joint_check?.task).toMatchObject({ kind: 'vote', ratio: 0.6 });
    body = setApprovalMode(body, 'joint_check', 'sequential');
    expect(body.states.joint_check?.task).not.toHaveProperty('ratio');
    body = setSendBackTargets(body, 'joint_check', ['in_service']);
    expect(body.states.joint_check?.sendBack).toEqual({ allow: [{ assignee: true }], targets: ['in_service'] });
    expect(setSendBackTargets(body, 'joint_check', []).states.joint_check).not.toHaveProperty('sendBack');
    expect(lintErrors(body)).toEqual([]);
    const last = body.states.in_service!.transitions.length - 1;
    expect(removeTransition(body, 'in_service', last).states.in_service?.transitions.map((t) => t.event)).toEqual(['complete']);
  });
});

describe('simulator: the real engine over a made-up org', () => {
  test('a 会签 step waits for every signer, then moves on', () => {
    const body = withJointReview();
    body.initial = 'in_service';
    body.states.in_service!.task = { kind: 'anySign', assignees: [{ role: 'teamLeader', at: 'unit' }], onEmpty: 'escalate', transfer: false, addSigner: [], removeSigner: false, cc: false };
    body.start.allow = [{ role: 'resident', at: 'any' }];
    delete body.start.form;
    const parsed = parseForSimulation(body);
    if (!parsed.ok) throw new Error(parsed.reason);
    const started = simStart(parsed.definition, simActor('resident', 'station-1'), NOW);
    if (!started.ok) throw new Error(JSON.stringify(started.rejection));
    expect(started.instance.state).toBe('in_service');
    const station = simActor('stationAdmin', 'station-1');
    const review = whoCanAct(parsed.definition, started.instance, NOW).find((c) => c.actor.id === station.id)!.actions.find((a) => a.event === 'joint_review')!;
    const inReview = simAct(parsed.definition, started.instance, station, review, NOW);
    if (!inReview.ok) throw new Error(JSON.stringify(inReview.rejection));
    expect(inReview.instance.state).toBe('joint_check');
    expect(inReview.instance.task?.assignees.sort()).toEqual(['instituteAdmin@station-1', 'stationAdmin@station-1']);
    const signers = whoCanAct(parsed.definition, inReview.instance, NOW);
    expect(signers.map((s) => s.actor.id).sort()).toEqual(['instituteAdmin@station-1', 'stationAdmin@station-1']);
    const first = simAct(parsed.definition, inReview.instance, station, { event: 'approve' }, NOW);
    if (!first.ok) throw new Error(JSON.stringify(first.rejection));
    expect(first.instance.state).toBe('joint_check');
    const second = simAct(parsed.definition, first.instance, simActor('instituteAdmin', 'station-1'), { event: 'approve' }, NOW);
    if (!second.ok) throw new Error(JSON.stringify(second.rejection));
    expect(second.instance.state).toBe('awaiting_rating');
  });

  test('a definition that fails its schema is refused with the reason', () => {
    const result = parseForSimulation({ ...fiveOrder(), initial: 7 });
    expect(result.ok).toBe(false);
  });
});
