import { defineRule } from '../../types';

/** The machine starts in exactly one state (the schema allows one `initial`); it must exist and not be final. */
export const workflowInitialState = defineRule({
  name: 'workflow-initial-state',
  kinds: ['workflow'],
  check({ definition }, _context, report) {
    const initial = definition.states[definition.initial];
    if (!initial) {
      report({ pointer: '/initial', code: 'workflow-initial-state', message: { 'zh-CN': `初始状态“${definition.initial}”不存在`, en: `Initial state "${definition.initial}" does not exist` } });
    } else if (initial.final) {
      report({ pointer: '/initial', code: 'workflow-initial-state', message: { 'zh-CN': '初始状态不能是结束状态', en: 'The initial state must not be final' } });
    }
  },
});
