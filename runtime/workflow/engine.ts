import { validateFormData } from '../form/index';
import type { FormDefinition } from '../schema/form';
import type { Transition, WorkflowDefinition } from '../schema/workflow';
import { enterState, leaveState, delegatesOf, type Run } from './enter';
import { evaluate, variablesOf } from './expressions';
import { describeRule, matchesRule } from './people';
import { emitEffects } from './effects';
import { reject, type Failure } from './rejections';
import { stepKind } from './step-kinds/registry';
import { applyTaskAction, isTaskAction } from './task-actions';
import { fireTimer } from './timer-firing';
import { START_EVENT, SYSTEM_ACTOR, type Actor, type Command, type HistoryEntry, type Outcome, type WorkflowContext, type WorkflowInstance } from './types';

/** How the actor may fire a transition: as a vote of the open step, or directly under another rule. */
export type Authority = { mode: 'vote'; by: string; via?: string; claim?: boolean } | { mode: 'direct' };

const MAX_AUTO_STEPS = 16;

export interface StartOptions {
  /** Instance id, chosen by the caller (the engine never makes ids). */
  id: string;
  /** The org unit the instance belongs to; `context.org.ancestors[0]` must be this unit. */
  unit: string;
  actor: Actor;
  input?: Record<string, unknown>;
}

/** A working copy: arrays and maps the engine writes to are fresh, so the caller's instance never changes. */
export function draftOf(instance: WorkflowInstance): WorkflowInstance {
  return { ...instance, data: { ...instance.data }, vars: { ...instance.vars }, timers: [...instance.timers], history: [...instance.history] };
}

export function newRun(definition: WorkflowDefinition, draft: WorkflowInstance, actor: Actor, context: WorkflowContext, command: Partial<Command> & { event: string }, replay?: HistoryEntry): Run {
  const entry: HistoryEntry = { seq: draft.history.length + 1, at: context.now, actor: actor.id, event: command.event, from: draft.state, to: draft.state };
  if (command.onBehalfOf !== undefined) entry.onBehalfOf = command.onBehalfOf;
  if (command.data !== undefined) entry.data = command.data;
  if (command.comment !== undefined) entry.comment = command.comment;
  if (command.target !== undefined) entry.target = command.target;
  if (command.position !== undefined) entry.position = command.position;
  if (command.timer !== undefined) entry.timer = command.timer;
  const run: Run = { definition, actor, context, effects: [], form: command.data, entry };
  if (replay) run.replay = replay;
  return run;
}

/** Closes a run: appends its history entry, bumps the revision, records an escalation. */
export function commit(draft: WorkflowInstance, run: Run, levelBefore: number, bump = true): Outcome {
  run.entry.to = draft.state;
  if (draft.level !== levelBefore) run.entry.level = draft.level;
  draft.history.push(run.entry);
  if (bump) draft.revision += 1;
  return { ok: true, instance: draft, effects: run.effects };
}

/** Validates command data against a form; `undefined` when valid. */
export function checkForm(formKey: string | undefined, version: number | undefined, data: unknown, context: WorkflowContext): Failure | undefined {
  if (formKey === undefined) return undefined;
  const form = context.forms?.(formKey, version);
  if (!form) return reject.formUnknown(formKey);
  const issues = validateFormData(form, data ?? {});
  return issues.length > 0 ? reject.form(formKey, issues) : undefined;
}

/**
 * Starts an instance in the definition's initial state: checks the start rules and the input form,
 * opens the first step's task and schedules its timers.
 *
 * @example startInstance(fiveOrder, { id: 'o1', unit: 's1', actor: resident, input: { description: '打扫院落' } }, ctx)
 *          // → { ok: true, instance: { state: 'submitted', revision: 1, task: { assignees: ['sa1'] }, … },
 *          //     effects: [{ type: 'notify', … }, { type: 'schedule', timer: 'triage', due: … }, …] }
 */
export function startInstance(definition: WorkflowDefinition, options: StartOptions, context: WorkflowContext): Outcome {
  return guarded(() => startWith(definition, options, context));
}

/**
 * The engine's outcomes are values; the only throws left inside are a definition that passed its schema
 * but not the linter (a transition to a missing state). They become a `definition-mismatch` rejection.
 */
function guarded(run: () => Outcome): Outcome {
  try {
    return run();
  } catch (error) {
    return reject.invalidDefinition(error instanceof Error ? error.message : String(error));
  }
}

