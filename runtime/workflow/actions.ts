import { durationMs } from '../calendar';
import type { WorkflowDefinition } from '../schema/workflow';
import { authorize, inPool } from './engine';
import { evaluate, variablesOf } from './expressions';
import { stepKind } from './step-kinds/registry';
import { actingAs, allowedBy } from './task-actions';
import { SYSTEM_ACTOR, type Actor, type AvailableAction, type WorkflowContext, type WorkflowInstance } from './types';

/**
 * Exactly what `actor` may do on the instance now: transitions they are allowed to fire (guards that
 * can be decided without the command's form data are evaluated) and the task primitives open to them.
 * The server shows these as buttons; `applyCommand` accepts each of them (given valid form data).
 *
 * @example availableActions(fiveOrder, order, stationAdmin, ctx)
 *          // → [{ event: 'accept_for_dispatch', to: 'pending_dispatch' }, { event: 'reject', to: 'rejected', form: 'reason' }, …]
 */
export function availableActions(definition: WorkflowDefinition, instance: WorkflowInstance, actor: Actor, context: WorkflowContext): AvailableAction[] {
  const state = definition.states[instance.state];
  if (!state || instance.workflow !== definition.key || instance.version !== definition.version) return [];
  const variables = variablesOf(instance, actor, context, undefined);
  const actions: AvailableAction[] = [];
  const seen = new Map<string, AvailableAction>();
  for (const transition of state.transitions) {
    const authority = authorize(definition, instance, transition, actor, context, variables);
    if (!authority) continue;
    if (transition.escalate && instance.level + 1 >= context.org.ancestors.length && actor.id !== SYSTEM_ACTOR.id) continue;
    if (transition.guard !== undefined) {
      const result = evaluate(transition.guard, variables);
      // A guard that fails to evaluate usually reads the form not yet filled: offer it, the command decides.
      if (result.ok && result.value !== true) continue;
    }
    const existing = seen.get(transition.event);
    if (existing) {
      if (existing.to !== transition.to) delete existing.to;
      continue;
    }
    const action: AvailableAction = { event: transition.event, to: transition.to };
    if (transition.title) action.title = transition.title;
    if (transition.form) action.form = transition.form;
    if (authority.mode === 'vote') {
      if (authority.via) action.onBehalfOf = authority.by;
      const task = instance.task!;
      const kind = stepKind(task.kind);
      const spec = state.task!;
      const claimed = authority.claim ? { ...task, assignees: [authority.by] } : task;
      if (kind && !kind.decide(claimed, { by: authority.by, event: transition.event, decision: transition.decision, at: context.now }, spec).decided) action.vote = true;
    }
    seen.set(transition.event, action);
    actions.push(action);
  }
  if (instance.final) return actions;

  const task = instance.task;
  const spec = state.task;
  const as = actingAs(definition, task, actor, context);
  const behalf = as?.via ? { onBehalfOf: as.by } : {};
  if (task?.pool && task.assignees.length === 0 && inPool(actor, task.pool)) actions.push({ event: 'claim' });
  if (task && spec && as) {
    if (spec.transfer) actions.push({ event: 'transfer', ...behalf });
    if (spec.addSigner.length > 0) actions.push({ event: 'addSigner', positions: [...spec.addSigner], ...behalf });
    if (spec.cc) actions.push({ event: 'cc', ...behalf });
  }
  if (task && spec?.removeSigner && (task.assignees.includes(actor.id) || actor.id === instance.initiator)) {
    const pending = stepKind(task.kind)?.pending(task) ?? [];
    const removable = task.assignees.filter((a) => a !== actor.id && !task.votes.some((v) => v.by === a));
    const targets = removable.filter((a) => pending.filter((p) => p !== a).length > 0);
    if (targets.length > 0) actions.push({ event: 'removeSigner', targets });
  }
  if (state.withdraw && allowedBy(state.withdraw.allow, definition, instance, actor, context)) {
    const acted = state.withdraw.until === 'firstAction' && task !== undefined && (task.votes.length > 0 || task.claimed !== undefined);
    if (!acted) actions.push({ event: 'withdraw', to: state.withdraw.to });
  }
  if (state.sendBack && allowedBy(state.sendBack.allow, definition, instance, actor, context)) {
    actions.push({ event: 'sendBack', targets: [...state.sendBack.targets], ...(state.sendBack.form ? { form: state.sendBack.form } : {}) });
  }
  if (task && spec?.remind && allowedBy(spec.remind.allow, definition, instance, actor, context)) {
    const nextAt = task.remindedAt === undefined ? undefined : new Date(Date.parse(task.remindedAt) + durationMs(spec.remind.interval)).toISOString();
    if (nextAt === undefined || Date.parse(context.now) >= Date.parse(nextAt)) actions.push({ event: 'remind' });
  }
  return actions;
}
