import type { ExpressionScope } from '../expression/index';
import type { FormDefinition } from '../schema/form';

const scopes = new WeakMap<object, ExpressionScope>();

/**
 * What a form's rules and computed values may read: `data`, typed by the form's JSON Schema. The same
 * object is returned for the same form so the expression checker's per-scope cache is hit.
 */
export function formExpressionScope(form: Pick<FormDefinition, 'schema'>): ExpressionScope {
  let scope = scopes.get(form);
  if (!scope) {
    scope = { variables: { data: form.schema } };
    scopes.set(form, scope);
  }
  return scope;
}
