import { describe, expect, it } from 'vitest';
import { reservedEvents, TimerSpec, Transition, WorkflowDefinition } from '../../../runtime/schema/workflow';
import { workflowGraph } from '../../../runtime/workflow/index';
import { packWorkflow } from './helpers';

describe('workflow schema', () => {
  it('parses both Liangzhou workflows with their defaults applied', () => {
    const fiveOrder = packWorkflow('five-order');
    expect(Object.keys(fiveOrder.states)).toHaveLength(10);
    expect(fiveOrder.states.submitted?.task).toMatchObject({ kind: 'anySign', transfer: false, addSigner: [], removeSigner: false });
    expect(packWorkflow('assessment').states.district_review?.task?.kind).toBe('countersign');
  });

  it('refuses transitions named like an engine primitive', () => {
    for (const event of reservedEvents) expect(Transition.safeParse({ event, to: 'x' }).success).toBe(false);
    expect(Transition.safeParse({ event: 'start', to: 'x' }).success).toBe(true);
  });

  it('a timer fires exactly one of an event or an action', () => {
    const after = { after: 'P1D' };
    expect(TimerSpec.safeParse({ key: 't', after, event: 'e' }).success).toBe(true);
    expect(TimerSpec.safeParse({ key: 't', after, event: 'e', action: 'approve' }).success).toBe(false);
    expect(TimerSpec.safeParse({ key: 't', after }).success).toBe(false);
    expect(TimerSpec.safeParse({ key: 't', after: { after: '2 days' }, event: 'e' }).success).toBe(false);
  });

  it('rejects unknown fields (strict), so a typo in a definition is caught', () => {
    const base = { kind: 'workflow', key: 'w', version: 1, title: { 'zh-CN': '流程' }, start: { allow: [{ initiator: true }] }, initial: 'a', states: { a: { title: { 'zh-CN': '甲' }, final: true } } };
    expect(WorkflowDefinition.safeParse(base).success).toBe(true);
    expect(WorkflowDefinition.safeParse({ ...base, states: { a: { title: { 'zh-CN': '甲' }, finale: true } } }).success).toBe(false);
  });
});

describe('workflow graph (designer diagram)', () => {
  it('lists every state and every way between them, DOMAIN §6.2 transitions included', () => {
    const { nodes, edges } = workflowGraph(packWorkflow('five-order'));
    expect(nodes.filter((n) => n.initial).map((n) => n.key)).toEqual(['submitted']);
    expect(nodes.filter((n) => n.final).map((n) => n.key).sort()).toEqual(['archived', 'cancelled', 'rejected']);
    const events = new Set(edges.map((e) => e.label));
    for (const event of ['accept_for_dispatch', 'reject', 'escalate', 'dispatch', 'accept', 'decline', 'accept_timeout', 'start', 'no_show', 'report_no_show', 'complete', 'rate', 'rating_timeout', 'reopen', 'cancel', 'recall']) {
      expect(events).toContain(event);
    }
    expect(edges.filter((e) => e.from === 'dispatched').map((e) => `${e.label}→${e.to}`)).toEqual(['accept→accepted', 'decline→pending_dispatch', 'accept_timeout→pending_dispatch', 'recall→pending_dispatch', 'cancel→cancelled']);
    expect(workflowGraph(packWorkflow('assessment')).edges).toContainEqual({ from: 'scored', to: 'self_assessing', label: 'sendBack', kind: 'sendBack', guarded: false });
  });
});
