import type { ExpressionScope, JsonSchema } from '../../../expression/index';
import type { Transition, WorkflowDefinition } from '../../../schema/workflow';
import type { LintContext } from '../../types';

const str = { type: 'string' };
const actor = {
  type: 'object',
  properties: { id: str, roles: { type: 'array', items: { type: 'object', properties: { role: str, unitId: str }, required: ['role', 'unitId'] } } },
  required: ['id', 'roles'],
};
const instance = {
  type: 'object',
  properties: { id: str, state: str, level: { type: 'integer' }, unit: str, unitLevel: str, initiator: str },
  required: ['id', 'state', 'level', 'unit', 'unitLevel', 'initiator'],
};
const anyObject = { type: 'object', additionalProperties: true };

function formSchema(key: string | undefined, context: LintContext): JsonSchema {
  if (key === undefined) return anyObject;
  return context.resolve('form', key)?.definition.schema ?? anyObject;
}

/**
 * The type scope of a workflow's expressions, built from the JSON Schemas of its forms (the same
 * variables the engine passes at run time, see runtime/workflow/expressions.ts): `input` (start form),
 * `data.<event>` (each transition's form, optional until submitted), `form` (this command's data),
 * `vars` (declared variables, always present), `actor`, `now`, `instance`.
 */
export function workflowScope(definition: WorkflowDefinition, context: LintContext, transition?: Transition): ExpressionScope {
  const data: Record<string, JsonSchema> = {};
  for (const state of Object.values(definition.states)) {
    for (const t of state.transitions) if (t.form) data[t.event] = formSchema(t.form, context);
    if (state.sendBack?.form) data.sendBack = formSchema(state.sendBack.form, context);
  }
  const input = definition.start.form ? formSchema(definition.start.form, context) : (definition.start.schema ?? anyObject);
  return {
    variables: {
      input,
      data: { type: 'object', properties: data },
      form: formSchema(transition?.form, context),
      vars: { type: 'object', properties: definition.variables, required: Object.keys(definition.variables) },
      actor,
      now: { type: 'string', format: 'date-time' },
      instance,
    },
  };
}
