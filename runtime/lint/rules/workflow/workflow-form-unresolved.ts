import { defineRule } from '../../types';
import { states } from './walk';

/** Forms named by the start, a transition or a send-back must exist in the set. */
export const workflowFormUnresolved = defineRule({
  name: 'workflow-form-unresolved',
  kinds: ['workflow'],
  check({ definition }, context, report) {
    const check = (pointer: string, key: string | undefined, version?: number) => {
      if (key === undefined || context.resolve('form', key, version) || context.failedSchema?.('form', key)) return;
      report({ pointer, code: 'workflow-form-unresolved', message: { 'zh-CN': `表单“${key}”不存在`, en: `Form "${key}" does not exist` }, params: { form: key } });
    };
    check('/start/form', definition.start.form);
    for (const [key, state] of states(definition)) {
      state.transitions.forEach((t, i) => check(`/states/${key}/transitions/${i}/form`, t.form, t.formVersion));
      check(`/states/${key}/sendBack/form`, state.sendBack?.form);
    }
  },
});
