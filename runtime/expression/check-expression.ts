import type { Environment } from '@marcbachmann/cel-js';
import { findStructureFault } from './complexity';
import { expressionLimits, newCheckingEnvironment } from './environment';
import { mapLibraryError } from './library-errors';
import { expressionMessage } from './messages';
import type { CheckResult, ExpectedType, ExpressionScope } from './types';
import { registerSchemaType } from './schema-types';

const byScope = new WeakMap<ExpressionScope, Environment>();
const byShape = new Map<string, Environment>();
const MAX_SHAPES = 200;

/** One checking environment per scope: building one registers a type per object in the schema. */
function environmentFor(scope: ExpressionScope): Environment {
  const cached = byScope.get(scope);
  if (cached) return cached;
  const shape = JSON.stringify(scope.variables);
  let env = byShape.get(shape);
  if (!env) {
    env = newCheckingEnvironment();
    for (const [name, schema] of Object.entries(scope.variables)) {
      env.registerVariable(name, registerSchemaType(env, `$${name}`, schema));
    }
    if (byShape.size >= MAX_SHAPES) {
      const oldest = byShape.keys().next().value;
      if (oldest !== undefined) byShape.delete(oldest);
    }
    byShape.set(shape, env);
  }
  byScope.set(scope, env);
  return env;
}

function matchesExpected(type: string, expected: ExpectedType): boolean {
  if (expected === 'any' || type === 'dyn') return true;
  switch (expected) {
    case 'bool':
      return type === 'bool';
    case 'number':
      return type === 'int' || type === 'double' || type === 'uint';
    case 'string':
      return type === 'string';
    case 'list':
      return type === 'list' || type.startsWith('list<');
  }
}

/**
 * Parses and type-checks `source` against the JSON Schema of each variable in `scope`, without
 * evaluating it; `expected` checks the result type ('number' accepts int or double, `dyn` passes any).
 * Never throws. Used by the linter before publish and by the studio as an author types.
 *
 * @example
 * const scope = { variables: { data: { type: 'object', properties: { stars: { type: 'integer' } } } } };
 * checkExpression('data.stars <= 2', scope, 'bool'); // { ok: true, type: 'bool' }
 * checkExpression('data.stras <= 2', scope, 'bool');
 * // { ok: false, code: 'expr-unknown-name', position: 5,
 * //   message: { 'zh-CN': '表达式引用了不存在的名称：没有字段 stras', en: 'The expression reads a name that does not exist: there is no field stras' } }
 */
export function checkExpression(source: string, scope: ExpressionScope, expected: ExpectedType = 'any'): CheckResult {
  if (typeof source !== 'string' || source.trim() === '') {
    return { ok: false, code: 'expr-syntax', message: expressionMessage('expr-syntax', { 'zh-CN': '表达式为空', en: 'the expression is empty' }) };
  }
  if (source.length > expressionLimits.maxSourceLength) {
    return {
      ok: false,
      code: 'expr-too-complex',
      message: expressionMessage('expr-too-complex', {
        'zh-CN': `表达式长度 ${source.length}，上限 ${expressionLimits.maxSourceLength} 个字符`,
        en: `the expression is ${source.length} characters long; the limit is ${expressionLimits.maxSourceLength}`,
      }),
    };
  }
  let env: Environment;
  try {
    env = environmentFor(scope);
  } catch (error) {
    return { ok: false, code: 'expr-type', message: expressionMessage('expr-type', `the scope could not be typed: ${String(error)}`) };
  }
  try {
    const parsed = env.parse(source);
    const fault = findStructureFault(parsed.ast);
    if (fault) return { ok: false, code: fault.code, message: expressionMessage(fault.code, fault.detail), position: fault.position };
    const checked = parsed.check();
    if (!checked.valid) {
      const mapped = mapLibraryError(checked.error, 'expr-type');
      return withPosition({ ok: false, code: mapped.code, message: expressionMessage(mapped.code, mapped.detail) }, mapped.position);
    }
    const type = checked.type ?? 'dyn';
    if (!matchesExpected(type, expected)) {
      return {
        ok: false,
        code: 'expr-result-type',
        message: expressionMessage('expr-result-type', {
          'zh-CN': `需要 ${expected}，表达式得到 ${type}`,
          en: `expected ${expected}, the expression gives ${type}`,
        }),
        position: 0,
      };
    }
    return { ok: true, type };
  } catch (error) {
    const mapped = mapLibraryError(error, 'expr-syntax');
    return withPosition({ ok: false, code: mapped.code, message: expressionMessage(mapped.code, mapped.detail) }, mapped.position);
  }
}

function withPosition(result: Extract<CheckResult, { ok: false }>, position: number | undefined): CheckResult {
  return position === undefined ? result : { ...result, position };
}
