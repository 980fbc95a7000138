/**
 * The form runtime: validation of submitted data with bilingual issues at JSON pointers, computed
 * values and expression rules. Pure: no I/O, no clock.
 */
export type { ControlState, FormIssue } from './types';
export { validateFormData } from './validate-form-data';
export { applyComputed } from './apply-computed';
export { evaluateFormRules } from './evaluate-form-rules';
export { formExpressionScope } from './form-scope';
export { ajvMessage, ajvMessageKeywords } from './ajv-messages';
