import { defineRule } from '../../types';
import { successors } from './graph';
import { states } from './walk';

/** Every state can be reached from the initial state; an unreachable one is dead configuration. */
export const workflowUnreachableState = defineRule({
  name: 'workflow-unreachable-state',
  kinds: ['workflow'],
  check({ definition }, _context, report) {
    if (!definition.states[definition.initial]) return; // workflow-initial-state reports it
    const seen = new Set([definition.initial]);
    const queue = [definition.initial];
    while (queue.length > 0) {
      const state = definition.states[queue.pop()!];
      for (const next of state ? successors(state) : []) if (!seen.has(next)) seen.add(next) && queue.push(next);
    }
    for (const [key] of states(definition)) {
      if (!seen.has(key)) report({ pointer: `/states/${key}`, code: 'workflow-unreachable-state', message: { 'zh-CN': `状态“${key}”无法到达`, en: `State "${key}" cannot be reached from "${definition.initial}"` } });
    }
  },
});
