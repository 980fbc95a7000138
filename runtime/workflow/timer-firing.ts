import type { Transition, WorkflowDefinition } from '../schema/workflow';
import { commit, draftOf, fire, move, newRun } from './engine';
import { delegatesOf, TASK_REMINDER } from './enter';
import { evaluate, variablesOf } from './expressions';
import { reject } from './rejections';
import { stepKind } from './step-kinds/registry';
import { SYSTEM_ACTOR, type Command, type HistoryEntry, type Outcome, type WorkflowContext, type WorkflowInstance } from './types';

export const TASK_OVERDUE = 'workflow.task.overdue';

/**
 * A due timer, sent back by the caller as `{ event: 'timer', timer: key }` from the system actor.
 * A reminder (`key@50`) notifies the pending assignees; a state timer fires its event or its timeout
 * action (auto-approve, auto-reject, send back, escalate one org level up).
 */
export function fireTimer(definition: WorkflowDefinition, instance: WorkflowInstance, command: Command, context: WorkflowContext, replay?: HistoryEntry): Outcome {
  if (!replay && command.actor.id !== SYSTEM_ACTOR.id) return reject.notAllowed('timer', ['system']);
  const key = command.timer;
  if (!instance.timers.some((t) => t.key === key)) return reject.timer(key);
  const base = key!.split('@')[0]!;
  const state = definition.states[instance.state]!;
  const spec = state.timers.find((t) => t.key === base);
  const timerCommand = { event: 'timer', timer: key!, actor: SYSTEM_ACTOR };

  // A timer that can no longer act (its condition fails, or a migration removed it) is consumed, never
  // refused: a durable timer the server retries forever would wedge the instance.
  const consume = (notify?: string): Outcome => {
    const draft = draftOf(instance);
    draft.timers = draft.timers.filter((t) => t.key !== key);
    const run = newRun(definition, draft, SYSTEM_ACTOR, context, timerCommand, replay);
    const task = draft.task;
    if (task && notify) {
      const pending = task.assignees.length > 0 ? (stepKind(task.kind)?.pending(task) ?? []) : [];
      run.effects.push({ type: 'notify', to: [...new Set(pending.flatMap((p) => [p, ...delegatesOf(p, run)]))], message: notify, data: { state: draft.state, timer: base } });
    }
    return commit(draft, run, instance.level);
  };

  if (key !== base) return consume(TASK_REMINDER);
  if (!spec) return consume();

  const pick = (matches: (t: Transition) => boolean): Outcome => {
    const candidates = state.transitions.filter(matches);
    const variables = variablesOf(instance, SYSTEM_ACTOR, context, undefined);
    // Guards here read only the instance, the time and the system actor, so replay decides exactly as the live run did.
    const chosen = candidates.find((t) => {
      if (t.guard === undefined) return true;
      const result = evaluate(t.guard, variables);
      return result.ok && result.value === true;
    });
    if (!chosen) return consume();
    return fire(definition, instance, chosen, { mode: 'direct' }, timerCommand, context, replay);
  };

  if (spec.event !== undefined) return pick((t) => t.event === spec.event);
  switch (spec.action) {
    case 'approve':
    case 'reject':
      return pick((t) => t.decision === spec.action && t.allow.some((rule) => 'assignee' in rule));
    case 'sendBack': {
      const target = spec.target ?? state.sendBack?.targets[0];
      if (target === undefined) return reject.target(undefined, 'no send-back target');
      const draft = draftOf(instance);
      const run = newRun(definition, draft, SYSTEM_ACTOR, context, { ...timerCommand, target }, replay);
      const failed = move(draft, { event: 'sendBack', to: target, allow: [], decision: 'reject', escalate: false, effects: [] }, run);
      return failed ?? commit(draft, run, instance.level);
    }
    case 'escalate':
    default: {
      const atTop = replay ? replay.level === undefined : instance.level + 1 >= context.org.ancestors.length;
      if (atTop) return consume(TASK_OVERDUE);
      const draft = draftOf(instance);
      const run = newRun(definition, draft, SYSTEM_ACTOR, context, timerCommand, replay);
      const failed = move(draft, { event: 'timer', to: instance.state, allow: [], decision: 'approve', escalate: true, effects: [] }, run);
      return failed ?? commit(draft, run, instance.level);
    }
  }
}
