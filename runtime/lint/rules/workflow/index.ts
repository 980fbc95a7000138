import type { LintRule } from '../../types';

/** Rules for workflow definitions (graph, references, expressions). Owned by the workflow runtime. */
export const workflowRules: LintRule<'workflow'>[] = [];
