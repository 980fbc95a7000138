/**
 * The masking primitive behind every personal-data rule (server/util/personal-data.ts), as properties:
 * over generated schemas with `x-personal` marks anywhere (nested objects, arrays of objects) and data
 * shaped like them, every marked value that is present comes out `***`, nothing unmarked changes, no
 * key appears or disappears, and the input is not modified.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonal } from '../../server/util/personal-data';

interface Shape {
  schema: Record<string, unknown>;
  data: unknown;
  /** Paths (as JSON pointers) of values that must be masked. */
  personal: string[];
}

const leaf = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.integer(), fc.boolean());

/** A schema and matching data, built together so the expected masked paths are known. */
const shape: fc.Arbitrary<Shape> = fc.letrec<{ node: Shape }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(leaf, fc.boolean()).map(([value, personal]) => ({ schema: personal ? { type: typeof value, 'x-personal': true } : { type: typeof value }, data: value, personal: personal ? [''] : [] })),
    fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), tie('node'), { maxKeys: 4 }).map((children) => ({
      schema: { type: 'object', properties: Object.fromEntries(Object.entries(children).map(([key, child]) => [key, child.schema])) },
      data: Object.fromEntries(Object.entries(children).map(([key, child]) => [key, child.data])),
      personal: Object.entries(children).flatMap(([key, child]) => child.personal.map((path) => `/${key}${path}`)),
    })),
    fc.tuple(tie('node'), fc.integer({ min: 0, max: 3 })).map(([item, count]) => ({
      schema: { type: 'array', items: item.schema },
      data: Array.from({ length: count }, () => structuredClone(item.data)),
      personal: Array.from({ length: count }, (_, index) => item.personal.map((path) => `/${index}${path}`)).flat(),
    })),
  ),
})).node;

function at(value: unknown, pointer: string): unknown {
  return pointer === '' ? value : pointer.slice(1).split('/').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], value);
}

/** Every leaf path of a value. */
function leaves(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, `${prefix}/${index}`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => leaves(child, `${prefix}/${key}`));
  return [prefix];
}

describe('maskPersonal', () => {
  it('masks exactly the marked values, keeps every other value and the shape, and leaves its input alone', () => {
    fc.assert(
      fc.property(shape, ({ schema, data, personal }) => {
        const before = structuredClone(data);
        const masked = maskPersonal(schema, data);
        expect(data).toEqual(before);
        const marked = new Set(personal);
        for (const path of leaves(data)) {
          const inside = [...marked].some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
          if (inside) continue;
          expect(at(masked, path), path).toEqual(at(data, path));
        }
        for (const path of personal) expect(at(masked, path), path).toBe('***');
        // Same shape: the same leaf paths, except that a masked subtree became one value.
        const collapse = (paths: string[]) => [...new Set(paths.map((path) => personal.find((prefix) => path === prefix || path.startsWith(`${prefix}/`)) ?? path))].sort();
        expect(collapse(leaves(masked))).toEqual(collapse(leaves(data)));
      }),
      { numRuns: 300 },
    );
  });

  it('an absent personal field stays absent; a schema without marks returns the data unchanged', () => {
    const schema = { type: 'object', properties: { phone: { type: 'string', 'x-personal': true } } };
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.jsonValue({ maxDepth: 2 })), fc.jsonValue({ maxDepth: 3 }), (record, any) => {
        const withoutPhone = Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'phone'));
        expect(maskPersonal(schema, withoutPhone)).toEqual(withoutPhone);
        expect(maskPersonal(schema, { ...withoutPhone, phone: '13800000000' })).toEqual({ ...withoutPhone, phone: '***' });
        expect(maskPersonal({ type: 'object' }, any)).toEqual(any);
        expect(maskPersonal(undefined, any)).toEqual(any);
      }),
      { numRuns: 200 },
    );
  });
});
