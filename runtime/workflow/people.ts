import type { AllowRule, OrgAnchor, PersonRule } from '../schema/workflow';
import { evaluate, holds } from './expressions';
import type { Actor, WorkflowContext, WorkflowInstance } from './types';

type RoleRuleLike = { role: string; at?: OrgAnchor | undefined; unit?: string | undefined };

/** The unit a role rule points at; `null` for `any`, undefined when the tree has no such ancestor. */
export function anchorUnit(
  rule: RoleRuleLike,
  instance: WorkflowInstance,
  context: WorkflowContext,
  variables: Record<string, unknown>,
): string | null | undefined {
  if (rule.unit !== undefined) {
    const result = evaluate(rule.unit, variables);
    return result.ok && typeof result.value === 'string' ? result.value : undefined;
  }
  const at = rule.at ?? 'unit';
  if (at === 'any') return null;
  if (at === 'unit') return instance.unit;
  if (at === 'current') return context.org.ancestors[instance.level]?.id;
  return context.org.ancestors.find((unit) => unit.level === at)?.id;
}

function userIds(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return [];
}

/** The people a list of rules names, in rule order, without duplicates. A role `at: any` names nobody (it only authorizes). */
export function resolvePeople(
  rules: readonly PersonRule[],
  instance: WorkflowInstance,
  context: WorkflowContext,
  variables: Record<string, unknown>,
): string[] {
  const people: string[] = [];
  for (const rule of rules) {
    if (!holds(rule.when, variables)) continue;
    if ('role' in rule) {
      const unit = anchorUnit(rule, instance, context, variables);
      if (unit) people.push(...context.org.holders(rule.role, unit));
    } else if ('user' in rule) people.push(rule.user);
    else if ('users' in rule) {
      const result = evaluate(rule.users, variables);
      if (result.ok) people.push(...userIds(result.value));
    } else people.push(instance.initiator);
  }
  return [...new Set(people)];
}

/** Whether the actor holds the role where the rule points. */
export function holdsRole(actor: Actor, rule: RoleRuleLike, instance: WorkflowInstance, context: WorkflowContext, variables: Record<string, unknown>): boolean {
  const unit = anchorUnit(rule, instance, context, variables);
  if (unit === undefined) return false;
  return actor.roles.some((m) => m.role === rule.role && (unit === null || m.unitId === unit));
}

/** Whether the actor matches one rule other than `assignee` (which the caller decides from the task). */
export function matchesRule(rule: AllowRule, actor: Actor, instance: WorkflowInstance, context: WorkflowContext, variables: Record<string, unknown>): boolean {
  if ('assignee' in rule) return false;
  if ('system' in rule) return actor.id === 'system';
  if (!holds(rule.when, variables)) return false;
  if ('role' in rule) return holdsRole(actor, rule, instance, context, variables);
  if ('user' in rule) return actor.id === rule.user;
  if ('users' in rule) {
    const result = evaluate(rule.users, variables);
    return result.ok && userIds(result.value).includes(actor.id);
  }
  return actor.id === instance.initiator;
}

/** A rule in words, for the `actor-not-allowed` rejection. */
export function describeRule(rule: AllowRule): string {
  if ('assignee' in rule) return 'assignee';
  if ('system' in rule) return 'system';
  if ('role' in rule) return `${rule.role}@${rule.unit ?? rule.at ?? 'unit'}`;
  if ('user' in rule) return `user ${rule.user}`;
  if ('users' in rule) return `users ${rule.users}`;
  return 'initiator';
}
