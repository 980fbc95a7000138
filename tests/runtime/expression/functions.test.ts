import { describe, expect, it } from 'vitest';
import { checkExpression, evaluateExpression, expressionFunctions, type ExpressionScope } from '../../../runtime/expression/index';

const value = (source: string, variables: Record<string, unknown> = {}) => {
  const result = evaluateExpression(source, variables);
  if (!result.ok) throw new Error(`${source}: ${result.code} ${result.message.en}`);
  return result.value;
};
const failure = (source: string, variables: Record<string, unknown> = {}) => {
  const result = evaluateExpression(source, variables);
  if (result.ok) throw new Error(`${source} should fail but gave ${JSON.stringify(result.value)}`);
  return result;
};

describe('number rules', () => {
  it('mixes JSON numbers (doubles) with integer literals without casts', () => {
    const data = { stars: 2, hours: [1.5, 2, 0.5], price: 3 };
    expect(value('data.stars <= 2', { data })).toBe(true);
    expect(value('data.stars == 2', { data })).toBe(true);
    expect(value('data.stars != 3', { data })).toBe(true);
    expect(value('data.stars + 1', { data })).toBe(3);
    expect(value('1 + data.stars', { data })).toBe(3);
    expect(value('data.stars - 1', { data })).toBe(1);
    expect(value('data.stars * 2', { data })).toBe(4);
    expect(value('data.stars / 4', { data })).toBe(0.5);
    expect(value('sum(data.hours) + 1', { data })).toBe(5);
    expect(value('size(data.hours) * data.price', { data })).toBe(9);
    expect(value('data.stars in [1, 2, 3]', { data })).toBe(true);
    expect(value('data.price in data.hours', { data: { ...data, hours: [3, 4] } })).toBe(true);
  });

  it('keeps integer division of two integer literals, as CEL defines it', () => {
    expect(value('7 / 2')).toBe(3);
    expect(value('7.0 / 2')).toBe(3.5);
    expect(value('double(7) / 2')).toBe(3.5);
  });

  it('returns ints as plain numbers, never BigInt', () => {
    const v = value('size([1, 2, 3])');
    expect(typeof v).toBe('number');
    expect(v).toBe(3);
  });

  it('refuses a non-finite result', () => {
    expect(failure('1.0 / 0.0').code).toBe('expr-eval');
  });
});

describe('aggregates over lists', () => {
  const data = { hours: [1.5, 2, 0.5], empty: [] as number[], members: [{ hours: 2, village: 'a' }, { hours: 3, village: 'b' }, { hours: 1, village: 'a' }] };

  it('sum, avg, min, max', () => {
    expect(value('sum(data.hours)', { data })).toBe(4);
    expect(value('sum(data.empty)', { data })).toBe(0);
    expect(value('sum([1, 2, 3])')).toBe(6);
    expect(value('avg(data.hours)', { data })).toBeCloseTo(4 / 3);
    expect(value('min(data.hours)', { data })).toBe(0.5);
    expect(value('max(data.hours)', { data })).toBe(2);
    expect(value('sum(data.members.map(m, m.hours))', { data })).toBe(6);
  });

  it('avg, min and max of an empty list fail with advice in both languages', () => {
    for (const fn of ['avg', 'min', 'max']) {
      const result = failure(`${fn}(data.empty)`, { data });
      expect(result.code).toBe('expr-eval');
      expect(result.message['zh-CN']).toContain('size');
      expect(result.message.en).toContain('empty list');
    }
  });

  it('counts with size and filter, and tests with exists, all, exists_one', () => {
    expect(value('size(data.members.filter(m, m.hours >= 2))', { data })).toBe(2);
    expect(value('data.members.exists(m, m.hours > 2)', { data })).toBe(true);
    expect(value('data.members.all(m, m.hours > 2)', { data })).toBe(false);
    expect(value('data.members.exists_one(m, m.hours == 3)', { data })).toBe(true);
    expect(value('size(distinct(data.members.map(m, m.village)))', { data })).toBe(2);
    expect(value('distinct([1, 1.0, 2])')).toEqual([1, 2]);
  });

  it('rounds, floors, ceils and takes absolute values', () => {
    expect(value('round(2.5)')).toBe(3);
    expect(value('round(-2.5)')).toBe(-3);
    expect(value('round(1.005, 2)')).toBe(1.01);
    expect(value('round(2.345, 1)')).toBe(2.3);
    expect(value('round(7)')).toBe(7);
    expect(value('floor(2.7)')).toBe(2);
    expect(value('ceil(2.1)')).toBe(3);
    expect(value('abs(-4)')).toBe(4);
    expect(failure('round(1.5, 11)').code).toBe('expr-eval');
    expect(failure('round(1.5, 1.5)').code).toBe('expr-eval');
  });
});

