import type { LintRule } from '../../types';

/** Rules for rubric definitions (arithmetic, tiers, metrics, expressions). Owned by the rubric engine. */
export const rubricRules: LintRule<'rubric'>[] = [];
