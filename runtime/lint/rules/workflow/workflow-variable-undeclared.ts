import { defineRule } from '../../types';
import { transitions } from './walk';

/** A transition may only assign declared variables; a misspelt name would silently start a new one. */
export const workflowVariableUndeclared = defineRule({
  name: 'workflow-variable-undeclared',
  kinds: ['workflow'],
  check({ definition }, _context, report) {
    for (const site of transitions(definition)) {
      for (const name of Object.keys(site.value.set ?? {})) {
        if (Object.hasOwn(definition.variables, name)) continue;
        report({ pointer: `${site.pointer}/set/${name}`, code: 'workflow-variable-undeclared', message: { 'zh-CN': `变量“${name}”未在 variables 中声明`, en: `Variable "${name}" is not declared in variables` }, params: { variable: name } });
      }
    }
  },
});