describe('dates and durations', () => {
  it('daysBetween counts calendar days in Beijing time', () => {
    expect(value('daysBetween("2026-03-01", "2026-03-04")')).toBe(3);
    expect(value('daysBetween("2026-03-04", "2026-03-01")')).toBe(-3);
    // 23:30 and 00:30 Beijing time are on different days although only an hour apart.
    expect(value('daysBetween("2026-03-01T23:30:00+08:00", "2026-03-02T00:30:00+08:00")')).toBe(1);
    // 17:30Z on 31 March is 01:30 on 1 April in Beijing.
    expect(value('daysBetween("2026-03-31", "2026-03-31T17:30:00Z")')).toBe(1);
    expect(value('daysBetween(timestamp("2026-01-01T00:00:00Z"), "2026-01-02T00:00:00Z")')).toBe(1);
    expect(value('daysBetween("2024-02-28", "2024-03-01")')).toBe(2);
  });

  it('hoursBetween is exact and fractional', () => {
    expect(value('hoursBetween("2026-03-01T08:00:00+08:00", "2026-03-01T10:30:00+08:00")')).toBe(2.5);
    // Without an offset a date-time is Beijing time.
    expect(value('hoursBetween("2026-03-01T08:00:00", "2026-03-01T00:00:00Z")')).toBe(0);
  });

  it('addDays keeps the kind of date it was given', () => {
    expect(value('addDays("2026-02-27", 2)')).toBe('2026-03-01');
    expect(value('addDays("2024-02-28", 1)')).toBe('2024-02-29');
    expect(value('addDays("2026-03-01", -1)')).toBe('2026-02-28');
    expect(value('addDays("2026-03-01T10:00:00Z", 1)')).toBe('2026-03-02T10:00:00.000Z');
    expect(value('addDays(timestamp("2026-03-01T10:00:00Z"), 1)')).toBe('2026-03-02T10:00:00.000Z');
    expect(value('addDays("2026-03-01", data.n)', { data: { n: 3 } })).toBe('2026-03-04');
    expect(failure('addDays("2026-03-01", 1.5)').code).toBe('expr-eval');
  });

  it('yearOf, monthOf, quarterOf, dateOf, dayOfWeek in Beijing time', () => {
    expect(value('yearOf("2025-12-31T16:30:00Z")')).toBe(2026);
    expect(value('monthOf("2026-03-31T17:30:00Z")')).toBe(4);
    expect(value('monthOf("2026-03-31")')).toBe(3);
    expect(value('quarterOf("2026-03-31")')).toBe(1);
    expect(value('quarterOf("2026-04-01")')).toBe(2);
    expect(value('quarterOf("2026-12-01")')).toBe(4);
    expect(value('dateOf("2026-03-31T17:30:00Z")')).toBe('2026-04-01');
    expect(value('dayOfWeek("2026-11-30")')).toBe(1); // a Monday
    expect(value('dayOfWeek("2026-11-29")')).toBe(7); // a Sunday
  });

  it('refuses dates that are not ISO 8601 or do not exist', () => {
    for (const bad of ['"2026-02-30"', '"yesterday"', '"2026-13-01"', '"2026-03-01T25:00:00Z"']) {
      const result = failure(`monthOf(${bad})`);
      expect(result.code).toBe('expr-eval');
      expect(result.message.en).toContain('ISO 8601');
      expect(result.message['zh-CN']).toContain('ISO 8601');
    }
  });

  it('standard CEL timestamps and durations work with a `now` variable', () => {
    const now = '2026-03-04T10:00:00Z';
    expect(value('timestamp(now) - timestamp("2026-03-01T10:00:00Z") > duration("48h")', { now })).toBe(true);
    expect(value('timestamp(now) - timestamp("2026-03-01T10:00:00Z")', { now })).toBe('259200s');
    expect(value('timestamp(now) + duration("1h")', { now })).toBe('2026-03-04T11:00:00.000Z');
  });
});

