import { defineRule } from '../../types';
import { states } from './walk';

/** Every state a transition, send-back, withdraw or timeout names must exist. */
export const workflowUnknownState = defineRule({
  name: 'workflow-unknown-state',
  kinds: ['workflow'],
  check({ definition }, _context, report) {
    const known = (key: string) => Object.hasOwn(definition.states, key);
    const flag = (pointer: string, key: string) =>
      report({ pointer, code: 'workflow-unknown-state', message: { 'zh-CN': `状态“${key}”不存在`, en: `State "${key}" does not exist` }, params: { state: key } });
    for (const [key, state] of states(definition)) {
      state.transitions.forEach((t, i) => known(t.to) || flag(`/states/${key}/transitions/${i}/to`, t.to));
      state.sendBack?.targets.forEach((target, i) => known(target) || flag(`/states/${key}/sendBack/targets/${i}`, target));
      if (state.withdraw && !known(state.withdraw.to)) flag(`/states/${key}/withdraw/to`, state.withdraw.to);
      state.timers.forEach((timer, i) => timer.target === undefined || known(timer.target) || flag(`/states/${key}/timers/${i}/target`, timer.target));
    }
  },
});
