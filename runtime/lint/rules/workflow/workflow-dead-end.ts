import { defineRule } from '../../types';
import { successors } from './graph';
import { states } from './walk';

/** A state that is not final must have a way out, or instances would wait in it forever. */
export const workflowDeadEnd = defineRule({
  name: 'workflow-dead-end',
  kinds: ['workflow'],
  check({ definition }, _context, report) {
    for (const [key, state] of states(definition)) {
      if (state.final || successors(state).some((next) => next !== key)) continue;
      report({ pointer: `/states/${key}`, code: 'workflow-dead-end', message: { 'zh-CN': `状态“${key}”不是结束状态，却没有出口`, en: `State "${key}" is not final but has no way out` } });
    }
  },
});
