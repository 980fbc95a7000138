import { ExpressionFunctionError } from '../messages';
import { chinaDate, chinaDayNumber, DAY_MS, formatDay, toInstant } from './calendar-dates';
import { toInteger } from './numeric';
import type { AuthorFunction, FunctionHandler } from './types';

const TS = 'google.protobuf.Timestamp';
const dateTypes = ['string', TS] as const;

/** Overloads for every combination of ISO string and timestamp arguments. */
function binaryDate(name: string, result: string, handler: (a: unknown, b: unknown) => unknown) {
  return dateTypes.flatMap((a) => dateTypes.map((b) => [`${name}(${a}, ${b}): ${result}`, handler as FunctionHandler] as const));
}
function unaryDate(name: string, result: string, handler: (a: unknown) => unknown) {
  return dateTypes.map((a) => [`${name}(${a}): ${result}`, handler as FunctionHandler] as const);
}

function addDays(date: unknown, days: unknown): unknown {
  const n = toInteger(days, 'addDays');
  if (Math.abs(n) > 100_000) {
    throw new ExpressionFunctionError({ 'zh-CN': 'addDays 的天数过大', en: 'addDays: too many days' });
  }
  const instant = toInstant(date, 'addDays');
  if (date instanceof Date) return new Date(instant.ms + n * DAY_MS);
  if (instant.dateOnly) return formatDay(chinaDayNumber(instant.ms) + n);
  return new Date(instant.ms + n * DAY_MS).toISOString();
}

const part = (name: string, pick: (d: { year: number; month: number; day: number }) => number) => (value: unknown) =>
  BigInt(pick(chinaDate(toInstant(value, name).ms)));

export const dateFunctions: AuthorFunction[] = [
  {
    name: 'daysBetween',
    signature: 'daysBetween(from, to) → int',
    description: {
      'zh-CN': '从 from 到 to 跨过的日历天数（北京时间），to 早于 from 时为负数；参数为 ISO 日期字符串或 timestamp',
      en: 'Calendar days from `from` to `to` (Beijing time), negative when `to` is earlier; ISO date strings or timestamps',
    },
    example: 'daysBetween(data.orderedAt, now) <= 3',
    overloads: binaryDate('daysBetween', 'int', (a, b) =>
      BigInt(chinaDayNumber(toInstant(b, 'daysBetween').ms) - chinaDayNumber(toInstant(a, 'daysBetween').ms)),
    ),
  },
  {
    name: 'hoursBetween',
    signature: 'hoursBetween(from, to) → number',
    description: { 'zh-CN': '两个时刻之间的小时数（可带小数）', en: 'Hours between two moments (fractional)' },
    example: 'hoursBetween(data.acceptedAt, data.finishedAt) >= 2.0',
    overloads: binaryDate('hoursBetween', 'double', (a, b) => (toInstant(b, 'hoursBetween').ms - toInstant(a, 'hoursBetween').ms) / 3_600_000),
  },
  {
    name: 'addDays',
    signature: 'addDays(date, int) → date',
    description: {
      'zh-CN': '加减天数：日期字符串得到日期字符串，日期时间得到 UTC 的 ISO 字符串，timestamp 得到 timestamp',
      en: 'Add days: a date string gives a date string, a date-time gives an ISO string in UTC, a timestamp gives a timestamp',
    },
    example: 'addDays(data.startDate, 7)',
    overloads: [
      ...(['int', 'double'] as const).map((n) => [`addDays(string, ${n}): string`, addDays as FunctionHandler] as const),
      ...(['int', 'double'] as const).map((n) => [`addDays(${TS}, ${n}): ${TS}`, addDays as FunctionHandler] as const),
    ],
  },
  {
    name: 'dateOf',
    signature: 'dateOf(date) → string',
    description: { 'zh-CN': '北京时间的日历日期 YYYY-MM-DD', en: 'Calendar date in Beijing time as YYYY-MM-DD' },
    example: 'dateOf(data.startedAt) == dateOf(now)',
    overloads: unaryDate('dateOf', 'string', (v) => formatDay(chinaDayNumber(toInstant(v, 'dateOf').ms))),
  },
  {
    name: 'yearOf',
    signature: 'yearOf(date) → int',
    description: { 'zh-CN': '年份（北京时间）', en: 'Year (Beijing time)' },
    example: 'yearOf(data.heldOn) == 2026',
    overloads: unaryDate('yearOf', 'int', part('yearOf', (d) => d.year)),
  },
  {
    name: 'monthOf',
    signature: 'monthOf(date) → int',
    description: { 'zh-CN': '月份 1–12（北京时间）', en: 'Month 1–12 (Beijing time)' },
    example: 'size(data.meetings.filter(m, monthOf(m.date) == 3)) >= 1',
    overloads: unaryDate('monthOf', 'int', part('monthOf', (d) => d.month)),
  },
  {
    name: 'quarterOf',
    signature: 'quarterOf(date) → int',
    description: { 'zh-CN': '季度 1–4（北京时间）', en: 'Quarter 1–4 (Beijing time)' },
    example: 'size(data.meetings.filter(m, quarterOf(m.date) == 2)) >= 1',
    overloads: unaryDate('quarterOf', 'int', part('quarterOf', (d) => Math.ceil(d.month / 3))),
  },
  {
    name: 'dayOfWeek',
    signature: 'dayOfWeek(date) → int',
    description: { 'zh-CN': '星期几：1 = 星期一 … 7 = 星期日（北京时间）', en: 'Day of the week: 1 = Monday … 7 = Sunday (Beijing time)' },
    example: 'dayOfWeek(data.date) <= 5',
    overloads: unaryDate('dayOfWeek', 'int', (v) => {
      // 1970-01-01 was a Thursday (4).
      const weekday = (((chinaDayNumber(toInstant(v, 'dayOfWeek').ms) + 3) % 7) + 7) % 7;
      return BigInt(weekday + 1);
    }),
  },
];
