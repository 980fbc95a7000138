import { addDurationMs } from '../calendar';
import type { StateSpec, TaskSpec, WorkflowDefinition } from '../schema/workflow';
import { evaluate, holds, variablesOf } from './expressions';
import { anchorUnit, resolvePeople } from './people';
import type { Actor, Effect, HistoryEntry, PendingTimer, Task, WorkflowContext, WorkflowInstance } from './types';

/** The working state of one command: a draft instance the engine may change, and what it emits. */
export interface Run {
  definition: WorkflowDefinition;
  actor: Actor;
  context: WorkflowContext;
  effects: Effect[];
  /** Command data, readable as `form` by expressions. */
  form: unknown;
  /** The history entry being built for this command. */
  entry: HistoryEntry;
  /** Set when folding history: recorded facts replace lookups in the org tree. */
  replay?: HistoryEntry;
  /** The state entered has an empty step whose rule is `skip`. */
  skipped?: boolean;
}

export const TASK_ASSIGNED = 'workflow.task.assigned';
export const TASK_REMINDER = 'workflow.task.reminder';
export const CARBON_COPY = 'workflow.cc';

/** Leaving a state cancels every timer it started and closes its task. */
export function leaveState(draft: WorkflowInstance, run: Run): void {
  for (const timer of draft.timers) run.effects.push({ type: 'cancel', timer: timer.key });
  draft.timers = [];
  delete draft.task;
}

/** Active delegates of a user now (委托), for notifications and for acting on their tasks. */
export function delegatesOf(user: string, run: Pick<Run, 'context' | 'definition'>): string[] {
  const { delegations } = run.context;
  if (!delegations) return [];
  // Instants compared as times, not strings: '…00Z' and '…00.000Z' are the same moment.
  const now = Date.parse(run.context.now);
  return delegations
    .filter((d) => d.from === user && Date.parse(d.start) <= now && now < Date.parse(d.end) && (!d.workflows || d.workflows.includes(run.definition.key)))
    .map((d) => d.to);
}

/**
 * Enters a state: 抄送 copies, the step's task with its assignees, and the state's timers.
 * Returns true when the step has nobody to act and its rule says `skip` (the caller then takes the
 * step's approve transition automatically).
 */
export function enterState(draft: WorkflowInstance, key: string, run: Run): boolean {
  const spec = run.definition.states[key];
  if (!spec) throw new Error(`unknown state ${key}`);
  draft.state = key;
  draft.final = spec.final;
  carbonCopy(draft, spec, run);
  const skip = spec.task ? openTask(draft, spec.task, key, run) : false;
  startTimers(draft, spec, run);
  return skip;
}

function carbonCopy(draft: WorkflowInstance, spec: StateSpec, run: Run): void {
  if (spec.cc.length === 0) return;
  const people = resolvePeople(spec.cc, draft, run.context, variablesOf(draft, run.actor, run.context, run.form));
  if (people.length === 0) return;
  draft.readers = [...new Set([...(draft.readers ?? []), ...people])];
  run.effects.push({ type: 'notify', to: people, message: CARBON_COPY, data: { state: draft.state } });
}

function openTask(draft: WorkflowInstance, spec: TaskSpec, key: string, run: Run): boolean {
  const { context } = run;
  let variables = variablesOf(draft, run.actor, context, run.form);
  const pool = spec.pool && holds(spec.pool.when, variables) ? spec.pool : undefined;
  let people: string[];
  if (run.replay) {
    people = run.replay.assigned ?? [];
    if (run.replay.level !== undefined) draft.level = run.replay.level;
    run.entry.assigned = people;
  } else {
    people = resolvePeople(spec.assignees, draft, context, variables);
    if (people.length === 0 && !pool && spec.onEmpty === 'escalate') {
      while (people.length === 0 && draft.level + 1 < context.org.ancestors.length) {
        draft.level += 1;
        variables = variablesOf(draft, run.actor, context, run.form);
        people = resolvePeople(spec.assignees, draft, context, variables);
      }
    } else if (people.length === 0 && !pool && typeof spec.onEmpty === 'object') {
      people = resolvePeople([spec.onEmpty], draft, context, variables);
    }
    run.entry.assigned = people;
  }
  const task: Task = { kind: spec.kind, assignees: people, votes: [] };
  if (people.length === 0 && pool) {
    const unit = anchorUnit(pool, draft, context, variables);
    task.pool = unit ? { role: pool.role, unit } : { role: pool.role };
  }
  draft.task = task;
  if (people.length > 0) {
    const to = [...new Set(people.flatMap((p) => [p, ...delegatesOf(p, run)]))];
    run.effects.push({ type: 'notify', to, message: TASK_ASSIGNED, data: { state: key } });
  }
  return people.length === 0 && !pool && spec.onEmpty === 'skip';
}

function startTimers(draft: WorkflowInstance, spec: StateSpec, run: Run): void {
  if (spec.timers.length === 0) {
    draft.timers = [];
    return;
  }
  const { context } = run;
  const variables = variablesOf(draft, run.actor, context, run.form);
  const timers: PendingTimer[] = [];
  let earliest: string | undefined;
  for (const timer of spec.timers) {
    const timing = context.durations?.[timer.key] ?? (Array.isArray(timer.after) ? timer.after : [timer.after]).find((t) => holds(t.when, variables));
    if (!timing) continue;
    const base = baseTime(timer.from, variables, context.now);
    // Instants as milliseconds from here on: each text ↔ number conversion costs about as much as the
    // rest of starting a timer. The text goes in only when it is not an instant, for addDuration's error.
    const baseMs = Date.parse(base);
    const dueMs = addDurationMs(Number.isNaN(baseMs) ? base : baseMs, timing, context.calendar);
    const due = new Date(dueMs).toISOString();
    timers.push({ key: timer.key, due });
    if (earliest === undefined || due < earliest) earliest = due;
    const span = dueMs - baseMs;
    for (const fraction of timer.remindAt) {
      const at = new Date(baseMs + Math.round(span * fraction)).toISOString();
      timers.push({ key: `${timer.key}@${Math.round(fraction * 100)}`, due: at });
    }
  }
  timers.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  for (const timer of timers) run.effects.push({ type: 'schedule', timer: timer.key, due: timer.due });
  draft.timers = timers;
  if (draft.task && earliest !== undefined) draft.task.due = earliest;
}

function baseTime(from: string | undefined, variables: Record<string, unknown>, now: string): string {
  if (from === undefined) return now;
  const result = evaluate(from, variables);
  // A missing or malformed start time (no expected time given) falls back to entering the state.
  return result.ok && typeof result.value === 'string' && !Number.isNaN(Date.parse(result.value)) ? new Date(Date.parse(result.value)).toISOString() : now;
}
