import { bundleInconsistent } from './rules/bundle-inconsistent';
import { bundleMemberMissing } from './rules/bundle-member-missing';
import { duplicateDefinition } from './rules/duplicate-definition';
import { expressionInvalid } from './rules/expression-invalid';
import { formFieldUnlabelled } from './rules/form-field-unlabelled';
import { formI18nKeyUnresolved } from './rules/form-i18n-key-unresolved';
import { formSchemaInvalid } from './rules/form-schema-invalid';
import { formScopeUnresolved } from './rules/form-scope-unresolved';
import { labelMissingEn } from './rules/label-missing-en';
import { labelMissingZh } from './rules/label-missing-zh';
import { rubricRules } from './rules/rubric/index';
import { serviceItemActiveRange } from './rules/service-item-active-range';
import { stationTypeRoomsOverlap } from './rules/station-type-rooms-overlap';
import { unresolvedReference } from './rules/unresolved-reference';
import { workflowRules } from './rules/workflow/index';
import type { LintRule } from './types';

/** The generic rules, one per file under rules/. */
export const genericRules: readonly LintRule[] = [
  duplicateDefinition,
  unresolvedReference,
  bundleMemberMissing,
  bundleInconsistent,
  formSchemaInvalid,
  formScopeUnresolved,
  expressionInvalid,
  formI18nKeyUnresolved,
  formFieldUnlabelled,
  labelMissingEn,
  labelMissingZh,
  serviceItemActiveRange,
  stationTypeRoomsOverlap,
];

/** Every rule the linter runs: the generic ones, then those owned by the workflow and rubric engines. */
export const lintRules: readonly LintRule[] = [...genericRules, ...workflowRules, ...rubricRules];
