/**
 * The one expression language of Shijian: CEL (Common Expression Language) through
 * @marcbachmann/cel-js — no eval, deterministic, bounded, and type-checked against the JSON Schema of
 * the data an expression reads. The author's guide is definitions/README.md.
 */
import { documentedFunctions } from './environment';
import type { LocalizedText } from '../schema/common';

export type { CheckResult, CompiledExpression, EvalResult, ExpectedType, ExpressionErrorCode, ExpressionScope, JsonSchema } from './types';
export { checkExpression } from './check-expression';
export { compileExpression, evaluateExpression } from './compile-expression';
export { expressionErrorCodes, expressionMessage } from './messages';
export { expressionLimits } from './environment';

/** The functions available to authors, with signature and bilingual description (the studio's expression picker lists them). */
export const expressionFunctions: ReadonlyArray<{ name: string; signature: string; description: LocalizedText; example: string }> =
  documentedFunctions.map(({ name, signature, description, example }) => ({ name, signature, description, example }));
