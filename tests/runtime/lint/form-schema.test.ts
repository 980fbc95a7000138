import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveScope, schemaProperties } from '../../../runtime/lint/form-schema';
import { walkUiSchema } from '../../../runtime/lint/ui-schema';

type Node = { type: string; properties?: Record<string, Node>; items?: Node };

/** Random data schemas: objects nested in objects and arrays, names with the characters pointers escape. */
const schemaTree: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Node>({ type: 'string' }, { type: 'integer' }),
    fc.record({ type: fc.constant('object'), properties: fc.dictionary(fc.stringMatching(/^[a-z~/.]{1,4}$/), tie('node'), { maxKeys: 3 }) }),
    fc.record({ type: fc.constant('array'), items: tie('node') }),
  ),
})).node;

describe('form schema helpers', () => {
  it('resolve the scope of every property they list to that property’s schema', () => {
    fc.assert(
      fc.property(schemaTree, (schema) => {
        for (const property of schemaProperties(schema)) {
          const scope = `#${property.pointer.slice('/schema'.length)}`;
          expect(resolveScope(schema, scope)).toBe(property.schema);
        }
      }),
    );
  });

  it('follow local $refs and combinators, as JSON Forms does', () => {
    const schema = {
      $defs: { address: { type: 'object', properties: { town: { type: 'string' } } } },
      type: 'object',
      properties: { home: { $ref: '#/$defs/address' } },
      allOf: [{ properties: { extra: { type: 'boolean' } } }],
    };
    expect(resolveScope(schema, '#/properties/home/properties/town')).toEqual({ type: 'string' });
    expect(resolveScope(schema, '#/properties/extra')).toEqual({ type: 'boolean' });
    expect(resolveScope(schema, '#/properties/home/properties/village')).toBeUndefined();
    expect(resolveScope(schema, '#/properties/home/$ref')).toBeUndefined();
    expect(resolveScope(schema, 'properties/home')).toBeUndefined();
  });

  it('survive a $ref cycle', () => {
    const schema = { $ref: '#/$defs/a', $defs: { a: { $ref: '#/$defs/a' } } };
    expect(resolveScope(schema, '#/properties/x')).toBeUndefined();
  });

  it('resolve an array detail layout against the item schema', () => {
    const schema = { type: 'object', properties: { photos: { type: 'array', items: { type: 'object', properties: { url: { type: 'string' } } } } } };
    const uischema = {
      type: 'Control',
      scope: '#/properties/photos',
      options: { detail: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/url' }] } },
    };
    const { scopes } = walkUiSchema(uischema, schema);
    expect(scopes.map(({ pointer, scope }) => [pointer, scope, resolveScope(scopes[1]!.base, scope, schema) !== undefined])).toEqual([
      ['/uischema/scope', '#/properties/photos', false],
      ['/uischema/options/detail/elements/0/scope', '#/properties/url', true],
    ]);
  });
});
