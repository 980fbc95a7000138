import { Duration } from '@marcbachmann/cel-js/evaluator';
import { ExpressionFunctionError } from './messages';

/**
 * Turns a CEL result into plain JSON: ints (BigInt) become numbers, maps become objects, timestamps
 * ISO strings, durations seconds with an `s` suffix as CEL prints them. Infinity and NaN are refused
 * because JSON cannot carry them and a stored `null` would hide the fault.
 */
export function toPlainValue(value: unknown): unknown {
  switch (typeof value) {
    case 'bigint':
      return Number(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new ExpressionFunctionError({
          'zh-CN': '结果不是有限数字（可能除以了 0）',
          en: 'the result is not a finite number (a division by zero?)',
        });
      }
      // JSON has no negative zero; -0 would compare unequal in deep-equal checks and print as 0 anyway.
      return value === 0 ? 0 : value;
    case 'string':
    case 'boolean':
      return value;
    case 'object':
      return objectValue(value);
    default:
      throw unsupported(typeof value);
  }
}

function objectValue(value: object | null): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Duration) return `${String(value)}`;
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) define(out, String(k), toPlainValue(v));
    return out;
  }
  if (value instanceof Uint8Array) throw unsupported('bytes');
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw unsupported(value.constructor?.name ?? 'object');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) define(out, k, toPlainValue(v));
  return out;
}

/** defineProperty so that a key named `__proto__` stays data instead of replacing the prototype. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function unsupported(kind: string): ExpressionFunctionError {
  return new ExpressionFunctionError({
    'zh-CN': `结果类型 ${kind} 不能作为 JSON 返回`,
    en: `a result of type ${kind} cannot be returned as JSON`,
  });
}
