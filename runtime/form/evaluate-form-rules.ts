import type { FormDefinition } from '../schema/form';
import { compiledForm } from './compiled-form';
import type { ControlState } from './types';

type FormLike = Partial<Pick<FormDefinition, 'rules'>>;

/**
 * The expression rules of a form (`form.rules`) evaluated over `data`: for each scope that has a rule,
 * whether its control is visible and enabled. Rules on the same scope combine: hidden when any HIDE
 * holds or any SHOW does not; disabled likewise. A condition that fails to evaluate or is not a boolean
 * counts as false (a SHOW rule then hides, a HIDE rule shows). JSON Forms' own schema-based
 * `rule.condition` in the UI schema is left to JSON Forms and not reported here.
 *
 * @example
 * // rules: [{ scope: '#/properties/reason', effect: 'SHOW', when: 'data.stars <= 2' }]
 * evaluateFormRules(form, { stars: 1 }) // { '#/properties/reason': { visible: true, enabled: true } }
 */
export function evaluateFormRules(form: FormLike, data: unknown): Record<string, ControlState> {
  const states: Record<string, ControlState> = {};
  const variables = { data: data ?? {} };
  for (const rule of compiledForm(form).rules) {
    const outcome = rule.when.evaluate(variables);
    const holds = outcome.ok && outcome.value === true;
    const state = Object.hasOwn(states, rule.scope) ? states[rule.scope]! : { visible: true, enabled: true };
    switch (rule.effect) {
      case 'HIDE':
        if (holds) state.visible = false;
        break;
      case 'SHOW':
        if (!holds) state.visible = false;
        break;
      case 'DISABLE':
        if (holds) state.enabled = false;
        break;
      case 'ENABLE':
        if (!holds) state.enabled = false;
        break;
    }
    Object.defineProperty(states, rule.scope, { value: state, enumerable: true, writable: true, configurable: true });
  }
  return states;
}
