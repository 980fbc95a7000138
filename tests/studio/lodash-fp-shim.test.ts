import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import setShim from '../../studio/vendor/lodash-fp-set.js';
import unsetShim from '../../studio/vendor/lodash-fp-unset.js';

// The real lodash/fp, loaded past vite.config.ts's alias (which points the studio's imports at the shim).
const require = createRequire(import.meta.url);
const setFp = require('lodash/fp/set') as typeof setShim;
const unsetFp = require('lodash/fp/unset') as typeof unsetShim;

const key = fc.constantFrom('a', 'b', 'items', '0', '1', '2');
const data = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string(), fc.constant(null), fc.constant(undefined), tie('object'), tie('array')),
  object: fc.dictionary(key, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  array: fc.array(tie('value'), { maxLength: 3 }),
})).object;
const pathArb = fc.oneof(fc.array(key, { minLength: 1, maxLength: 4 }).map((keys) => keys.join('.')), fc.array(key, { minLength: 1, maxLength: 4 }));

/** Which values of the result are the very objects of the input: the copy-on-path must share the rest alike. */
function sharing(result: unknown, input: unknown, seen = new Set<unknown>()): unknown {
  if (result === null || typeof result !== 'object' || seen.has(result)) return typeof result;
  seen.add(result);
  const shared = result === input;
  const children = Object.keys(result).map((k) => [k, sharing((result as Record<string, unknown>)[k], input && typeof input === 'object' ? (input as Record<string, unknown>)[k] : undefined, seen)]);
  return { shared, array: Array.isArray(result), children };
}

describe('lodash/fp set and unset without the fp machinery', () => {
  test('set gives what lodash/fp gives, copies the same objects and leaves the input alone', () => {
    fc.assert(
      fc.property(data, pathArb, fc.oneof(fc.integer(), fc.string(), fc.constant(undefined)), (object, path, value) => {
        const before = structuredClone(object);
        const expected = setFp(path, value, structuredClone(object));
        const actual = setShim(path, value, object);
        expect(actual).toStrictEqual(expected);
        expect(object).toStrictEqual(before);
        const again = structuredClone(object);
        expect(sharing(setShim(path, value, again), again)).toEqual(sharing(setFp(path, value, again), again));
      }),
      { numRuns: 300 },
    );
  });

  test('unset gives what lodash/fp gives and leaves the input alone', () => {
    fc.assert(
      fc.property(data, pathArb, (object, path) => {
        const before = structuredClone(object);
        expect(unsetShim(path, object)).toStrictEqual(unsetFp(path, structuredClone(object)));
        expect(object).toStrictEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
