import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExpression, compileExpression, evaluateExpression, type JsonSchema } from '../../../runtime/expression/index';

/** Fragments of CEL, so generated sources reach the parser, checker and evaluator, not only the tokenizer. */
const token = fc.constantFrom(
  'data', '.', 'stars', 'tags', 'x', '(', ')', '[', ']', '{', '}', ',', ':', '+', '-', '*', '/', '%', '==', '!=', '<', '<=', '&&', '||', '!', '?',
  ' in ', '1', '2.5', '0', '"a"', "'b'", 'true', 'null', 'size', 'sum', 'avg', 'min', 'daysBetween', 'addDays', 'monthOf', 'has', 'map', 'filter',
  'exists', 'all', 'cel.bind', 'matches', 'timestamp', 'duration', 'int', 'double', 'now', ' ', '"2026-03-01"', 'b"x"', '1e308', '-9223372036854775808',
);
const celish = fc.array(token, { maxLength: 25 }).map((parts) => parts.join(''));
const source = fc.oneof(fc.string({ maxLength: 60 }), celish, fc.string({ unit: 'grapheme', maxLength: 30 }));
const variables = fc.record({ data: fc.jsonValue({ maxDepth: 3 }), now: fc.oneof(fc.constant('2026-03-01T00:00:00Z'), fc.jsonValue({ maxDepth: 1 })) });

const isPlainJson = (v: unknown): boolean => {
  try {
    return JSON.stringify(JSON.parse(JSON.stringify(v))) === JSON.stringify(v);
  } catch {
    return false;
  }
};

describe('expression properties', () => {
  it('evaluate never throws, and returns plain JSON or a coded bilingual error', () => {
    fc.assert(
      fc.property(source, variables, (src, vars) => {
        const result = compileExpression(src).evaluate(vars);
        if (result.ok) {
          expect(typeof result.value === 'bigint').toBe(false);
          expect(isPlainJson(result.value)).toBe(true);
        } else {
          expect(result.code).toMatch(/^expr-/);
          expect(result.message['zh-CN'].length).toBeGreaterThan(0);
          expect(result.message.en?.length ?? 0).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('evaluation is deterministic', () => {
    fc.assert(
      fc.property(celish, variables, (src, vars) => {
        expect(evaluateExpression(src, vars)).toEqual(compileExpression(src).evaluate(structuredClone(vars)));
      }),
      { numRuns: 200 },
    );
  });

  it('checkExpression never throws, whatever the source and the schemas', () => {
    const schema = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ type: fc.constantFrom('object', 'array', 'string', 'number', 'integer', 'boolean', 'null') }),
      fc.constant({ type: 'object', properties: { stars: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } } }),
    ) as fc.Arbitrary<JsonSchema>;
    fc.assert(
      fc.property(source, fc.dictionary(fc.constantFrom('data', 'now', 'actor', 'input', 'x-y'), schema), fc.constantFrom('bool', 'number', 'string', 'list', 'any' as const), (src, vars, expected) => {
        const result = checkExpression(src, { variables: vars }, expected);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(result.message['zh-CN'].length).toBeGreaterThan(0);
          if (result.position !== undefined) expect(result.position).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('an expression that checks as bool against a schema evaluates to a bool on data of that schema', () => {
    const scope = { variables: { data: { type: 'object', properties: { stars: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } } } } };
    const data = fc.record({ stars: fc.integer({ min: -10, max: 10 }), tags: fc.array(fc.string({ maxLength: 3 }), { maxLength: 4 }) });
    fc.assert(
      fc.property(celish, data, (src, d) => {
        if (!checkExpression(src, scope, 'bool').ok) return;
        const result = evaluateExpression(src, { data: d });
        if (result.ok) expect(typeof result.value).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('sum, avg, min and max agree with plain arithmetic', () => {
    const numbers = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(numbers, (xs) => {
        const data = { xs };
        const total = xs.reduce((a, b) => a + b, 0);
        expect(evaluateExpression('sum(data.xs)', { data })).toEqual({ ok: true, value: total === 0 ? 0 : total });
        const avg = evaluateExpression('avg(data.xs)', { data });
        expect(avg.ok && (avg.value as number)).toBeCloseTo(total / xs.length, 6);
        expect(evaluateExpression('min(data.xs)', { data })).toEqual({ ok: true, value: Math.min(...xs) === 0 ? 0 : Math.min(...xs) });
        expect(evaluateExpression('max(data.xs) >= min(data.xs)', { data })).toEqual({ ok: true, value: true });
      }),
      { numRuns: 150 },
    );
  });

  it('daysBetween undoes addDays, and quarterOf follows monthOf', () => {
    const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -4000, max: 4000 }), (date, n) => {
        const vars = { data: { date, n } };
        expect(evaluateExpression('daysBetween(data.date, addDays(data.date, data.n))', vars)).toEqual({ ok: true, value: n });
        const month = evaluateExpression('monthOf(data.date)', vars);
        expect(evaluateExpression('quarterOf(data.date)', vars)).toEqual({ ok: true, value: Math.ceil((month.ok ? (month.value as number) : 0) / 3) });
        expect(evaluateExpression('dateOf(data.date)', vars)).toEqual({ ok: true, value: date });
      }),
      { numRuns: 200 },
    );
  });
});
