import type { LocalizedText } from '../../schema/common';

/**
 * A handler receives CEL runtime values: JS numbers for doubles, BigInt for ints, strings, booleans,
 * arrays, Maps or plain objects, Dates for timestamps. `never[]` lets each handler declare its own
 * parameter types while the table stays one array.
 */
export type FunctionHandler = (...args: never[]) => unknown;

/** A function offered to definition authors: its documentation and the CEL overloads that implement it. */
export interface AuthorFunction {
  name: string;
  /** Human-readable signature shown in the studio's picker, e.g. `sum(list<number>) → number`. */
  signature: string;
  description: LocalizedText;
  example: string;
  /** CEL overload signatures and their handlers; empty for CEL's own built-ins, which are documented only. */
  overloads: ReadonlyArray<readonly [signature: string, handler: FunctionHandler, only?: 'dynamicOnly']>;
}
