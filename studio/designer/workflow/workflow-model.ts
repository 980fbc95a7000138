/**
 * Pure edits of a workflow body and the automatic layered layout of its diagram. Layers are BFS depth
 * from the initial state over every edge (transitions, send-back, withdraw); states no path reaches go
 * in one last layer, so the author sees them — the linter reports them too.
 */
import type { PersonRule, StateSpec, TaskSpec, TimerSpec, Transition, WorkflowDefinition } from '../../../runtime/schema/workflow';
import { cloneJson } from '../text';

export type WorkflowBody = WorkflowDefinition & Record<string, unknown>;

export const stepKindNames = ['anySign', 'countersign', 'sequential', 'vote'] as const;
export type StepKindName = (typeof stepKindNames)[number];
export const anchors = ['unit', 'current', 'institute', 'center', 'any'] as const;
export type Anchor = (typeof anchors)[number];

export interface Edge {
  from: string;
  to: string;
  kind: 'transition' | 'sendBack' | 'withdraw';
  /** Index in the source state's transitions, for transition edges. */
  index?: number;
  event: string;
}

export function edgesOf(body: WorkflowBody): Edge[] {
  const edges: Edge[] = [];
  for (const [key, state] of Object.entries(body.states)) {
    (state.transitions ?? []).forEach((t, index) => edges.push({ from: key, to: t.to, kind: 'transition', index, event: t.event }));
    for (const target of state.sendBack?.targets ?? []) edges.push({ from: key, to: target, kind: 'sendBack', event: 'sendBack' });
    if (state.withdraw) edges.push({ from: key, to: state.withdraw.to, kind: 'withdraw', event: 'withdraw' });
  }
  return edges;
}

export interface LayoutNode {
  key: string;
  layer: number;
  row: number;
}

export function layeredLayout(body: WorkflowBody): LayoutNode[] {
  const depth = new Map<string, number>();
  const edges = edgesOf(body);
  const queue = body.states[body.initial] ? [body.initial] : [];
  if (queue.length) depth.set(body.initial, 0);
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const edge of edges) {
      if (edge.from !== current || depth.has(edge.to) || !body.states[edge.to]) continue;
      depth.set(edge.to, depth.get(current)! + 1);
      queue.push(edge.to);
    }
  }
  const last = Math.max(-1, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  return Object.keys(body.states).map((key) => {
    const layer = depth.get(key) ?? last;
    const row = rows.get(layer) ?? 0;
    rows.set(layer, row + 1);
    return { key, layer, row };
  });
}

export interface NewStateSpec {
  key: string;
  zh: string;
  en?: string;
  kind: StepKindName;
  roles: string[];
  at: Anchor;
  ratio?: number;
  /** Where an approval leads. */
  next: string;
}

export interface NewTransition {
  from: string;
  event: string;
  zh: string;
  en?: string;
  /** An existing state, or a new approval step created with it. */
  to: string | NewStateSpec;
  /** Roles who may fire it; the current step's assignees when empty. */
  roles: string[];
}

function title(zh: string, en?: string) {
  return en ? { 'zh-CN': zh, en } : { 'zh-CN': zh };
}

export function roleRules(roles: readonly string[], at: Anchor): PersonRule[] {
  return roles.map((role) => ({ role, at }));
}

/**
 * Adds a transition; with a new state, that state gets its approval step and two ways out: approve to
 * `next`, reject back to where the transition started (会签: one rejection decides).
 */
