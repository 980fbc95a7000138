import { stepKind, stepKinds } from '../../../workflow/step-kinds/registry';
import { defineRule } from '../../types';
import { states } from './walk';

/** A step's kind must be one the engine has; `ratio` only means something for 票签. */
export const workflowStepKindUnknown = defineRule({
  name: 'workflow-step-kind-unknown',
  kinds: ['workflow'],
  check({ definition }, _context, report) {
    for (const [key, state] of states(definition)) {
      const task = state.task;
      if (!task) continue;
      if (!stepKind(task.kind)) {
        report({ pointer: `/states/${key}/task/kind`, code: 'workflow-step-kind-unknown', message: { 'zh-CN': `未知的审批方式“${task.kind}”，可用：${Object.keys(stepKinds).join('、')}`, en: `Unknown step kind "${task.kind}"; known: ${Object.keys(stepKinds).join(', ')}` } });
      } else if (task.ratio !== undefined && task.kind !== 'vote') {
        report({ pointer: `/states/${key}/task/ratio`, code: 'workflow-step-kind-unknown', severity: 'warning', message: { 'zh-CN': '只有票签使用比例', en: 'Only the vote step kind uses a ratio' } });
      }
    }
  },
});
