import { checkExpression } from '../../../expression/index';
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
    for (const site of expressions(definition)) {
      const result = checkExpression(site.value.source, workflowScope(definition, context, site.transition), site.value.expected);
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
