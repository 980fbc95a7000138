import type { FormDefinition } from '../schema/form';
import { compiledForm } from './compiled-form';
import { scopeToPath, UNSAFE_KEYS } from './pointer';

type FormLike = Pick<FormDefinition, 'schema'> & Partial<Pick<FormDefinition, 'computed'>>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Evaluates the form's computed values in order (a later one sees the earlier results) and writes each
 * at its scope's property, in a new object; the input is not modified. A value that fails to evaluate,
 * or does not fit the target's JSON type, leaves the field unset, so a stale total is never kept.
 * Numbers are rounded: to a whole number for `integer` fields, else to 6 decimal places, which hides
 * binary noise like 0.1 + 0.2 = 0.30000000000000004.
 *
 * @example
 * // computed: [{ scope: '#/properties/total', expression: 'sum(data.hours)' }]
 * applyComputed(form, { hours: [1.5, 2] }) // { hours: [1.5, 2], total: 3.5 }
 */
export function applyComputed(form: FormLike, data: Record<string, unknown>): Record<string, unknown> {
  let result: Record<string, unknown> = isRecord(data) ? { ...data } : {};
  for (const { scope, expression } of compiledForm(form).computed) {
    const path = scopeToPath(scope);
    if (!path || path.some((key) => UNSAFE_KEYS.has(key))) continue;
    const target = propertySchema(form.schema, path);
    const outcome = expression.evaluate({ data: result });
    const value = outcome.ok ? fitToSchema(outcome.value, target) : undefined;
    result = writeAt(result, path, value);
  }
  return result;
}

/** The schema of the property at `path`, following local `$ref`s; undefined when it cannot be found. */
function propertySchema(root: unknown, path: readonly string[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    node = dereference(root, node);
    const properties = isRecord(node) && isRecord(node.properties) ? node.properties : undefined;
    if (!properties || !Object.hasOwn(properties, key)) return undefined;
    node = properties[key];
  }
  return dereference(root, node);
}

function dereference(root: unknown, node: unknown): unknown {
  for (let hops = 0; hops < 8 && isRecord(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#'); hops++) {
    let target: unknown = root;
    for (const raw of node.$ref.slice(1).split('/').slice(1)) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      target = isRecord(target) && Object.hasOwn(target, key) ? target[key] : undefined;
    }
    node = target;
  }
  return node;
}

function fitToSchema(value: unknown, schema: unknown): unknown {
  const type = isRecord(schema) ? schema.type : undefined;
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  if (typeof value === 'number') {
    if (types.includes('integer') && !types.includes('number')) return Math.round(value);
    const rounded = Math.round(value * 1e6) / 1e6;
    return types.length === 0 || types.includes('number') ? (Object.is(rounded, -0) ? 0 : rounded) : undefined;
  }
  if (types.length === 0) return value;
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'boolean' : typeof value;
  return types.includes(actual) ? value : undefined;
}

/** Copy-on-write along the path; intermediate objects are created when missing. `undefined` deletes. */
function writeAt(obj: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return obj;
  const copy = { ...obj };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else Object.defineProperty(copy, head, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  const child = Object.hasOwn(obj, head) && isRecord(obj[head]) ? (obj[head] as Record<string, unknown>) : undefined;
  if (!child && value === undefined) return copy;
  Object.defineProperty(copy, head, { value: writeAt(child ?? {}, rest, value), enumerable: true, writable: true, configurable: true });
  return copy;
}
