import { findStructureFault, macroNesting } from './complexity';
import { compileFastPath, compileFastValue, MissingField } from './fast-path';
import { evaluationEnvironment, expressionLimits } from './environment';
import { mapLibraryError, noSuchKey } from './library-errors';
import { expressionMessage } from './messages';
import { toPlainValue } from './plain-value';
import type { CompiledExpression, EvalResult } from './types';

type Program = (variables: Record<string, unknown>) => unknown;
/** A fast path's answer (see fast-path.ts): booleans for guards, plain values for field paths. */
type FastProgram = (variables: Record<string, unknown>) => unknown;

// Guards answer true or false millions of times; two shared frozen results save an allocation per call.
const TRUE: EvalResult = Object.freeze({ ok: true, value: true });
const FALSE: EvalResult = Object.freeze({ ok: true, value: false });

class FailedExpression implements CompiledExpression {
  constructor(
    readonly source: string,
    private readonly failure: EvalResult,
  ) {}
  evaluate(): EvalResult {
    return this.failure;
  }
}

class ParsedExpression implements CompiledExpression {
  constructor(
    readonly source: string,
    private readonly program: Program,
    private readonly fast: FastProgram | undefined,
    private readonly nested: boolean,
  ) {}

  evaluate(variables: Record<string, unknown>): EvalResult {
    if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
      return fail('expr-eval', { 'zh-CN': '变量必须是对象', en: 'variables must be an object' });
    }
    if (this.nested) {
      // Two nested macros cost the product of two list lengths; the lengths are only known now.
      const longest = longestList(variables);
      if (longest * longest > expressionLimits.maxNestedIterations) {
        return fail('expr-too-complex', {
          'zh-CN': `嵌套的列表宏遍历 ${longest} 个元素的列表，计算量过大；请减少嵌套或先用 filter 缩小列表`,
          en: `nested list macros over a list of ${longest} elements would take too long; nest less or narrow the list with filter first`,
        });
      }
    }
    if (this.fast) {
      try {
        const value = this.fast(variables);
        if (value === true) return TRUE;
        if (value === false) return FALSE;
        if (value instanceof MissingField) {
          const mapped = noSuchKey(value.field);
          return { ok: false, code: mapped.code, message: expressionMessage(mapped.code, mapped.detail) };
        }
        return { ok: true, value };
      } catch {
        // GIVE_UP, or anything unexpected: the library evaluates and has the last word.
      }
    }
    // The library reports a missing field by throwing, and an optional field read on every command (a
    // timer's `from: input.expectedTime`) made capturing that error's stack a fifth of a command's
    // engine time. The stack is never read: only the error's code and message are kept.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return { ok: true, value: toPlainValue(this.program(variables)) };
    } catch (error) {
      const mapped = mapLibraryError(error, 'expr-eval');
      return { ok: false, code: mapped.code, message: expressionMessage(mapped.code, mapped.detail) };
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }
}

/** Length of the longest array anywhere in the variables (depth- and node-bounded). */
function longestList(value: unknown, depth = 0, budget = { nodes: 100_000 }): number {
  if (typeof value !== 'object' || value === null || depth > 32 || --budget.nodes < 0) return 0;
  let longest = 0;
  if (Array.isArray(value)) {
    longest = value.length;
    for (const item of value as unknown[]) longest = Math.max(longest, longestList(item, depth + 1, budget));
    return longest;
  }
  for (const key in value) longest = Math.max(longest, longestList((value as Record<string, unknown>)[key], depth + 1, budget));
  return longest;
}

function fail(code: Parameters<typeof expressionMessage>[0], detail: Parameters<typeof expressionMessage>[1]): EvalResult {
  return { ok: false, code, message: expressionMessage(code, detail) };
}

/**
 * Parses once for many evaluations. Never throws: a syntax or structure fault is returned by every
 * `evaluate()` of the result. Variables are dynamic here; type-check against the data's JSON Schema
 * with `checkExpression` before publishing.
 *
 * @example
 * const guard = compileExpression('data.stars <= 2 && size(data.tags) > 0');
 * guard.evaluate({ data: { stars: 1, tags: ['late'] } }); // { ok: true, value: true }
 */
export function compileExpression(source: string): CompiledExpression {
  if (typeof source !== 'string' || source.trim() === '') {
    return new FailedExpression(String(source), fail('expr-syntax', { 'zh-CN': '表达式为空', en: 'the expression is empty' }));
  }
  if (source.length > expressionLimits.maxSourceLength) {
    return new FailedExpression(
      source,
      fail('expr-too-complex', {
        'zh-CN': `表达式长度 ${source.length}，上限 ${expressionLimits.maxSourceLength} 个字符`,
        en: `the expression is ${source.length} characters long; the limit is ${expressionLimits.maxSourceLength}`,
      }),
    );
  }
  try {
    const parsed = evaluationEnvironment.parse(source);
    const fault = findStructureFault(parsed.ast);
    if (fault) return new FailedExpression(source, fail(fault.code, fault.detail));
    // Checked once here with every variable dynamic: what fails now (`1 + "a"`) fails for any input, and
    // a checked tree is evaluated the same way on every call instead of being typed by its first input.
    const checked = parsed.check();
    if (!checked.valid) {
      const mapped = mapLibraryError(checked.error, 'expr-type');
      return new FailedExpression(source, fail(mapped.code, mapped.detail));
    }
    return new ParsedExpression(source, parsed as Program, compileFastPath(parsed.ast) ?? compileFastValue(parsed.ast), macroNesting(parsed.ast) >= 2);
  } catch (error) {
    const mapped = mapLibraryError(error, 'expr-syntax');
    return new FailedExpression(source, fail(mapped.code, mapped.detail));
  }
}

const cache = new Map<string, CompiledExpression>();
const MAX_CACHED = 1000;

/** Compiles through a bounded cache keyed by source, then evaluates. */
export function evaluateExpression(source: string, variables: Record<string, unknown>): EvalResult {
  let compiled = cache.get(source);
  if (compiled) {
    // Re-inserting keeps the map in least-recently-used order, so eviction drops the coldest entry.
    cache.delete(source);
  } else {
    compiled = compileExpression(source);
    if (cache.size >= MAX_CACHED) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }
  cache.set(source, compiled);
  return compiled.evaluate(variables);
}
