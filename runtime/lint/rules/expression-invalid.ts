import { checkExpression, type ExpectedType } from '../../expression/index';
import { formExpressionScope } from '../../form/index';
import { expressionTypeOf, resolveScope } from '../form-schema';
import { defineRule } from '../types';

/**
 * A form's rule conditions and computed values are checked before publish against the form's own data
 * schema, so a misspelt field or a string compared with a number fails here rather than on a phone.
 * A rule's `when` must be a bool; a computed value must have the type of the field it fills.
 */
export const expressionInvalid = defineRule({
  name: 'expression-invalid',
  kinds: ['form'],
  check(parsed, _context, report) {
    const form = parsed.definition;
    const scope = formExpressionScope(form);
    const checks: { pointer: string; source: string; expected: ExpectedType }[] = [];
    form.rules.forEach((rule, index) => checks.push({ pointer: `/rules/${index}/when`, source: rule.when, expected: 'bool' }));
    form.computed.forEach((field, index) => {
      const target = resolveScope(form.schema, field.scope);
      // An unresolved target is reported by form-scope-unresolved; the expression is still checked for names.
      checks.push({ pointer: `/computed/${index}/expression`, source: field.expression, expected: target === undefined ? 'any' : expressionTypeOf(target) });
    });
    for (const { pointer, source, expected } of checks) {
      const result = checkExpression(source, scope, expected);
      if (result.ok) continue;
      report({
        pointer,
        code: 'expression-invalid',
        message: result.message,
        params: {
          checkerCode: result.code,
          expected,
          ...(result.position === undefined ? {} : { position: result.position }),
        },
      });
    }
  },
});
