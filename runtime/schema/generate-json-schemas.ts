/**
 * `npm run schemas` writes definitions/schemas/<kind>.schema.json from the zod table, the single source
 * of truth, so editors autocomplete and validate definition files. `npm run schemas -- --check` exits 1
 * when a committed file differs from what the zod schemas generate.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import * as schemaModule from './index';
import { definitionKinds, definitionSchemas, type DefinitionKind } from './kinds';

const titles: Record<DefinitionKind, { zh: string; en: string; what: string }> = {
  stationType: { zh: '阵地类型', en: 'Station type', what: 'a kind of venue at one level of the org tree, its rooms, standard, rubric and profile form' },
  functionRoom: { zh: '功能室', en: 'Function room', what: 'a named room of a venue' },
  serviceCategory: { zh: '服务类别', en: 'Service category', what: 'a category of the demand menu' },
  serviceItem: { zh: '服务项目', en: 'Service item', what: 'an entry of the demand menu: what residents can order' },
  teamType: { zh: '志愿服务队类型', en: 'Volunteer team type', what: 'a kind of volunteer team' },
  form: { zh: '表单', en: 'Form', what: 'a JSON Schema, a JSON Forms UI schema, translations, rules and computed values' },
  workflow: { zh: '流程', en: 'Workflow', what: 'a state machine with approval steps, roles, guards, timers and effects' },
  rubric: { zh: '测评细则', en: 'Rubric', what: 'sections, items, scoring modes, veto and bonus items, tiers' },
  bundle: { zh: '定义包', en: 'Bundle', what: 'a consistent set of definitions pinned by version' },
};

/** Where the published schema of a kind lives; never a package registry host. */
export function schemaId(kind: DefinitionKind): string {
  return `https://shijian.dev/schemas/${kind}.schema.json`;
}

/**
 * Every named schema the schema module exports (LocalizedText, UiSchemaElement, PersonRule, …) becomes a
 * named `$defs` entry, so an editor's hover says `LocalizedText` rather than `__schema0`, and a shape
 * used many times is written once. The kinds themselves stay at the root of their own files.
 */
const namedParts = (() => {
  const registry = z.registry<{ id: string }>();
  const roots = new Set<unknown>(Object.values(definitionSchemas));
  for (const [name, value] of Object.entries(schemaModule).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (value instanceof z.ZodType && !roots.has(value) && !registry.has(value)) registry.add(value, { id: name });
  }
  return registry;
})();

/** The JSON Schema (2020-12) of one kind, as an editor reads it: the input shape, before defaults apply. */
export function jsonSchemaOf(kind: DefinitionKind): Record<string, unknown> {
  const generated = z.toJSONSchema(definitionSchemas[kind], {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    metadata: namedParts,
    // A metadata registry of our own replaces zod's global one, which holds every `.describe()` text.
    override: ({ zodSchema, jsonSchema }) => {
      const { id: _id, ...described } = z.globalRegistry.get(zodSchema) ?? {};
      for (const [key, value] of Object.entries(described)) if (!(key in jsonSchema)) (jsonSchema as Record<string, unknown>)[key] = value;
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  const title = titles[kind];
  return {
    $schema,
    $id: schemaId(kind),
    title: `${title.zh} / ${title.en}`,
    description: `Shijian ${kind} definition: ${title.what}. Generated from runtime/schema by npm run schemas; do not edit.`,
    ...rest,
  };
}

/** File name → file text of every generated schema, in kind order. */
export function generateJsonSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const kind of definitionKinds) files.set(`${kind}.schema.json`, `${JSON.stringify(jsonSchemaOf(kind), null, 2)}\n`);
  return files;
}

/** definitions/schemas/, where the generated files are committed. */
export const schemasDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'definitions', 'schemas');

function main(): void {
  const outDir = schemasDirectory;
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of generateJsonSchemaFiles()) {
    const path = join(outDir, name);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === text) continue;
    if (check) stale.push(name);
    else writeFileSync(path, text);
  }
  if (check && stale.length > 0) {
    console.error(`Stale JSON Schemas (run npm run schemas): ${stale.join(', ')}`);
    process.exitCode = 1;
  } else if (!check) {
    console.log(`Wrote ${definitionKinds.length} JSON Schemas to definitions/schemas/`);
  }
}

// Runs only as a script, so tests can import the generator without writing files.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
