import { durationMs } from '../calendar';
import type { AllowRule, Transition, WorkflowDefinition } from '../schema/workflow';
import { commit, checkForm, draftOf, inPool, move, newRun } from './engine';
import { CARBON_COPY, delegatesOf, TASK_ASSIGNED, TASK_REMINDER, type Run } from './enter';
import { variablesOf } from './expressions';
import { describeRule, matchesRule, resolvePeople } from './people';
import { reject, type Failure } from './rejections';
import { stepKind } from './step-kinds/registry';
import type { Actor, Command, HistoryEntry, Outcome, Task, WorkflowContext, WorkflowInstance } from './types';

/** Commands that act on the open task instead of naming a transition. */
export const taskActions = ['claim', 'transfer', 'addSigner', 'removeSigner', 'withdraw', 'sendBack', 'remind', 'cc'] as const;
export type TaskAction = (typeof taskActions)[number];

export function isTaskAction(event: string): event is TaskAction {
  return (taskActions as readonly string[]).includes(event);
}

/** The pending assignee the actor acts as: themself, or the principal of a delegation (委托). */
export function actingAs(definition: WorkflowDefinition, task: Task | undefined, actor: Actor, context: WorkflowContext, onBehalfOf?: string): { by: string; via?: string } | undefined {
  if (!task) return undefined;
  const pending = stepKind(task.kind)?.pending(task) ?? [];
  if (pending.includes(actor.id) && (onBehalfOf === undefined || onBehalfOf === actor.id)) return { by: actor.id };
  const principal = pending.find((p) => (onBehalfOf === undefined || onBehalfOf === p) && delegatesOf(p, { context, definition }).includes(actor.id));
  return principal === undefined ? undefined : { by: principal, via: actor.id };
}

/** Whether the actor matches any of the rules, `assignee` meaning a pending assignee of the task. */
export function allowedBy(rules: readonly AllowRule[], definition: WorkflowDefinition, instance: WorkflowInstance, actor: Actor, context: WorkflowContext, onBehalfOf?: string): boolean {
  const variables = variablesOf(instance, actor, context, undefined);
  return rules.some((rule) => ('assignee' in rule ? actingAs(definition, instance.task, actor, context, onBehalfOf) !== undefined : matchesRule(rule, actor, instance, context, variables)));
}

function synthetic(event: string, to: string, form?: string): Transition {
  return { event, to, allow: [], decision: 'approve', escalate: false, effects: [], ...(form ? { form } : {}) };
}

