import { checkExpression } from '../../../expression/index';
import { defineRule } from '../../types';

/** A rubric's own metric is an expression over named metric values (numbers) and must give a number. */
export const rubricMetricExpression = defineRule({
  name: 'rubric-metric-expression',
  kinds: ['rubric'],
  check({ definition: rubric }, _context, report) {
    rubric.metrics.forEach((metric, index) => {
      const variables = Object.fromEntries(Object.keys(metric.inputs).map((name) => [name, { type: 'number' as const }]));
      const result = checkExpression(metric.expression, { variables }, 'number');
      if (result.ok) return;
      report({
        pointer: `/metrics/${index}/expression`,
        code: 'rubric-metric-expression',
        message: result.message,
        params: { checkerCode: result.code, ...(result.position === undefined ? {} : { position: result.position }) },
      });
    });
  },
});
