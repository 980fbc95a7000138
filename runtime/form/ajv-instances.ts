import Ajv, { type AnySchema, type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type AjvInstance = InstanceType<typeof Ajv>;
type Dialect = 'draft-07' | '2019-09' | '2020-12';

const instances = new Map<Dialect, AjvInstance>();

/**
 * `strict: false` because integrators bring schemas with keywords of their own tools; unknown
 * keywords are the linter's business (it warns), not a reason to refuse a resident's submission.
 */
function ajvFor(dialect: Dialect): AjvInstance {
  let ajv = instances.get(dialect);
  if (!ajv) {
    const options = { allErrors: true, strict: false, logger: false as const };
    ajv = dialect === '2020-12' ? new Ajv2020(options) : dialect === '2019-09' ? new Ajv2019(options) : new Ajv(options);
    addFormats(ajv);
    instances.set(dialect, ajv);
  }
  return ajv;
}

function dialectOf(schema: Record<string, unknown>): Dialect {
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (declared.includes('2020-12')) return '2020-12';
  if (declared.includes('2019-09')) return '2019-09';
  return 'draft-07';
}

export type CompiledSchema = { ok: true; validate: ValidateFunction } | { ok: false; reason: string };

const compiled = new WeakMap<object, CompiledSchema>();

/**
 * The validator of a form's schema, compiled once per schema object (our WeakMap, so it goes when the
 * form does). The schema is removed from ajv's own registry after compiling: ajv would otherwise keep
 * every schema ever seen, and refuse the next version of a form that reuses an `$id`.
 */
export function validatorFor(schema: Record<string, unknown>): CompiledSchema {
  const cached = compiled.get(schema);
  if (cached) return cached;
  let result: CompiledSchema;
  const ajv = ajvFor(dialectOf(schema));
  try {
    const validate = ajv.compile(schema as AnySchema);
    result = { ok: true, validate };
  } catch (error) {
    result = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    ajv.removeSchema(schema as AnySchema);
    if (typeof schema.$id === 'string') ajv.removeSchema(schema.$id);
  }
  compiled.set(schema, result);
  return result;
}
