/**
 * The form semantics the studio uses, from runtime/form: the same validation, rules and computed values
 * the server applies on submit, so what a person sees in the form is what the server will decide.
 */
export { applyComputed, evaluateFormRules, validateFormData } from '../../runtime/form';
