import type { FormDefinition } from '../../runtime/schema/form';
import type { RuleState } from './form-store';
import { applyComputed, evaluateFormRules } from './form-runtime';
import type { FormIssueLike } from './issues';
import { getAtPath, pointerToPath, scopeToPath } from './paths';

/** Expression rules of the form over `data`, keyed by data path (`address.town`). */
export function rulesByPath(form: FormDefinition, data: Record<string, unknown>): Map<string, RuleState> {
  const map = new Map<string, RuleState>();
  for (const [scope, state] of Object.entries(evaluateFormRules(form, data))) map.set(scopeToPath(scope), state);
  return map;
}

/** A hidden field cannot be fixed by the person filling the form, so its issues neither show nor block. */
export function visibleIssues(issues: FormIssueLike[], rules: Map<string, RuleState>): FormIssueLike[] {
  if (![...rules.values()].some((r) => !r.visible)) return issues;
  return issues.filter((issue) => {
    const parts = pointerToPath(issue.pointer).split('.');
    return parts.every((_, i) => rules.get(parts.slice(0, i + 1).join('.'))?.visible !== false);
  });
}

/** Data paths of the computed fields (shown read-only). */
export function computedPaths(form: FormDefinition): string[] {
  return (form.computed ?? []).map((c) => scopeToPath(c.scope));
}

/** Whether `a` and `b` hold the same values at every path. */
export function sameAt(paths: string[], a: unknown, b: unknown): boolean {
  return paths.every((p) => JSON.stringify(getAtPath(a, p)) === JSON.stringify(getAtPath(b, p)));
}

/** `data` with computed values, or `data` itself when they are already right (keeps identity, avoids echo loops). */
export function withComputed<T extends Record<string, unknown>>(form: FormDefinition, data: T): T {
  const computed = applyComputed(form, data) as T;
  return sameAt(computedPaths(form), data, computed) ? data : computed;
}
