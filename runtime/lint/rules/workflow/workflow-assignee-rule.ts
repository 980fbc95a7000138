import { defineRule } from '../../types';
import { states } from './walk';

/**
 * `assignee` in an allow list means the open task's assignees, so it needs a task; a timeout that
 * approves or rejects needs a transition the step's assignees take with that decision.
 */
export const workflowAssigneeRule = defineRule({
  name: 'workflow-assignee-rule',
  kinds: ['workflow'],
  check({ definition }, _context, report) {
    for (const [key, state] of states(definition)) {
      state.transitions.forEach((t, i) => {
        if (!state.task && t.allow.some((rule) => 'assignee' in rule)) {
          report({ pointer: `/states/${key}/transitions/${i}/allow`, code: 'workflow-assignee-rule', message: { 'zh-CN': '状态没有任务，不能允许“办理人”操作', en: 'The state has no task, so "assignee" matches nobody' } });
        }
      });
      if (state.sendBack && !state.task && state.sendBack.allow.some((rule) => 'assignee' in rule)) {
        report({ pointer: `/states/${key}/sendBack/allow`, code: 'workflow-assignee-rule', message: { 'zh-CN': '状态没有任务，不能允许“办理人”退回', en: 'The state has no task, so "assignee" matches nobody' } });
      }
      if (state.task && state.task.assignees.length === 0 && !state.task.pool && state.task.onEmpty === 'escalate') {
        report({ pointer: `/states/${key}/task/assignees`, code: 'workflow-assignee-rule', message: { 'zh-CN': '任务没有办理人规则', en: 'The task names no assignees and no pool' } });
      }
    }
  },
});
