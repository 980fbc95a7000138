import { ExpressionFunctionError } from '../messages';
import { toInteger, toNumber, toNumberList } from './numeric';
import type { AuthorFunction, FunctionHandler } from './types';

/**
 * Every aggregate returns a double: JSON numbers arrive as doubles, so one result type keeps
 * `sum(data.hours) + 1` and `sum(data.hours) == 12` working without casts. The `list<dyn>` overload
 * is marked `dynamicOnly`: at evaluation an empty list or a list of unknown shape has that type, but
 * offered to the checker it would accept `sum(data.tags)` over strings.
 */
const listOverloads = (name: string, handler: (list: unknown) => number) => [
  ...(['list<double>', 'list<int>'] as const).map((param) => [`${name}(${param}): double`, handler as FunctionHandler] as const),
  [`${name}(list<dyn>): double`, handler as FunctionHandler, 'dynamicOnly'] as const,
];

function nonEmpty(list: unknown, where: string): number[] {
  const numbers = toNumberList(list, where);
  if (numbers.length === 0) {
    throw new ExpressionFunctionError({
      'zh-CN': `${where} 的列表为空；先用 size(列表) > 0 判断`,
      en: `${where} of an empty list; guard it with size(list) > 0`,
    });
  }
  return numbers;
}

const sum = (list: unknown) => toNumberList(list, 'sum').reduce((total, n) => total + n, 0);

function roundTo(value: unknown, digits: unknown): number {
  const places = toInteger(digits, 'round');
  if (places < 0 || places > 10) {
    throw new ExpressionFunctionError({ 'zh-CN': 'round 的小数位数须在 0 到 10 之间', en: 'round takes 0 to 10 decimal places' });
  }
  const factor = 10 ** places;
  // Adding EPSILON before rounding keeps 1.005 → 1.01, the answer people expect from a calculator.
  const n = toNumber(value, 'round');
  return Math.sign(n) * (Math.round(Math.abs(n) * factor * (1 + Number.EPSILON)) / factor);
}

const unary = (name: string, fn: (n: number) => number) =>
  (['double', 'int'] as const).map((param) => [`${name}(${param}): double`, ((v: unknown) => fn(toNumber(v, name))) as FunctionHandler] as const);

export const numberFunctions: AuthorFunction[] = [
  {
    name: 'sum',
    signature: 'sum(list<number>) → number',
    description: { 'zh-CN': '列表中数字之和；空列表为 0', en: 'Sum of the numbers in a list; 0 for an empty list' },
    example: 'sum(data.members.map(m, m.hours)) >= 8',
    overloads: listOverloads('sum', sum),
  },
  {
    name: 'avg',
    signature: 'avg(list<number>) → number',
    description: { 'zh-CN': '平均值；空列表是错误，请先判断 size(...) > 0', en: 'Average; an empty list is an error, so guard with size(...) > 0' },
    example: 'size(data.ratings) > 0 ? avg(data.ratings) : 0.0',
    overloads: listOverloads('avg', (list) => {
      const numbers = nonEmpty(list, 'avg');
      return numbers.reduce((total, n) => total + n, 0) / numbers.length;
    }),
  },
  {
    name: 'min',
    signature: 'min(list<number>) → number',
    description: { 'zh-CN': '最小值；空列表是错误', en: 'Smallest number; an empty list is an error' },
    example: 'min(data.scores) >= 60',
    overloads: listOverloads('min', (list) => Math.min(...nonEmpty(list, 'min'))),
  },
  {
    name: 'max',
    signature: 'max(list<number>) → number',
    description: { 'zh-CN': '最大值；空列表是错误', en: 'Largest number; an empty list is an error' },
    example: 'max(data.scores) == 100',
    overloads: listOverloads('max', (list) => Math.max(...nonEmpty(list, 'max'))),
  },
  {
    name: 'round',
    signature: 'round(number[, digits]) → number',
    description: { 'zh-CN': '四舍五入，可指定小数位数（0–10）', en: 'Round half away from zero, optionally to 0–10 decimal places' },
    example: 'round(sum(data.hours) / 3.0, 1)',
    overloads: [
      ...unary('round', (n) => roundTo(n, 0)),
      ...(['double', 'int'] as const).flatMap((a) =>
        (['int', 'double'] as const).map((b) => [`round(${a}, ${b}): double`, roundTo as FunctionHandler] as const),
      ),
    ],
  },
  {
    name: 'floor',
    signature: 'floor(number) → number',
    description: { 'zh-CN': '向下取整', en: 'Round down' },
    example: 'floor(data.actual / 2.0)',
    overloads: unary('floor', Math.floor),
  },
  {
    name: 'ceil',
    signature: 'ceil(number) → number',
    description: { 'zh-CN': '向上取整', en: 'Round up' },
    example: 'ceil(data.actual / 2.0)',
    overloads: unary('ceil', Math.ceil),
  },
  {
    name: 'abs',
    signature: 'abs(number) → number',
    description: { 'zh-CN': '绝对值', en: 'Absolute value' },
    example: 'abs(data.actual - data.planned) <= 2',
    overloads: unary('abs', Math.abs),
  },
];
