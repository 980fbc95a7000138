import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../../runtime/expression/index';
import { evaluationEnvironment } from '../../../runtime/expression/environment';
import { compileFastPath, compileFastValue } from '../../../runtime/expression/fast-path';
import { mapLibraryError } from '../../../runtime/expression/library-errors';
import { expressionMessage } from '../../../runtime/expression/messages';
import { toPlainValue } from '../../../runtime/expression/plain-value';

/** The library alone, the reference the fast path must agree with. */
function libraryOnly(source: string, variables: Record<string, unknown>): { ok: true; value: unknown } | { ok: false; code: string } {
  try {
    return { ok: true, value: toPlainValue(evaluationEnvironment.parse(source)(variables)) };
  } catch (error) {
    return { ok: false, code: mapLibraryError(error, 'expr-eval').code };
  }
}

/** The library alone with its error's message too, to hold the fast path's give-ups to the library's wording. */
function libraryResult(source: string, variables: Record<string, unknown>): unknown {
  try {
    return { ok: true, value: toPlainValue(evaluationEnvironment.parse(source)(variables)) };
  } catch (error) {
    const mapped = mapLibraryError(error, 'expr-eval');
    return { ok: false, code: mapped.code, message: expressionMessage(mapped.code, mapped.detail) };
  }
}

const field = fc.constantFrom('data.extra', 'data.a', 'data.b', 'data.s', 'data.flag', 'data.m.x', 'data.m.x.y', 'data.missing', 'data.__proto__', 'data.toString', 'toString', 'other', 'data');
const literal = fc.constantFrom('1', '2', '0', '2.5', '-1', '"a"', '"b"', 'true', 'false', '9007199254740993');
const list = fc.constantFrom('data.l', 'data.s', '[1, 2]', '["a", "b"]', '[1.5, "a"]', 'data.m');
const { bool } = fc.letrec<{ bool: string; num: string; atom: string }>((tie) => ({
  atom: fc.oneof(field, literal),
  num: fc.oneof(tie('atom'), list.map((l) => `size(${l})`), list.map((l) => `${l}.size()`)),
  bool: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(tie('num'), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), tie('num')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(tie('atom'), list).map(([a, l]) => `${a} in ${l}`),
    fc.constantFrom('has(data.a)', 'has(data.m.x)', 'has(data.missing)', 'has(data.m.x.y)', 'has(data.__proto__)', 'has(data.l)'),
    fc.tuple(tie('bool'), fc.constantFrom('&&', '||'), tie('bool')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    // Right sides beyond the fast path: only a left side that decides may answer without the library.
    fc.tuple(tie('bool'), fc.constantFrom('&&', '||'), fc.constantFrom('data.l.exists(x, x == 1)', 'string(data.a) == "1"', 'data.a + 1 > 2')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    tie('bool').map((b) => `!(${b})`),
    field,
  ),
}));
const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, 2.5, 'a', 'b', '', true, false, null, undefined), fc.array(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constantFrom('a', 'b')), { maxLength: 3 }));
const data = fc.record(
  { a: value, b: value, s: value, flag: value, l: value, m: fc.oneof(value, fc.record({ x: value })) },
  { requiredKeys: [] },
);

describe('fast path', () => {
  it('compiles the common guard shapes and leaves the rest to the library', () => {
    const fast = (source: string) => compileFastPath(evaluationEnvironment.parse(source).ast) !== undefined;
    expect(fast('data.stars <= 2 && size(data.tags) > 0')).toBe(true);
    expect(fast('data.kind in ["a", "b"] || !data.urgent')).toBe(true);
    expect(fast('data.mode == "directed"')).toBe(true);
    expect(fast('has(data.serviceItem) && data.serviceItem != ""')).toBe(true);
    expect(fast('size(data.tags)')).toBe(false);
    expect(fast('sum(data.hours) > 1')).toBe(false);
    expect(fast('data.hours.exists(h, h > 1)')).toBe(false);
    expect(fast('data.stars + 1')).toBe(false);
    expect(fast('data.constructor == 1')).toBe(false);
    expect(fast("!has(input.expectedTime) || timestamp(now) >= timestamp(input.expectedTime) - duration('1h')")).toBe(true);
    expect(fast('timestamp(now) >= timestamp(input.expectedTime) || !has(input.expectedTime)')).toBe(false);
    const value = (source: string) => compileFastValue(evaluationEnvironment.parse(source).ast) !== undefined;
    expect(value('vars.teamLeaderId')).toBe(true);
    expect(value('data.dispatch.teamId')).toBe(true);
    expect(compileExpression('input.expectedTime').evaluate({ input: {} })).toMatchObject({ ok: false, code: 'expr-eval' });
    expect(value('data.constructor')).toBe(false);
    expect(value('data.stars + 1')).toBe(false);
    expect(value('size(data.tags)')).toBe(false);
  });

  it('agrees with the library on random field paths over random data: same value, or the same error', () => {
    fc.assert(
      fc.property(fc.oneof(field, fc.constantFrom('data.l', 'data.m', 'data.m.x.y.z')), data, fc.constantFrom(-0, 1e300, 9007199254740993, 'ü', null), (source, d, extra) => {
        const vars = { data: { ...d, extra }, other: d.a };
        expect(compileExpression(source).evaluate(vars)).toEqual(libraryResult(source, vars));
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees with the library on random guards over random data: same value, or the same error', () => {
    fc.assert(
      fc.property(bool, data, fc.boolean(), (source, d, useOwnProto) => {
        const vars: Record<string, unknown> = useOwnProto ? { data: JSON.parse(JSON.stringify(d).replace(/^\{/, '{"__proto__": 1,').replace(',}', '}')) } : { data: d };
        if (useOwnProto && Object.keys(d).length === 0) vars.data = JSON.parse('{"__proto__": 1}');
        const expected = libraryOnly(source, vars);
        const actual = compileExpression(source).evaluate(vars);
        if (expected.ok) expect(actual).toEqual(expected);
        else expect(actual).toMatchObject({ ok: false, code: expected.code });
      }),
      { numRuns: 1500 },
    );
  });
});