export function startWith(definition: WorkflowDefinition, options: StartOptions, context: WorkflowContext, replay?: HistoryEntry): Outcome {
  const vars: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(definition.variables)) vars[name] = schema.default ?? null;
  const draft: WorkflowInstance = {
    id: options.id,
    workflow: definition.key,
    version: definition.version,
    unit: options.unit,
    level: 0,
    initiator: options.actor.id,
    state: definition.initial,
    final: false,
    input: options.input ?? {},
    data: {},
    vars,
    timers: [],
    history: [],
    revision: 0,
  };
  const run = newRun(definition, draft, options.actor, context, { event: START_EVENT, data: options.input }, replay);
  run.entry.from = null;
  if (!replay) {
    const variables = variablesOf(draft, options.actor, context, options.input);
    if (!definition.start.allow.some((rule) => matchesRule(rule, options.actor, draft, context, variables))) {
      return reject.notAllowed('start', definition.start.allow.map(describeRule));
    }
    const invalid = definition.start.form
      ? checkForm(definition.start.form, undefined, options.input, context)
      : definition.start.schema
        ? checkInputSchema(definition, options.input)
        : undefined;
    if (invalid) return invalid;
  }
  const skip = enterState(draft, definition.initial, run);
  const failed = emitEffects(definition.start.effects, draft, run);
  if (failed) return failed;
  const outcome = commit(draft, run, 0);
  return skip && !replay ? autoSkip(definition, outcome, context) : outcome;
}

// The inline input schema wrapped as a form once per definition, so its compiled validator is reused.
const inputForms = new WeakMap<WorkflowDefinition, FormDefinition>();

function checkInputSchema(definition: WorkflowDefinition, input: unknown): Failure | undefined {
  let form = inputForms.get(definition);
  if (!form) {
    form = { kind: 'form', key: `${definition.key}-input`, version: definition.version, title: definition.title, schema: definition.start.schema ?? {}, rules: [], computed: [] };
    inputForms.set(definition, form);
  }
  const issues = validateFormData(form, input ?? {});
  return issues.length > 0 ? reject.form(form.key, issues) : undefined;
}

/**
 * Applies one command. Returns the new instance and the effects to perform, or a rejection; the
 * given instance is never changed.
 */
export function applyCommand(definition: WorkflowDefinition, instance: WorkflowInstance, command: Command, context: WorkflowContext): Outcome {
  return guarded(() => dispatchCommand(definition, instance, command, context));
}

function dispatchCommand(definition: WorkflowDefinition, instance: WorkflowInstance, command: Command, context: WorkflowContext): Outcome {
  if (instance.workflow !== definition.key || instance.version !== definition.version) {
    return reject.mismatch(`${definition.key}@${definition.version}`, `${instance.workflow}@${instance.version}`);
  }
  if (command.expectedRevision !== undefined && command.expectedRevision !== instance.revision) {
    return reject.stale(command.expectedRevision, instance.revision);
  }
  const state = definition.states[instance.state];
  if (!state) return reject.notAvailable(command.event, instance.state, []);
  if (instance.final && !state.transitions.some((t) => t.event === command.event)) return reject.final(instance.state);
  if (command.event === 'timer') return fireTimer(definition, instance, command, context);
  if (isTaskAction(command.event)) return applyTaskAction(definition, instance, command, context);
  return applyTransitionCommand(definition, instance, command, context);
}

/** Whether the actor may claim from a pool (抢单): holds the role, at the pool's unit when it has one. */
export function inPool(actor: Actor, pool: { role: string; unit?: string }): boolean {
  return actor.roles.some((m) => m.role === pool.role && (pool.unit === undefined || m.unitId === pool.unit));
}

/** The rules by which an actor may fire a transition now, or undefined. */
export function authorize(definition: WorkflowDefinition, instance: WorkflowInstance, transition: Transition, actor: Actor, context: WorkflowContext, variables: Record<string, unknown>, onBehalfOf?: string): Authority | undefined {
  const task = instance.task;
  if (task && transition.allow.some((rule) => 'assignee' in rule)) {
    const kind = stepKind(task.kind);
    const pending = kind ? kind.pending(task) : [];
    if (pending.includes(actor.id) && (onBehalfOf === undefined || onBehalfOf === actor.id)) return { mode: 'vote', by: actor.id };
    if (task.pool && task.assignees.length === 0 && inPool(actor, task.pool)) {
      return { mode: 'vote', by: actor.id, claim: true };
    }
    const run = { context, definition };
    const principal = pending.find((p) => (onBehalfOf === undefined || onBehalfOf === p) && delegatesOf(p, run).includes(actor.id));
    if (principal !== undefined) return { mode: 'vote', by: principal, via: actor.id };
  }
  if (transition.allow.some((rule) => matchesRule(rule, actor, instance, context, variables))) return { mode: 'direct' };
  return undefined;
}

