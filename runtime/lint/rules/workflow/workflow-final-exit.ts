import { defineRule } from '../../types';
import { states } from './walk';

/**
 * A final state stays final: it may only amend itself (e.g. 摘牌 revoke keeps the assessment final),
 * never move to another state, hold a task or run timers.
 */
export const workflowFinalExit = defineRule({
  name: 'workflow-final-exit',
  kinds: ['workflow'],
  check({ definition }, _context, report) {
    for (const [key, state] of states(definition)) {
      if (!state.final) continue;
      const flag = (pointer: string, zh: string, en: string) => report({ pointer, code: 'workflow-final-exit', message: { 'zh-CN': zh, en } });
      state.transitions.forEach((t, i) => t.to === key || flag(`/states/${key}/transitions/${i}/to`, `结束状态“${key}”不能转到“${t.to}”`, `Final state "${key}" must not lead to "${t.to}"`));
      if (state.task) flag(`/states/${key}/task`, '结束状态不能有待办任务', 'A final state must not have a task');
      if (state.timers.length > 0) flag(`/states/${key}/timers`, '结束状态不能有计时器', 'A final state must not have timers');
      if (state.sendBack || state.withdraw) flag(`/states/${key}`, '结束状态不能退回或撤回', 'A final state must not allow send-back or withdraw');
    }
  },
});
