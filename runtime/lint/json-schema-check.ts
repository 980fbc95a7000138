import Ajv, { type AnySchema } from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { isObject } from './form-schema';

/** One thing wrong with a JSON Schema, at a pointer relative to the schema's root. */
export interface JsonSchemaFinding {
  pointer: string;
  message: string;
  /** An unknown keyword or format: legal JSON Schema that ajv ignores, most often a typo. */
  unknownKeyword: boolean;
}

type Dialect = 'draft-07' | '2019-09' | '2020-12';
type AjvInstance = InstanceType<typeof Ajv>;

const instances = new Map<string, AjvInstance>();
const declaredExtensions = new WeakMap<AjvInstance, Set<string>>();

// Kept per (dialect, strictness) and reused: building an ajv instance costs more than compiling a form.
function ajvFor(dialect: Dialect, strict: boolean): AjvInstance {
  const id = `${dialect}/${strict}`;
  let ajv = instances.get(id);
  if (!ajv) {
    const options = { strict, strictTypes: false, strictTuples: false, strictRequired: false, allErrors: true, logger: false as const };
    ajv = dialect === '2020-12' ? new Ajv2020(options) : dialect === '2019-09' ? new Ajv2019(options) : new Ajv(options);
    addFormats(ajv);
    // JSON Forms reads `i18n` from the data schema for translation keys.
    ajv.addKeyword({ keyword: 'i18n', schemaType: 'string' });
    instances.set(id, ajv);
  }
  return ajv;
}

function dialectOf(schema: Record<string, unknown>): Dialect | undefined {
  const declared = schema.$schema;
  if (declared === undefined) return 'draft-07';
  if (typeof declared !== 'string') return undefined;
  if (declared.includes('draft-07')) return 'draft-07';
  if (declared.includes('2019-09')) return '2019-09';
  if (declared.includes('2020-12')) return '2020-12';
  return undefined;
}

/**
 * Checks that `schema` is a JSON Schema ajv can compile: meta-schema errors with their pointers, then
 * compile errors (unresolvable `$ref`s), then — as `unknownKeyword` findings — what only strict mode rejects
 * (unknown keywords and formats, except `x-` extensions).
 */
export function checkJsonSchema(schema: Record<string, unknown>): JsonSchemaFinding[] {
  // Compiling is by far the dearest check, and the same form is linted again and again (every save in
  // the designer, every publish): results are remembered by the schema's text.
  const text = JSON.stringify(schema);
  const remembered = memo.get(text);
  if (remembered) return remembered;
  const findings = checkUncached(schema);
  if (memo.size >= memoLimit) memo.delete(memo.keys().next().value as string);
  memo.set(text, findings);
  return findings;
}

const memo = new Map<string, JsonSchemaFinding[]>();
const memoLimit = 512;

function checkUncached(schema: Record<string, unknown>): JsonSchemaFinding[] {
  const dialect = dialectOf(schema);
  if (!dialect) {
    return [{ pointer: '/$schema', message: `unsupported $schema ${String(schema.$schema)}; use draft-07, 2019-09 or 2020-12`, unknownKeyword: false }];
  }
  // One instance does the common path; a lenient one is built only when a schema fails strict mode.
  const strict = ajvFor(dialect, true);
  if (!strict.validateSchema(schema as AnySchema)) {
    const seen = new Set<string>();
    const findings: JsonSchemaFinding[] = [];
    for (const error of strict.errors ?? []) {
      // Union-typed keywords (`type`) produce one error per branch plus the anyOf; the first says enough.
      if (seen.has(error.instancePath)) continue;
      seen.add(error.instancePath);
      findings.push({ pointer: error.instancePath, message: `${error.message ?? error.keyword}`, unknownKeyword: false });
    }
    return findings;
  }
  const declared = declaredExtensions.get(strict) ?? new Set<string>();
  declaredExtensions.set(strict, declared);
  for (const keyword of extensionKeywords(schema)) {
    if (declared.has(keyword)) continue;
    strict.addKeyword(keyword);
    declared.add(keyword);
  }
  // The strict compile usually succeeds; only when it fails does a lenient one tell a real error from a typo.
  const strictError = tryCompile(strict, schema);
  if (!strictError) return [];
  const compileError = tryCompile(ajvFor(dialect, false), schema);
  if (compileError) return [{ pointer: '', message: compileError, unknownKeyword: false }];
  return [{ pointer: locateKeyword(schema, strictError), message: strictError.replace(/^strict mode: /, ''), unknownKeyword: true }];
}

/**
 * `x-` keywords are declared extensions by convention (as in OpenAPI), e.g. `x-personal` marking personal
 * data; they are meant, not misspelt, so they never warn.
 */
function extensionKeywords(node: unknown, found = new Set<string>(), depth = 0): Set<string> {
  if (node === null || typeof node !== 'object' || depth > 32) return found;
  for (const [key, child] of Object.entries(node)) {
    if (!Array.isArray(node) && key.startsWith('x-')) found.add(key);
    extensionKeywords(child, found, depth + 1);
  }
  return found;
}

function tryCompile(ajv: AjvInstance, schema: Record<string, unknown>): string | undefined {
  try {
    ajv.compile(schema);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    // ajv caches by schema object; dropping it keeps a long-running server from holding every draft.
    ajv.removeSchema(schema);
  }
}

/** Finds where an unknown keyword named in ajv's message is written, so the warning points at it. */
function locateKeyword(schema: unknown, message: string): string {
  const name = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
  if (name === undefined) return '';
  const search = (node: unknown, pointer: string, depth: number): string | undefined => {
    if (node === null || typeof node !== 'object' || depth > 32) return undefined;
    if (isObject(node) && Object.hasOwn(node, name)) return `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    for (const [key, child] of Object.entries(node)) {
      const found = search(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return search(schema, '', 0) ?? '';
}
