/**
 * Reading a form's JSON Schema the way JSON Forms does: scopes are JSON pointers into the schema
 * (`#/properties/address/properties/street`), followed through local `$ref`s and combinators.
 */

export type SchemaObject = Record<string, unknown>;

const maxDepth = 32;

export function isObject(value: unknown): value is SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Splits `#/properties/a~1b` into `['properties', 'a/b']`; undefined when it is not a local pointer. */
export function scopeSegments(scope: string): string[] | undefined {
  if (scope === '#') return [];
  if (!scope.startsWith('#/')) return undefined;
  return scope
    .slice(2)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The schema a scope points at, or undefined when the scope does not resolve to a schema (a missing
 * property, or a pointer that ends on a keyword's value such as `/type`). `base` is what the scope is
 * relative to (an array's item schema inside a detail layout); `$ref`s resolve against `root`.
 */
export function resolveScope(base: unknown, scope: string, root: unknown = base): SchemaObject | boolean | undefined {
  const segments = scopeSegments(scope);
  if (!segments) return undefined;
  const found = walk(root, base, segments, 0);
  return isObject(found) || typeof found === 'boolean' ? found : undefined;
}

function walk(root: unknown, node: unknown, segments: readonly string[], depth: number): unknown {
  if (segments.length === 0) return node;
  if (!isObject(node) || depth > maxDepth) return undefined;
  const [head, ...rest] = segments as [string, ...string[]];
  if (Object.hasOwn(node, head)) {
    const found = walk(root, node[head], rest, depth + 1);
    if (found !== undefined) return found;
  }
  const ref = node.$ref;
  if (typeof ref === 'string') {
    const target = scopeSegments(ref);
    if (target) {
      const found = walk(root, walk(root, root, target, depth + 1), segments, depth + 1);
      if (found !== undefined) return found;
    }
  }
  for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = node[combinator];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const found = walk(root, branch, segments, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** One property of the form data, wherever it sits in nested objects and arrays. */
export interface SchemaProperty {
  /** JSON pointer of the property's schema inside the form definition, e.g. `/schema/properties/name`. */
  pointer: string;
  /** Property names from the root, array levels dropped, as JSON Forms builds i18n keys. */
  dataPath: string[];
  schema: SchemaObject;
  /** The translation key prefix JSON Forms uses: the schema's own `i18n`, else the dotted data path. */
  i18nPrefix: string;
}

/** Every property of the form's data schema, depth first, in document order. */
export function schemaProperties(schema: unknown, basePointer = '/schema'): SchemaProperty[] {
  const out: SchemaProperty[] = [];
  const visit = (node: unknown, pointer: string, dataPath: string[], depth: number): void => {
    if (!isObject(node) || depth > maxDepth) return;
    const properties = node.properties;
    if (isObject(properties)) {
      for (const [name, child] of Object.entries(properties)) {
        const childPointer = `${pointer}/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        const childPath = [...dataPath, name];
        if (isObject(child)) {
          const i18nPrefix = typeof child.i18n === 'string' ? child.i18n : childPath.join('.');
          out.push({ pointer: childPointer, dataPath: childPath, schema: child, i18nPrefix });
        }
        visit(child, childPointer, childPath, depth + 1);
      }
    }
    if (isObject(node.items)) visit(node.items, `${pointer}/items`, dataPath, depth + 1);
  };
  visit(schema, basePointer, [], 0);
  return out;
}

/** The expression type a value of this schema has, for checking computed fields. */
export function expressionTypeOf(schema: SchemaObject | boolean): 'number' | 'string' | 'bool' | 'list' | 'any' {
  if (typeof schema === 'boolean') return 'any';
  switch (schema.type) {
    case 'number':
    case 'integer':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'array':
      return 'list';
    default:
      return 'any';
  }
}
