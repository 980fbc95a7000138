import { defineRule } from '../../types';
import { successors } from './graph';
import { states } from './walk';

/**
 * From every state some final state must be reachable; states that only lead among themselves (a loop
 * with no exit) would keep instances running forever even though each has a way out.
 */
export const workflowCannotFinish = defineRule({
  name: 'workflow-cannot-finish',
  kinds: ['workflow'],
  check({ definition }, _context, report) {
    const all = states(definition);
    const finishing = new Set(all.filter(([, state]) => state.final).map(([key]) => key));
    if (finishing.size === 0) {
      report({ pointer: '/states', code: 'workflow-cannot-finish', message: { 'zh-CN': '流程没有结束状态', en: 'The workflow has no final state' } });
      return;
    }
    let grew = true;
    while (grew) {
      grew = false;
      for (const [key, state] of all) {
        if (!finishing.has(key) && successors(state).some((next) => finishing.has(next))) {
          finishing.add(key);
          grew = true;
        }
      }
    }
    for (const [key] of all) {
      if (!finishing.has(key)) report({ pointer: `/states/${key}`, code: 'workflow-cannot-finish', message: { 'zh-CN': `从状态“${key}”无法到达任何结束状态`, en: `No final state can be reached from "${key}"` } });
    }
  },
});
