/**
 * The form semantics the studio needs: validation, expression rules and computed values.
 * runtime/form owns them; this seam lets the studio build before that module lands and keeps one
 * import site to switch.
 */
import { parse } from '@marcbachmann/cel-js';
import type { FormDefinition } from '../../runtime/schema/form';
import { ajvIssues, type FormIssueLike } from './issues';

type Compiled = ReturnType<typeof parse>;
const compiled = new Map<string, Compiled | null>();

function run(expression: string, data: unknown): unknown {
  let fn = compiled.get(expression);
  if (fn === undefined) {
    try {
      fn = parse(expression);
    } catch {
      fn = null;
    }
    compiled.set(expression, fn);
  }
  if (!fn) return undefined;
  try {
    const value: unknown = fn({ data });
    return typeof value === 'bigint' ? Number(value) : value;
  } catch {
    return undefined;
  }
}

export function validateFormData(form: FormDefinition, data: unknown): FormIssueLike[] {
  return ajvIssues(form.schema, data);
}

export function evaluateFormRules(form: FormDefinition, data: unknown): Record<string, { visible: boolean; enabled: boolean }> {
  const out: Record<string, { visible: boolean; enabled: boolean }> = {};
  for (const rule of form.rules ?? []) {
    const state = out[rule.scope] ?? { visible: true, enabled: true };
    const holds = run(rule.when, data) === true;
    if (rule.effect === 'HIDE' && holds) state.visible = false;
    if (rule.effect === 'SHOW' && !holds) state.visible = false;
    if (rule.effect === 'DISABLE' && holds) state.enabled = false;
    if (rule.effect === 'ENABLE' && !holds) state.enabled = false;
    out[rule.scope] = state;
  }
  return out;
}

export function applyComputed<T>(form: FormDefinition, data: T): T {
  if (!form.computed?.length || data === null || typeof data !== 'object') return data;
  const next = { ...(data as Record<string, unknown>) };
  for (const field of form.computed) {
    const key = field.scope.replace(/^#\/properties\//, '');
    if (key.includes('/')) continue;
    const value = run(field.expression, next);
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
}
