import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyComputed, evaluateFormRules, validateFormData } from '../../../runtime/form/index';
import { FormDefinition } from '../../../runtime/schema/form';

const directory = join(import.meta.dirname, '..', '..', '..', 'definitions', 'liangzhou', 'forms');
const packForms = readdirSync(directory)
  .filter((name) => name.endsWith('.json'))
  .map((name) => FormDefinition.parse(JSON.parse(readFileSync(join(directory, name), 'utf8'))));

const nested = {
  schema: {
    type: 'object',
    required: ['name', 'address'],
    properties: {
      name: { type: 'string', minLength: 2 },
      stars: { type: 'integer', minimum: 1, maximum: 5 },
      'a/b~c': { type: 'number' },
      tags: { type: 'array', items: { type: 'string' }, uniqueItems: true, maxItems: 3 },
      address: { type: 'object', required: ['village'], properties: { village: { type: 'string' } }, additionalProperties: false },
      members: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, hours: { type: 'number', minimum: 0 } } } },
      contact: { anyOf: [{ type: 'string', format: 'email' }, { type: 'string', pattern: '^1[0-9]{10}$' }] },
    },
    if: { properties: { stars: { const: 1 } }, required: ['stars'] },
    then: { required: ['tags'] },
  },
};
const forms = [nested, ...packForms];

/** The value at an RFC 6901 pointer, or a marker when the path does not exist. */
const MISSING = Symbol('missing');
function at(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, token)) return MISSING;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
const parent = (pointer: string) => pointer.slice(0, pointer.lastIndexOf('/'));

/** Data near the nested schema's shape, so validation reaches deep pointers, plus anything at all. */
const shaped = fc.record(
  {
    name: fc.oneof(fc.string({ maxLength: 4 }), fc.integer()),
    stars: fc.oneof(fc.integer({ min: -1, max: 7 }), fc.double(), fc.string({ maxLength: 2 })),
    'a/b~c': fc.jsonValue({ maxDepth: 1 }),
    tags: fc.array(fc.oneof(fc.constantFrom('x', 'y'), fc.integer({ min: 0, max: 2 })), { maxLength: 5 }),
    address: fc.dictionary(fc.constantFrom('village', 'town', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
    members: fc.array(fc.record({ name: fc.jsonValue({ maxDepth: 0 }), hours: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.string({ maxLength: 1 })) }, { requiredKeys: [] }), { maxLength: 3 }),
    contact: fc.oneof(fc.constant('a@b.cn'), fc.constant('13800000000'), fc.string({ maxLength: 5 })),
  },
  { requiredKeys: [] },
);
const anyData = fc.oneof(shaped, fc.jsonValue({ maxDepth: 4 }), fc.object({ maxDepth: 3 }));

describe('form runtime properties', () => {
  it('validateFormData never throws and every pointer exists in the data, or names a missing child of a value that exists', () => {
    fc.assert(
      fc.property(fc.constantFrom(...forms), anyData, (form, data) => {
        const issues = validateFormData(form, data);
        for (const issue of issues) {
          expect(issue.pointer === '' || issue.pointer.startsWith('/')).toBe(true);
          expect(issue.message['zh-CN'].length).toBeGreaterThan(0);
          expect(issue.message.en?.length ?? 0).toBeGreaterThan(0);
          if (at(data, issue.pointer) !== MISSING) continue;
          expect(['required', 'dependencies', 'dependentRequired'], `${issue.code} at ${issue.pointer}`).toContain(issue.code);
          expect(at(data, parent(issue.pointer))).not.toBe(MISSING);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('validation is deterministic and does not modify the data', () => {
    fc.assert(
      fc.property(shaped, (data) => {
        const before = JSON.stringify(data);
        const first = validateFormData(nested, data);
        expect(validateFormData(nested, structuredClone(data))).toEqual(first);
        expect(JSON.stringify(data)).toBe(before);
      }),
      { numRuns: 150 },
    );
  });

  it('applyComputed and evaluateFormRules never throw and never modify their input', () => {
    fc.assert(
      fc.property(fc.constantFrom(...packForms), fc.oneof(fc.object({ maxDepth: 2 }), shaped), (form, data) => {
        const before = JSON.stringify(data);
        const computed = applyComputed(form, data as Record<string, unknown>);
        expect(typeof computed).toBe('object');
        const states = evaluateFormRules(form, data);
        for (const state of Object.values(states)) expect(typeof state.visible).toBe('boolean');
        expect(JSON.stringify(data)).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