export function addTransition(body: WorkflowBody, spec: NewTransition): WorkflowBody {
  const next = cloneJson(body);
  const from = next.states[spec.from];
  if (!from) throw new Error(`no state ${spec.from}`);
  const target = typeof spec.to === 'string' ? spec.to : spec.to.key;
  if (typeof spec.to !== 'string') {
    const s = spec.to;
    if (next.states[s.key]) throw new Error(`state ${s.key} exists`);
    const task: TaskSpec = {
      kind: s.kind,
      assignees: roleRules(s.roles, s.at),
      onEmpty: 'escalate',
      transfer: false,
      addSigner: [],
      removeSigner: false,
      cc: false,
      ...(s.kind === 'vote' ? { ratio: s.ratio ?? 0.5 } : {}),
    };
    const state: StateSpec = {
      title: title(s.zh, s.en),
      final: false,
      task,
      timers: [],
      cc: [],
      transitions: [
        { event: 'approve', to: s.next, title: { 'zh-CN': '同意', en: 'Approve' }, allow: [{ assignee: true }], decision: 'approve', escalate: false, effects: [] },
        { event: 'reject', to: spec.from, title: { 'zh-CN': '不同意', en: 'Reject' }, allow: [{ assignee: true }], decision: 'reject', escalate: false, effects: [] },
      ],
    };
    next.states[s.key] = state;
  }
  const transition: Transition = {
    event: spec.event,
    to: target,
    title: title(spec.zh, spec.en),
    allow: spec.roles.length > 0 ? roleRules(spec.roles, 'unit') : [{ assignee: true }],
    decision: 'approve',
    escalate: false,
    effects: [],
  };
  from.transitions = [...(from.transitions ?? []), transition];
  return next;
}

export function updateTransition(body: WorkflowBody, from: string, index: number, patch: Partial<Transition>): WorkflowBody {
  const next = cloneJson(body);
  const list = next.states[from]?.transitions;
  if (!list?.[index]) return body;
  const merged = { ...list[index], ...patch } as Transition & Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete merged[k];
  list[index] = merged;
  return next;
}

export function removeTransition(body: WorkflowBody, from: string, index: number): WorkflowBody {
  const next = cloneJson(body);
  const state = next.states[from];
  if (state) state.transitions = (state.transitions ?? []).filter((_, i) => i !== index);
  return next;
}

export function updateState(body: WorkflowBody, key: string, patch: Partial<StateSpec>): WorkflowBody {
  const next = cloneJson(body);
  const state = next.states[key];
  if (!state) return body;
  const merged = { ...state, ...patch } as StateSpec & Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete merged[k];
  next.states[key] = merged;
  return next;
}

/** Sets the approval mode of a state; a state without a task gets one for its current assignees (none). */
export function setApprovalMode(body: WorkflowBody, key: string, kind: StepKindName, ratio?: number): WorkflowBody {
  const state = body.states[key];
  if (!state) return body;
  const task = { ...(state.task ?? { assignees: [] }), kind } as TaskSpec & Record<string, unknown>;
  if (kind === 'vote') task.ratio = ratio ?? (typeof task.ratio === 'number' ? task.ratio : 0.5);
  else delete task.ratio;
  return updateState(body, key, { task });
}

export function setAssignees(body: WorkflowBody, key: string, assignees: PersonRule[]): WorkflowBody {
  const state = body.states[key];
  if (!state?.task) return body;
  return updateState(body, key, { task: { ...state.task, assignees } });
}

export function setTimers(body: WorkflowBody, key: string, timers: TimerSpec[]): WorkflowBody {
  return updateState(body, key, { timers });
}

export function setSendBackTargets(body: WorkflowBody, key: string, targets: string[]): WorkflowBody {
  const state = body.states[key];
  if (!state) return body;
  return updateState(body, key, { sendBack: targets.length > 0 ? { allow: [{ assignee: true }], ...(state.sendBack ?? {}), targets } : undefined });
}

/** A person rule in words for tables: "stationAdmin @ unit", "initiator", "users: vars.teamLeaderId". */
export function describeRule(rule: Record<string, unknown>): string {
  if ('role' in rule) return `${String(rule.role)}${rule.unit ? ` @ ${String(rule.unit)}` : rule.at ? ` @ ${String(rule.at)}` : ''}`;
  if ('assignee' in rule) return 'assignee';
  if ('initiator' in rule) return 'initiator';
  if ('system' in rule) return 'system';
  if ('users' in rule) return `users: ${String(rule.users)}`;
  if ('user' in rule) return `user: ${String(rule.user)}`;
  return JSON.stringify(rule);
}
