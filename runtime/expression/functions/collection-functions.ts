import { ExpressionFunctionError } from '../messages';
import type { AuthorFunction, FunctionHandler } from './types';

/** Equality key that treats 2 and 2.0 (double and int) as the same value, as CEL's `==` does here. */
function distinctKey(value: unknown): string {
  if (typeof value === 'bigint') return `n:${Number(value)}`;
  if (typeof value === 'number') return `n:${value}`;
  if (typeof value === 'string') return `s:${value}`;
  if (typeof value === 'boolean' || value === null) return `b:${String(value)}`;
  throw new ExpressionFunctionError({
    'zh-CN': 'distinct 只接受由数字、字符串或布尔值组成的列表',
    en: 'distinct takes a list of numbers, strings or booleans',
  });
}

function distinct(list: unknown): unknown[] {
  if (!Array.isArray(list)) throw new ExpressionFunctionError({ 'zh-CN': 'distinct 需要列表', en: 'distinct needs a list' });
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const item of list as unknown[]) {
    const key = distinctKey(item);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

export const collectionFunctions: AuthorFunction[] = [
  {
    name: 'distinct',
    signature: 'distinct(list<T>) → list<T>',
    description: {
      'zh-CN': '去重后的列表（保持首次出现的顺序），常与 size 连用计数',
      en: 'The list without repeats (first occurrence kept); use with size to count distinct values',
    },
    example: 'size(distinct(data.activities.map(a, a.village))) >= 5',
    overloads: (['string', 'double', 'int', 'bool', 'dyn'] as const).map(
      (t) => [`distinct(list<${t}>): list<${t}>`, distinct as FunctionHandler] as const,
    ),
  },
  {
    name: 'isBlank',
    signature: 'isBlank(string) → bool',
    description: { 'zh-CN': '字符串为空或只含空白', en: 'True when the string is empty or only whitespace' },
    example: '!isBlank(data.reason)',
    overloads: [['isBlank(string): bool', ((s: string) => s.trim() === '') as FunctionHandler]],
  },
];
