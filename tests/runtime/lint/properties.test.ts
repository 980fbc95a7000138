import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintDefinitions } from '../../../runtime/lint/lint';
import { loadDefinitions } from '../../../runtime/lint/load-definitions-node';
import type { Problem } from '../../../runtime/lint/types';
import { definitionKinds } from '../../../runtime/schema/kinds';
import { oneValueChanged } from '../support/mutate-json';

function expectWellFormed(problems: unknown): void {
  expect(Array.isArray(problems)).toBe(true);
  for (const problem of problems as Problem[]) {
    expect(problem.pointer === '' || problem.pointer.startsWith('/')).toBe(true);
    expect(problem.code.length).toBeGreaterThan(0);
    expect(problem.message['zh-CN'].length).toBeGreaterThan(0);
    expect(['error', 'warning']).toContain(problem.severity);
  }
}

const documents = (json: fc.Arbitrary<unknown>) =>
  fc.array(fc.record({ file: fc.constantFrom('a.json', 'b.json', 'dir/c.json'), json }), { maxLength: 4 });

const keyLike = fc.constantFrom('five-order', 'base', 'a', 'x-form', 'Bad Key', '');
const localized = fc.oneof(fc.record({ 'zh-CN': fc.string(), en: fc.string() }, { requiredKeys: ['zh-CN'] }), fc.string(), fc.constant(null));

/** Objects that get past the kind check, with fields that sometimes fit the schema and sometimes not. */
const definitionLike = fc.record(
  {
    kind: fc.constantFrom(...definitionKinds),
    key: keyLike,
    version: fc.oneof(fc.constant(1), fc.constant(2), fc.integer()),
    title: localized,
    category: keyLike,
    targetGroups: fc.constant(['all']),
    deliveryModes: fc.constant(['onSite']),
    purpose: fc.constant('theory'),
    order: fc.nat(),
    level: fc.constantFrom('station', 'institute'),
    requiredRooms: fc.array(keyLike, { maxLength: 3 }),
    optionalRooms: fc.array(keyLike, { maxLength: 3 }),
    members: fc.array(fc.record({ kind: fc.constantFrom(...definitionKinds), key: keyLike, version: fc.integer({ min: 1, max: 3 }) }), { maxLength: 3 }),
    schema: fc.oneof(fc.json().map((text) => JSON.parse(text) as unknown), fc.constant({ type: 'object', properties: { a: { type: 'string' } } })),
    uischema: fc.oneof(fc.anything(), fc.constant({ type: 'Control', scope: '#/properties/a' })),
    i18n: fc.oneof(fc.constant({ 'zh-CN': { 'a.label': '甲' } }), fc.anything()),
    rules: fc.array(fc.record({ scope: fc.constant('#/properties/a'), effect: fc.constant('HIDE'), when: fc.string({ minLength: 1 }) }), { maxLength: 2 }),
    computed: fc.array(fc.record({ scope: fc.constant('#/properties/a'), expression: fc.string({ minLength: 1 }) }), { maxLength: 2 }),
  },
  { requiredKeys: ['kind'] },
);

/** Valid definitions of every generic kind (the broken fixtures' shared base), to mutate. */
const base = loadDefinitions([join(import.meta.dirname, '..', '..', 'fixtures', 'broken', '_base')]).documents;

describe('lintDefinitions is total', () => {
  it('never throws on valid definitions with one value replaced or removed anywhere', () => {
    fc.assert(
      fc.property(oneValueChanged(base), (docs) => {
        const problems = lintDefinitions(docs);
        expectWellFormed(problems);
        expect(problems.filter((problem) => problem.code === 'internal-error')).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary JSON and returns well-formed problems', () => {
    fc.assert(
      fc.property(documents(fc.json().map((text) => JSON.parse(text) as unknown)), (docs) => {
        expectWellFormed(lintDefinitions(docs));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary values (not only JSON)', () => {
    fc.assert(
      fc.property(documents(fc.anything()), (docs) => {
        expectWellFormed(lintDefinitions(docs));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary objects with a valid kind, and reports no internal errors', () => {
    fc.assert(
      fc.property(documents(definitionLike), (docs) => {
        const problems = lintDefinitions(docs);
        expectWellFormed(problems);
        expect(problems.filter((problem) => problem.code === 'internal-error')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same problems in the same order whatever the order of the documents', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ file: fc.stringMatching(/^[a-c]\.json$/), json: definitionLike }), { selector: (d) => d.file, maxLength: 3 }),
        (docs) => {
          expect(lintDefinitions([...docs].reverse())).toEqual(lintDefinitions(docs));
        },
      ),
      { numRuns: 100 },
    );
  });
});
