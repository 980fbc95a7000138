// Run by no-codegen.test.ts under `node --disallow-code-generation-from-strings`: any eval or
// new Function on the way (in our code or the library) throws an EvalError here.
import { checkExpression, compileExpression, evaluateExpression } from '../../../runtime/expression/index';
import { applyComputed, evaluateFormRules } from '../../../runtime/form/index';

let codegenBlocked = false;
try {
  // eslint-disable-next-line no-new-func
  new Function('return 1')();
} catch {
  codegenBlocked = true;
}

const data = { stars: 2, tags: ['late'], hours: [1.5, 2, 0.5], orderedAt: '2026-03-01', members: [{ hours: 2 }, { hours: 3 }] };
const results = {
  codegenBlocked,
  guard: compileExpression('data.stars <= 2 && size(data.tags) > 0').evaluate({ data }),
  sum: evaluateExpression('sum(data.hours) + 1', { data }),
  members: evaluateExpression('size(data.members.filter(m, m.hours >= 3))', { data }),
  days: evaluateExpression('daysBetween(data.orderedAt, now)', { data, now: '2026-03-04T10:00:00+08:00' }),
  check: checkExpression('data.stars <= 2', { variables: { data: { type: 'object', properties: { stars: { type: 'integer' } } } } }, 'bool'),
  rules: evaluateFormRules({ rules: [{ scope: '#/properties/reason', effect: 'SHOW', when: 'data.stars <= 2' }] }, data),
  computed: applyComputed(
    { schema: { type: 'object', properties: { total: { type: 'number' } } }, computed: [{ scope: '#/properties/total', expression: 'sum(data.hours)' }] },
    data,
  ),
};
process.stdout.write(JSON.stringify(results));
