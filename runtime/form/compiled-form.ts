import { compileExpression, type CompiledExpression } from '../expression/index';
import type { FormDefinition } from '../schema/form';

type FormExpressions = Pick<FormDefinition, 'rules' | 'computed'>;

interface CompiledForm {
  rules: { scope: string; effect: string; when: CompiledExpression }[];
  computed: { scope: string; expression: CompiledExpression }[];
}

const compiled = new WeakMap<object, CompiledForm>();

/** A form's expressions parsed once per form object; forms are immutable once published. */
export function compiledForm(form: Partial<FormExpressions>): CompiledForm {
  let found = compiled.get(form);
  if (!found) {
    found = {
      rules: (form.rules ?? []).map((r) => ({ scope: r.scope, effect: r.effect, when: compileExpression(r.when) })),
      computed: (form.computed ?? []).map((c) => ({ scope: c.scope, expression: compileExpression(c.expression) })),
    };
    compiled.set(form, found);
  }
  return found;
}
