import { ExpressionFunctionError } from '../messages';

/** CEL ints arrive as BigInt and doubles as numbers; functions of ours accept either. */
export function toNumber(value: unknown, where: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new ExpressionFunctionError({
    'zh-CN': `${where} 需要数字，收到 ${describe(value)}`,
    en: `${where} needs numbers, got ${describe(value)}`,
  });
}

export function toNumberList(list: unknown, where: string): number[] {
  if (!Array.isArray(list)) {
    throw new ExpressionFunctionError({ 'zh-CN': `${where} 需要列表`, en: `${where} needs a list` });
  }
  return list.map((item: unknown) => toNumber(item, where));
}

export function toInteger(value: unknown, where: string): number {
  const n = toNumber(value, where);
  if (!Number.isInteger(n)) {
    throw new ExpressionFunctionError({ 'zh-CN': `${where} 需要整数，收到 ${n}`, en: `${where} needs a whole number, got ${n}` });
  }
  return n;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Map) return 'map';
  if (value instanceof Date) return 'timestamp';
  return typeof value === 'object' ? 'map' : typeof value;
}