describe('membership and strings', () => {
  const data = { category: 'legal-service', tags: ['late', 'urgent'], reason: '  ', phone: '13800000000', title: '政策宣讲' };
  it('in, contains, startsWith, endsWith, matches, isBlank', () => {
    expect(value('data.category in ["theory-policy", "legal-service"]', { data })).toBe(true);
    expect(value('"late" in data.tags', { data })).toBe(true);
    expect(value('"early" in data.tags', { data })).toBe(false);
    expect(value('data.title.contains("宣讲")', { data })).toBe(true);
    expect(value('data.phone.startsWith("1")', { data })).toBe(true);
    expect(value('data.phone.endsWith("00")', { data })).toBe(true);
    expect(value('data.phone.matches("^1[0-9]{10}$")', { data })).toBe(true);
    expect(value('isBlank(data.reason)', { data })).toBe(true);
    expect(value('size(data.title)', { data })).toBe(4);
  });
});

describe('the documented function list', () => {
  const scope: ExpressionScope = {
    variables: {
      data: {
        type: 'object',
        properties: Object.fromEntries([
          ...['hours', 'ratings', 'scores'].map((k) => [k, { type: 'array', items: { type: 'number' } }]),
          ...['orderedAt', 'startDate', 'startedAt', 'heldOn', 'date', 'acceptedAt', 'finishedAt', 'reason', 'phone', 'category', 'title', 'file', 'role'].map((k) => [k, { type: 'string' }]),
          ...['actual', 'planned', 'count'].map((k) => [k, { type: 'number' }]),
          ['photos', { type: 'array', items: { type: 'string' } }],
          ['done', { type: 'array', items: { type: 'string' } }],
          ['all', { type: 'array', items: { type: 'string' } }],
          ['members', { type: 'array', items: { type: 'object', properties: { hours: { type: 'number' }, role: { type: 'string' } } } }],
          ['meetings', { type: 'array', items: { type: 'object', properties: { date: { type: 'string', format: 'date' } } } }],
          ['activities', { type: 'array', items: { type: 'object', properties: { village: { type: 'string' } } } }],
          ['rooms', { type: 'array', items: { type: 'object', properties: { type: { type: 'string' } } } }],
        ]),
      },
      now: { type: 'string', format: 'date-time' },
    },
  };
  const variables = {
    now: '2026-03-04T10:00:00+08:00',
    data: {
      hours: [1, 2], ratings: [5, 4], scores: [80, 100], orderedAt: '2026-03-02', startDate: '2026-03-01', startedAt: '2026-03-04T09:00:00+08:00',
      heldOn: '2026-02-01', date: '2026-03-02', acceptedAt: '2026-03-02T08:00:00+08:00', finishedAt: '2026-03-02T11:00:00+08:00', reason: '路远',
      phone: '13800000000', category: 'legal-service', title: '宣讲', file: 'a.pdf', role: 'x', actual: 3, planned: 2, count: 4,
      photos: ['p1', 'p2'], done: ['a'], all: ['a', 'b'],
      members: [{ hours: 3, role: 'leader' }, { hours: 2, role: 'member' }, { hours: 2.5, role: 'member' }],
      meetings: [{ date: '2026-03-10' }, { date: '2026-05-10' }], activities: [{ village: 'a' }], rooms: [{ type: 'theory-lecture-room' }],
    },
  };

  it('lists every function once with a bilingual description', () => {
    const names = expressionFunctions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of ['size', 'has', 'in', 'filter', 'map', 'exists', 'all', 'sum', 'avg', 'min', 'max', 'daysBetween', 'addDays', 'monthOf', 'quarterOf', 'yearOf', 'timestamp', 'duration']) {
      expect(names).toContain(name);
    }
    for (const f of expressionFunctions) {
      expect(f.description['zh-CN'].length).toBeGreaterThan(0);
      expect(f.description.en?.length ?? 0).toBeGreaterThan(0);
      expect(f.signature).toContain(f.name.replace(/^cel\./, ''));
    }
  });

  it.each(expressionFunctions.map((f) => [f.name, f.example] as const))('example of %s checks and evaluates: %s', (_name, example) => {
    const checked = checkExpression(example, scope);
    expect(checked).toMatchObject({ ok: true });
    expect(evaluateExpression(example, variables)).toMatchObject({ ok: true });
  });
});
