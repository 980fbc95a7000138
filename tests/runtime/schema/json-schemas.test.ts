import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../../runtime/lint/load-definitions-node';
import { generateJsonSchemaFiles, schemaId } from '../../../runtime/schema/generate-json-schemas';
import { definitionKinds, definitionSchemas, isDefinitionKind, type DefinitionKind } from '../../../runtime/schema/kinds';

const repo = join(import.meta.dirname, '..', '..', '..');
const schemasDir = join(repo, 'definitions', 'schemas');
const generated = generateJsonSchemaFiles();

// The dialect editors use for these files; formats on, as VS Code and the linter both check them.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
for (const text of generated.values()) ajv.addSchema(JSON.parse(text) as object);
const validatorOf = (kind: DefinitionKind) => ajv.getSchema(schemaId(kind))!;

describe('generated JSON Schemas', () => {
  it('are committed exactly as the zod schemas generate them (run npm run schemas)', () => {
    const committed = readdirSync(schemasDir).filter((name) => name.endsWith('.schema.json')).sort();
    expect(committed, 'run npm run schemas').toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) {
      expect(readFileSync(join(schemasDir, name), 'utf8'), `${name} is stale: run npm run schemas`).toBe(text);
    }
  });

  it('cover every kind, each with its $id, a title and a description', () => {
    for (const kind of definitionKinds) {
      const schema = JSON.parse(generated.get(`${kind}.schema.json`)!) as Record<string, unknown>;
      expect(schema.$id).toBe(schemaId(kind));
      expect(schema.title).toMatch(/\S/);
      expect(schema.description).toMatch(/\S/);
      expect(validatorOf(kind)).toBeTypeOf('function');
    }
  });
});

describe('editors and the linter agree', () => {
  const pack = loadDefinitions(['definitions/liangzhou'], repo);

  it('every Liangzhou pack file validates against the JSON Schema of its kind', () => {
    expect(pack.problems).toEqual([]);
    const kinds = new Set<string>();
    for (const { file, json } of pack.documents) {
      const kind = (json as { kind?: unknown }).kind;
      expect(isDefinitionKind(kind), `${file}: kind`).toBe(true);
      kinds.add(kind as string);
      const validate = validatorOf(kind as DefinitionKind);
      expect(validate(json) ? [] : validate.errors, file).toEqual([]);
      const expected = relative(dirname(join(repo, file)), join(schemasDir, `${kind as string}.schema.json`)).split(sep).join('/');
      expect(json, `${file}: $schema`).toMatchObject({ $schema: expected });
    }
    expect([...kinds].sort()).toEqual([...definitionKinds].sort());
  });

  const fixtures = join(repo, 'tests', 'fixtures', 'broken');
  const base = loadDefinitions([join(fixtures, '_base')]).documents.filter((d) => {
    const kind = (d.json as { kind: string }).kind;
    // Workflow and rubric schemas carry refinements (graph and arithmetic) that JSON Schema cannot state.
    return kind !== 'workflow' && kind !== 'rubric';
  });

  it('ajv rejects every broken fixture the zod schema rejects', () => {
    const cases = readdirSync(fixtures).filter((name) => !name.startsWith('_'));
    let compared = 0;
    for (const name of cases) {
      const expected = JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8')) as { file: string; code: string }[];
      for (const { file } of expected.filter((entry) => entry.code === 'schema-invalid')) {
        const json = JSON.parse(readFileSync(join(fixtures, name, file), 'utf8')) as { kind: DefinitionKind };
        expect(validatorOf(json.kind)(json), `${name}/${file}`).toBe(false);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(8);
  });

  it('zod and the generated JSON Schema accept and reject the same mutations of valid definitions', () => {
    // Values seen at each field name across the valid documents, plus a few optional fields: mutations
    // drawn from here are often still valid, so both acceptance and rejection get compared.
    const pool = new Map<string, unknown[]>();
    const extras: Record<string, unknown[]> = {
      description: [{ 'zh-CN': '说明', en: 'Notes' }, { 'zh-CN': '说明' }, { en: 'Notes' }],
      tags: [['a', 'b'], [], [1]],
      activeFrom: ['2026-01-01', '2026-02-30'],
      capacityPerMonth: [4, 0],
      icon: ['book', 'x'.repeat(41)],
    };
    for (const document of base) {
      for (const [field, value] of Object.entries(document.json as Record<string, unknown>)) pool.set(field, [...(pool.get(field) ?? []), value]);
    }
    for (const [field, values] of Object.entries(extras)) pool.set(field, [...(pool.get(field) ?? []), ...values]);
    const fields = [...pool.keys()];
    const mutated = fc
      .record({
        doc: fc.nat({ max: base.length - 1 }),
        how: fc.constantFrom('pool', 'pool', 'random', 'delete'),
        pick: fc.nat(),
        value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('2026-02-30', 'base-room', 'Bad Key', 0, -1, 1.5, '')),
      })
      .map(({ doc, how, pick, value }) => {
        const json = structuredClone(base[doc]!.json) as Record<string, unknown>;
        const field = fields[pick % fields.length]!;
        if (how === 'delete') delete json[field];
        else if (how === 'random') json[field] = value;
        else json[field] = structuredClone(pool.get(field)![pick % pool.get(field)!.length]);
        return json;
      });
    const outcomes = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(mutated, (json) => {
        const kind = json.kind;
        fc.pre(isDefinitionKind(kind));
        const zodOk = definitionSchemas[kind as DefinitionKind].safeParse(json).success;
        expect(validatorOf(kind as DefinitionKind)(json)).toBe(zodOk);
        outcomes[zodOk ? 'accepted' : 'rejected']++;
      }),
      { numRuns: 400 },
    );
    // Both sides of the agreement were exercised, not only rejections.
    expect(outcomes.accepted).toBeGreaterThan(20);
    expect(outcomes.rejected).toBeGreaterThan(20);
  });
});
