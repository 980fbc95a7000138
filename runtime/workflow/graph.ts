import type { LocalizedText } from '../schema/common';
import type { WorkflowDefinition } from '../schema/workflow';

export interface GraphNode {
  key: string;
  title: LocalizedText;
  final: boolean;
  initial: boolean;
  /** Step kind of the state's task, when it has one. */
  step?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** The event, or the primitive (`withdraw`, `sendBack`) or `timer:<key>` that moves along the edge. */
  label: string;
  kind: 'transition' | 'withdraw' | 'sendBack' | 'timer';
  guarded: boolean;
}

/**
 * The state diagram of a definition as nodes and edges, for the designer's diagram and the transition
 * table. Timer edges are the timeout actions that leave the state (send back) and timer events.
 *
 * @example workflowGraph(fiveOrder).edges.filter((e) => e.from === 'dispatched')
 *          // → accept → accepted, decline → pending_dispatch, accept_timeout → pending_dispatch, recall …, cancel …
 */
export function workflowGraph(definition: WorkflowDefinition): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const [key, state] of Object.entries(definition.states)) {
    nodes.push({ key, title: state.title, final: state.final, initial: key === definition.initial, ...(state.task ? { step: state.task.kind } : {}) });
    for (const t of state.transitions) edges.push({ from: key, to: t.to, label: t.event, kind: 'transition', guarded: t.guard !== undefined });
    if (state.withdraw) edges.push({ from: key, to: state.withdraw.to, label: 'withdraw', kind: 'withdraw', guarded: false });
    for (const target of state.sendBack?.targets ?? []) edges.push({ from: key, to: target, label: 'sendBack', kind: 'sendBack', guarded: false });
    for (const timer of state.timers) {
      if (timer.action === 'sendBack') {
        const target = timer.target ?? state.sendBack?.targets[0];
        if (target) edges.push({ from: key, to: target, label: `timer:${timer.key}`, kind: 'timer', guarded: false });
      } else if (timer.action === 'escalate') {
        edges.push({ from: key, to: key, label: `timer:${timer.key}`, kind: 'timer', guarded: false });
      }
    }
  }
  return { nodes, edges };
}
