import type { LocalizedText } from '../schema/common';
import type { ExpressionErrorCode } from './messages';
import type { JsonSchema } from './schema-types';

export type { ExpressionErrorCode } from './messages';
export type { JsonSchema } from './schema-types';

/**
 * JSON Schema of each top-level variable an expression may read, e.g.
 * `{ data: <form schema>, actor: {...}, now: { type: 'string', format: 'date-time' } }`.
 */
export interface ExpressionScope {
  variables: Record<string, JsonSchema>;
}

export type ExpectedType = 'bool' | 'number' | 'string' | 'list' | 'any';

export type CheckResult =
  | { ok: true; type: string }
  | { ok: false; code: ExpressionErrorCode; message: LocalizedText; position?: number };

export type EvalResult =
  | { ok: true; value: unknown }
  | { ok: false; code: ExpressionErrorCode; message: LocalizedText };

export interface CompiledExpression {
  readonly source: string;
  evaluate(variables: Record<string, unknown>): EvalResult;
}
