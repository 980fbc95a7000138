import { describe, expect, it } from 'vitest';
import { compileExpression, evaluateExpression, expressionErrorCodes, expressionMessage } from '../../../runtime/expression/index';

describe('compileExpression', () => {
  it('parses once and evaluates many times with different variables', () => {
    const guard = compileExpression('data.stars <= 2 && size(data.tags) > 0');
    expect(guard.source).toBe('data.stars <= 2 && size(data.tags) > 0');
    expect(guard.evaluate({ data: { stars: 1, tags: ['late'] } })).toEqual({ ok: true, value: true });
    expect(guard.evaluate({ data: { stars: 5, tags: ['late'] } })).toEqual({ ok: true, value: false });
    expect(guard.evaluate({ data: { stars: 1, tags: [] } })).toEqual({ ok: true, value: false });
  });

  it('never throws: a syntax error is returned by every evaluate()', () => {
    const broken = compileExpression('data.stars <=');
    const first = broken.evaluate({ data: {} });
    expect(first).toMatchObject({ ok: false, code: 'expr-syntax' });
    expect(broken.evaluate({ data: { stars: 1 } })).toEqual(first);
    expect(compileExpression('').evaluate({})).toMatchObject({ ok: false, code: 'expr-syntax' });
    expect(compileExpression(undefined as unknown as string).evaluate({})).toMatchObject({ ok: false, code: 'expr-syntax' });
  });

  it('a missing field is a clear evaluation error that points to has()', () => {
    const result = compileExpression('data.stars <= 2').evaluate({ data: {} });
    expect(result).toMatchObject({ ok: false, code: 'expr-eval' });
    if (result.ok) return;
    expect(result.message.en).toContain('has(data.field)');
    expect(result.message['zh-CN']).toContain('has(data.字段)');
    expect(compileExpression('has(data.stars) && data.stars <= 2').evaluate({ data: {} })).toEqual({ ok: true, value: false });
  });

  it('an unknown variable at evaluation is expr-unknown-name; a type clash is expr-type', () => {
    expect(compileExpression('input.approve').evaluate({ data: {} })).toMatchObject({ ok: false, code: 'expr-unknown-name' });
    expect(compileExpression('data.name + 1').evaluate({ data: { name: 'x' } })).toMatchObject({ ok: false, code: 'expr-type' });
    expect(compileExpression('nosuch(1)').evaluate({})).toMatchObject({ ok: false, code: 'expr-unknown-name' });
  });

  it('refuses variables that are not an object', () => {
    expect(compileExpression('1 == 1').evaluate(null as unknown as Record<string, unknown>)).toMatchObject({ ok: false, code: 'expr-eval' });
    expect(compileExpression('1 == 1').evaluate([] as unknown as Record<string, unknown>)).toMatchObject({ ok: false, code: 'expr-eval' });
  });

  it('does not read prototype properties through field access', () => {
    for (const source of ['data.constructor', 'data.__proto__', 'data["toString"]', 'data.hasOwnProperty']) {
      expect(evaluateExpression(source, { data: { x: 1 } })).toMatchObject({ ok: false });
    }
    expect(evaluateExpression('has(data.constructor)', { data: {} })).toEqual({ ok: true, value: false });
  });

  it('returns plain JSON: maps as objects, timestamps as ISO strings, ints as numbers', () => {
    expect(evaluateExpression('{"a": 1, "b": [1, 2.5]}', {})).toEqual({ ok: true, value: { a: 1, b: [1, 2.5] } });
    expect(evaluateExpression('timestamp("2026-01-01T00:00:00Z")', {})).toEqual({ ok: true, value: '2026-01-01T00:00:00.000Z' });
    expect(evaluateExpression('data', { data: { n: 1, s: 'x', l: [true, null] } })).toEqual({ ok: true, value: { n: 1, s: 'x', l: [true, null] } });
    expect(evaluateExpression('b"abc"', {})).toMatchObject({ ok: false, code: 'expr-eval' });
  });

  it('is deterministic: no clock, the same input gives the same output', () => {
    const source = 'daysBetween(data.at, now) + monthOf(now)';
    const variables = { data: { at: '2026-01-01' }, now: '2026-03-01T00:00:00Z' };
    expect(evaluateExpression(source, variables)).toEqual(evaluateExpression(source, structuredClone(variables)));
    expect(evaluateExpression('now()', {})).toMatchObject({ ok: false, code: 'expr-unknown-name' });
  });
});

