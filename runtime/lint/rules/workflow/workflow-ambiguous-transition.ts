import { defineRule } from '../../types';
import { states } from './walk';

/** Two transitions on the same event from one state need guards to tell them apart; two unguarded ones are ambiguous. */
export const workflowAmbiguousTransition = defineRule({
  name: 'workflow-ambiguous-transition',
  kinds: ['workflow'],
  check({ definition }, _context, report) {
    for (const [key, state] of states(definition)) {
      const unguarded = new Map<string, number>();
      state.transitions.forEach((t, i) => {
        if (t.guard !== undefined) return;
        const first = unguarded.get(t.event);
        if (first === undefined) unguarded.set(t.event, i);
        else report({ pointer: `/states/${key}/transitions/${i}`, code: 'workflow-ambiguous-transition', message: { 'zh-CN': `“${t.event}”已有无条件的转换（第 ${first + 1} 条），需加条件区分`, en: `Event "${t.event}" already has an unguarded transition (#${first + 1}); add guards` } });
      });
    }
  },
});