/** Applies 抢单 claim, 转交, 加签, 减签, 撤回, 退回, 催办 or 抄送 by hand. When `replay` is given the checks are skipped. */
export function applyTaskAction(definition: WorkflowDefinition, instance: WorkflowInstance, command: Command, context: WorkflowContext, replay?: HistoryEntry): Outcome {
  const state = definition.states[instance.state]!;
  const spec = state.task;
  const task = instance.task;
  const event = command.event as TaskAction;
  const actor = command.actor;
  const checks = !replay;
  const notAvailable = () => reject.notAvailable(event, instance.state, []);
  const acting = actingAs(definition, task, actor, context, command.onBehalfOf) ?? (replay ? { by: replay.onBehalfOf ?? actor.id } : undefined);
  const accept = (changes: (draft: WorkflowInstance, run: Run) => Failure | undefined): Outcome => {
    const draft = draftOf(instance);
    const run = newRun(definition, draft, actor, context, { ...command, ...(acting?.via ? { onBehalfOf: acting.by } : {}) }, replay);
    const failed = changes(draft, run);
    return failed ?? commit(draft, run, instance.level);
  };
  const target = command.target;

  switch (event) {
    case 'claim': {
      if (!task?.pool) return notAvailable();
      if (checks && !inPool(actor, task.pool)) return reject.notAllowed(event, [`${task.pool.role}@${task.pool.unit ?? 'any'}`]);
      return accept((draft) => {
        draft.task = { kind: task.kind, assignees: [actor.id], votes: task.votes, claimed: actor.id, ...(task.due ? { due: task.due } : {}) };
        return undefined;
      });
    }
    case 'transfer':
    case 'addSigner': {
      if (!task || !spec) return notAvailable();
      const position = command.position ?? 'after';
      if (checks) {
        if (event === 'transfer' ? !spec.transfer : spec.addSigner.length === 0) return notAvailable();
        if (event === 'addSigner' && !spec.addSigner.includes(position)) return reject.target(target, `adding a signer ${position} is not permitted here`);
        if (!acting) return reject.notAllowed(event, ['assignee']);
        if (!target || task.assignees.includes(target) || target === actor.id) return reject.target(target, 'must be another person who is not already a signer');
        if (spec.signers && !resolvePeople(spec.signers, instance, context, variablesOf(instance, actor, context, command.data)).includes(target)) {
          return reject.target(target, 'not among the people the step allows');
        }
      }
      return accept((draft, run) => {
        const assignees = [...task.assignees];
        const index = assignees.indexOf(acting!.by);
        if (event === 'transfer') assignees[index] = target!;
        else if (stepKind(task.kind)?.ordered) assignees.splice(position === 'before' ? index : index + 1, 0, target!);
        else assignees.push(target!);
        draft.task = { ...task, assignees };
        run.effects.push({ type: 'notify', to: [target!, ...delegatesOf(target!, run)], message: TASK_ASSIGNED, data: { state: instance.state } });
        return undefined;
      });
    }
    case 'removeSigner': {
      if (!task || !spec) return notAvailable();
      if (checks) {
        if (!spec.removeSigner) return notAvailable();
        if (!task.assignees.includes(actor.id) && actor.id !== instance.initiator) return reject.notAllowed(event, ['assignee', 'initiator']);
        if (!target || !task.assignees.includes(target) || target === actor.id || task.votes.some((v) => v.by === target)) {
          return reject.target(target, 'must be a signer who has not decided yet');
        }
        const rest: Task = { ...task, assignees: task.assignees.filter((a) => a !== target) };
        if ((stepKind(task.kind)?.pending(rest).length ?? 0) === 0) return reject.target(target, 'the last pending signer cannot be removed');
      }
      return accept((draft) => {
        draft.task = { ...task, assignees: task.assignees.filter((a) => a !== target) };
        return undefined;
      });
    }
    case 'withdraw': {
      const withdraw = state.withdraw;
      if (!withdraw) return notAvailable();
      if (checks) {
        if (!allowedBy(withdraw.allow, definition, instance, actor, context)) return reject.notAllowed(event, withdraw.allow.map(describeRule));
        if (withdraw.until === 'firstAction' && task && (task.votes.length > 0 || task.claimed !== undefined)) return reject.withdrawTooLate();
      }
      return accept((draft, run) => move(draft, synthetic('withdraw', withdraw.to), run));
    }
    case 'sendBack': {
      const sendBack = state.sendBack;
      if (!sendBack) return notAvailable();
      if (checks) {
        if (!allowedBy(sendBack.allow, definition, instance, actor, context, command.onBehalfOf)) return reject.notAllowed(event, sendBack.allow.map(describeRule));
        if (!target || !sendBack.targets.includes(target)) return reject.target(target, `allowed: ${sendBack.targets.join(', ')}`);
        const invalid = checkForm(sendBack.form, undefined, command.data, context);
        if (invalid) return invalid;
      }
      return accept((draft, run) => move(draft, synthetic('sendBack', target!, sendBack.form), run));
    }
    case 'cc': {
      if (!task || !spec?.cc) return notAvailable();
      if (checks) {
        if (!acting) return reject.notAllowed(event, ['assignee']);
        if (!target || target === actor.id) return reject.target(target, 'must name the person to copy');
      }
      return accept((draft, run) => {
        draft.readers = [...new Set([...(draft.readers ?? []), target!])];
        run.effects.push({ type: 'notify', to: [target!], message: CARBON_COPY, data: { state: instance.state, by: actor.id } });
        return undefined;
      });
    }
    case 'remind': {
      const remind = spec?.remind;
      if (!task || !remind) return notAvailable();
      if (checks) {
        if (!allowedBy(remind.allow, definition, instance, actor, context)) return reject.notAllowed(event, remind.allow.map(describeRule));
        if (task.remindedAt !== undefined) {
          const nextAt = new Date(Date.parse(task.remindedAt) + durationMs(remind.interval)).toISOString();
          if (Date.parse(context.now) < Date.parse(nextAt)) return reject.remindTooSoon(nextAt);
        }
      }
      return accept((draft, run) => {
        draft.task = { ...task, remindedAt: context.now };
        const pending = stepKind(task.kind)?.pending(task) ?? [];
        run.effects.push({ type: 'notify', to: [...new Set(pending.flatMap((p) => [p, ...delegatesOf(p, run)]))], message: TASK_REMINDER, data: { state: instance.state, by: actor.id } });
        return undefined;
      });
    }
  }
}