describe('bounded cost', () => {
  it('refuses an expression bomb of nested comprehensions before evaluating anything', () => {
    const data = { xs: Array.from({ length: 150 }, (_, i) => i) };
    // Four nested maps over 150 elements would be 500 million steps.
    const bomb = 'data.xs.map(a, data.xs.map(b, data.xs.map(c, data.xs.map(d, a + b + c + d))))';
    const started = performance.now();
    const result = compileExpression(bomb).evaluate({ data });
    expect(result).toMatchObject({ ok: false, code: 'expr-too-complex' });
    expect(result.ok ? '' : result.message.en).toContain('nest at most 2');
    // Generous: the point is that it returns, not how fast; the bomb itself would take minutes.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses cel.bind doubling chains, which grow a string exponentially', () => {
    const chain = 'cel.bind(a, "xx", cel.bind(b, a + a, cel.bind(c, b + b, cel.bind(d, c + c, d + d))))';
    expect(compileExpression(chain).evaluate({})).toMatchObject({ ok: false, code: 'expr-too-complex' });
  });

  it('refuses sources over 2000 characters, too many nodes and too deep nesting', () => {
    expect(compileExpression(`"${'x'.repeat(2001)}"`).evaluate({})).toMatchObject({ ok: false, code: 'expr-too-complex' });
    expect(compileExpression(Array.from({ length: 450 }, () => '1').join('+')).evaluate({})).toMatchObject({ ok: false, code: 'expr-too-complex' });
    expect(compileExpression(`${'['.repeat(40)}1${']'.repeat(40)}`).evaluate({})).toMatchObject({ ok: false, code: 'expr-too-complex' });
  });

  it('refuses catastrophic regular expressions instead of running them', () => {
    const result = evaluateExpression('data.s.matches("(a+)+$")', { data: { s: `${'a'.repeat(40)}!` } });
    expect(result).toMatchObject({ ok: false, code: 'expr-too-complex' });
  });
});

describe('evaluateExpression cache', () => {
  it('gives the same answers with the cache warm, also after more than 1000 distinct sources', () => {
    for (let i = 0; i < 1100; i++) expect(evaluateExpression(`${i} + data.n`, { data: { n: 1 } })).toEqual({ ok: true, value: i + 1 });
    expect(evaluateExpression('0 + data.n', { data: { n: 2 } })).toEqual({ ok: true, value: 2 });
    expect(evaluateExpression('1099 + data.n', { data: { n: 2 } })).toEqual({ ok: true, value: 1101 });
  });
});

describe('messages', () => {
  it('every error code has zh-CN and en text, with and without detail', () => {
    expect(expressionErrorCodes).toHaveLength(6);
    for (const code of expressionErrorCodes) {
      const plain = expressionMessage(code);
      expect(plain['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(plain.en).toMatch(/[a-z]/);
      const detailed = expressionMessage(code, { 'zh-CN': '细节', en: 'detail' });
      expect(detailed['zh-CN']).toBe(`${plain['zh-CN']}：细节`);
      expect(detailed.en).toBe(`${plain.en}: detail`);
    }
  });
});

describe('bounded cost at evaluation', () => {
  it('refuses two nested macros over a list too long for them, and runs them over a short one', () => {
    const pairs = 'size(data.xs.filter(a, data.xs.exists(b, a + b == 0)))';
    const short = { data: { xs: Array.from({ length: 50 }, (_, i) => i - 25) } };
    expect(evaluateExpression(pairs, short)).toEqual({ ok: true, value: 49 }); // -24..24 have a partner, -25 has none
    const long = { data: { xs: Array.from({ length: 5000 }, (_, i) => i) } };
    const started = performance.now();
    const result = evaluateExpression(pairs, long);
    expect(result).toMatchObject({ ok: false, code: 'expr-too-complex' });
    expect(result.ok ? '' : result.message.en).toContain('5000');
    expect(performance.now() - started).toBeLessThan(2000);
    // One level of macros over the same long list is linear and runs.
    expect(evaluateExpression('size(data.xs.filter(a, a > 4990))', long)).toEqual({ ok: true, value: 9 });
  });
});