function applyTransitionCommand(definition: WorkflowDefinition, instance: WorkflowInstance, command: Command, context: WorkflowContext): Outcome {
  const state = definition.states[instance.state]!;
  const candidates = state.transitions.filter((t) => t.event === command.event);
  if (candidates.length === 0) {
    return reject.notAvailable(command.event, instance.state, [...new Set(state.transitions.map((t) => t.event))]);
  }
  const variables = variablesOf(instance, command.actor, context, command.data);
  let firstGuardFailure: Failure | undefined;
  let anyAllowed = false;
  for (const transition of candidates) {
    const authority = authorize(definition, instance, transition, command.actor, context, variables, command.onBehalfOf);
    if (!authority) continue;
    anyAllowed = true;
    const invalid = checkForm(transition.form, transition.formVersion, command.data, context);
    if (invalid) return invalid;
    if (transition.guard !== undefined) {
      const result = evaluate(transition.guard, variables);
      if (!result.ok || result.value !== true) {
        firstGuardFailure ??= reject.guard(transition.guard, valuesSeen(transition.guard, variables));
        continue;
      }
    }
    return fire(definition, instance, transition, authority, command, context);
  }
  if (!anyAllowed) return reject.notAllowed(command.event, [...new Set(candidates.flatMap((t) => t.allow.map(describeRule)))]);
  return firstGuardFailure!;
}

/** The variables a guard reads (by their root name), to explain a `guard-false` without echoing everything else. */
function valuesSeen(expression: string, variables: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(variables).filter(([name]) => new RegExp(`\\b${name}\\b`).test(expression)));
}

/** Fires a chosen transition: a vote that may or may not decide the step, or a direct move. */
export function fire(definition: WorkflowDefinition, instance: WorkflowInstance, transition: Transition, authority: Authority, command: Partial<Command> & { event: string; actor: Actor }, context: WorkflowContext, replay?: HistoryEntry): Outcome {
  const draft = draftOf(instance);
  const run = newRun(definition, draft, command.actor, context, { ...command, ...(authority.mode === 'vote' && authority.via ? { onBehalfOf: authority.by } : {}) }, replay);
  const levelBefore = draft.level;
  if (authority.mode === 'vote' && draft.task) {
    run.entry.vote = true;
    let task = draft.task;
    if (authority.claim) task = { kind: task.kind, assignees: [authority.by], votes: task.votes, claimed: authority.by, ...(task.due ? { due: task.due } : {}) };
    const kind = stepKind(task.kind);
    const spec = definition.states[draft.state]!.task!;
    const vote = { by: authority.by, event: transition.event, decision: transition.decision, at: context.now, ...(authority.via ? { via: authority.via } : {}) };
    const decided = kind ? kind.decide(task, vote, spec) : { task, decided: true };
    draft.task = decided.task;
    if (!decided.decided) {
      if (command.data !== undefined && transition.form) draft.data[transition.event] = command.data;
      return commit(draft, run, levelBefore);
    }
  }
  const failed = move(draft, transition, run);
  if (failed) return failed;
  const outcome = commit(draft, run, levelBefore);
  return replay || !outcome.ok || !run.skipped ? outcome : autoSkip(definition, outcome, context);
}

/**
 * Takes a transition on the draft: stores form data, assigns variables, escalates, leaves the state
 * (cancelling its timers) and enters the target. Returns a rejection when an expression fails.
 */
export function move(draft: WorkflowInstance, transition: Transition, run: Run): Failure | undefined {
  if (run.form !== undefined && transition.form) draft.data[transition.event] = run.form;
  if (transition.set) {
    const variables = variablesOf(draft, run.actor, run.context, run.form);
    const values: Record<string, unknown> = {};
    for (const [name, expression] of Object.entries(transition.set)) {
      const result = evaluate(expression, variables);
      if (!result.ok) return reject.expression(expression, result.message);
      values[name] = result.value;
    }
    Object.assign(draft.vars, values);
    run.effects.push({ type: 'setData', values });
  }
  if (transition.escalate) {
    if (run.replay) draft.level = run.replay.level ?? draft.level;
    else if (draft.level + 1 < run.context.org.ancestors.length) draft.level += 1;
    // A timer escalating at the top stays there instead of being refused, so it can never wedge the instance.
    else if (run.actor.id !== SYSTEM_ACTOR.id) return reject.noHigherLevel();
  }
  leaveState(draft, run);
  if (enterState(draft, transition.to, run)) run.skipped = true;
  return emitEffects(transition.effects, draft, run);
}

/** 跳过: a step with nobody to act and `onEmpty: skip` approves itself, recorded as automatic entries. */
function autoSkip(definition: WorkflowDefinition, outcome: Outcome, context: WorkflowContext): Outcome {
  let current = outcome;
  for (let i = 0; i < MAX_AUTO_STEPS && current.ok; i += 1) {
    const instance = current.instance;
    const state = definition.states[instance.state]!;
    const task = instance.task;
    if (!state.task || !task || task.assignees.length > 0 || task.pool || state.task.onEmpty !== 'skip') return current;
    const transition = state.transitions.find((t) => t.decision === 'approve');
    if (!transition) return current;
    const draft = draftOf(instance);
    const run = newRun(definition, draft, { id: 'system', roles: [] }, context, { event: transition.event });
    run.entry.auto = true;
    const failed = move(draft, transition, run);
    if (failed) return current;
    const next = commit(draft, run, instance.level, false);
    if (!next.ok) return current;
    current = { ok: true, instance: next.instance, effects: [...current.effects, ...next.effects] };
  }
  return current;
}
