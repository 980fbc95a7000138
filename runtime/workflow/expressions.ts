import { compileExpression } from '../expression/index';
import type { LocalizedText } from '../schema/common';
import type { Actor, WorkflowContext, WorkflowInstance } from './types';

type Compiled = ReturnType<typeof compileExpression>;

// Definitions are few and their expressions fixed, so compiled programs are kept for the process life.
const compiled = new Map<string, Compiled>();

function program(source: string): Compiled {
  let found = compiled.get(source);
  if (!found) {
    found = compileExpression(source);
    compiled.set(source, found);
  }
  return found;
}

export type Evaluated = { ok: true; value: unknown } | { ok: false; message: LocalizedText };

/** Evaluates an expression; never throws. */
export function evaluate(source: string, variables: Record<string, unknown>): Evaluated {
  const result = program(source).evaluate(variables);
  return result.ok ? { ok: true, value: result.value } : { ok: false, message: result.message };
}

/** True only when the expression evaluates to `true`; an error counts as false (a `when` that cannot apply). */
export function holds(source: string | undefined, variables: Record<string, unknown>): boolean {
  if (source === undefined) return true;
  const result = evaluate(source, variables);
  return result.ok && result.value === true;
}

/**
 * The variables every expression of a workflow reads. Documented in runtime/workflow/README.md;
 * the linter builds the matching type scope in lint/rules/workflow/scope.ts.
 */
export function variablesOf(
  instance: WorkflowInstance,
  actor: Actor,
  context: WorkflowContext,
  form: unknown,
): Record<string, unknown> {
  const unitLevel = context.org.ancestors[instance.level]?.level ?? '';
  return {
    input: instance.input,
    data: instance.data,
    vars: instance.vars,
    form: form ?? {},
    actor: { id: actor.id, roles: actor.roles.map((m) => ({ role: m.role, unitId: m.unitId ?? '' })) },
    now: context.now,
    instance: { id: instance.id, state: instance.state, level: instance.level, unit: instance.unit, unitLevel, initiator: instance.initiator },
  };
}
