import { checkExpression, type ExpressionScope } from '../../../expression/index';
import type { Transition } from '../../../schema/workflow';
import { defineRule } from '../../types';
import { workflowScope } from './scope';
import { expressions } from './walk';

/**
 * Guards, conditions, assignee expressions, variable assignments and effect data type-check against
 * the data they read (the forms' JSON Schemas and the declared variables), so a misspelt field or a
 * string compared with a number fails before publish.
 */
export const workflowExpressionInvalid = defineRule({
  name: 'workflow-expression-invalid',
  kinds: ['workflow'],
  check({ definition }, context, report) {
    // One scope per transition (they differ only in `form`), so the checker reuses its environment.
    const scopes = new Map<unknown, ExpressionScope>();
    const scopeOf = (transition: Transition | undefined) => {
      let scope = scopes.get(transition);
      if (!scope) scopes.set(transition, (scope = workflowScope(definition, context, transition)));
      return scope;
    };
    for (const site of expressions(definition)) {
      const result = checkExpression(site.value.source, scopeOf(site.transition), site.value.expected);
      if (result.ok) continue;
      report({
        pointer: site.pointer,
        code: 'workflow-expression-invalid',
        message: result.message,
        params: { checkerCode: result.code, expected: site.value.expected, ...(result.position === undefined ? {} : { position: result.position }) },
      });
    }
  },
});
