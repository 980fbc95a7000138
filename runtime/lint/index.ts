/**
 * The definition linter: checks what a schema cannot (references, bundles, forms, expressions, labels,
 * workflow graphs, rubric arithmetic) and names every problem by file and JSON pointer.
 *
 * @example
 * const problems = lintDefinitions(documents);
 * const { errors } = summarize(problems); // publish only when errors === 0
 */
export { lintDefinitions, lintDefinition, summarize, sortProblems } from './lint';
export type { LintSummary } from './lint';
export { createLintContext } from './context';
export { genericRules, lintRules } from './registry';
export { referencesOf } from './references';
export type { Reference } from './references';
export { parseJsonDocument } from './json-syntax';
export { defineRule } from './types';
export type { DefinitionDocument, LintContext, LintRule, ParsedDefinition, Problem, Report, Severity } from './types';
