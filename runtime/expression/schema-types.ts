import type { Environment } from '@marcbachmann/cel-js';

export type JsonSchema = Record<string, unknown>;

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_DEPTH = 12;

/**
 * Maps a JSON Schema onto a CEL type, registering a structured type for every object with declared
 * properties so that a misspelt field fails the check. The mapping:
 * - `number` and `integer` → `double` (JSON has one number type; see the number rules in definitions/README.md)
 * - `string` (any format) → `string`; `boolean` → `bool`
 * - `array` with `items` → `list<T>`; without → `list<dyn>`
 * - `object` with `properties` → a structured type; with only `additionalProperties` → `map<string, T>`
 * - a nullable single type (`["string", "null"]`) → that type; anything else (unions, `oneOf`, unresolved `$ref`) → `dyn`
 */
export function registerSchemaType(env: Environment, typeName: string, schema: unknown, root: unknown = schema): string {
  return new SchemaTypeMapper(env, root).map(schema, typeName, 0);
}

class SchemaTypeMapper {
  private readonly used = new Set<string>();

  constructor(
    private readonly env: Environment,
    private readonly root: unknown,
  ) {}

  map(schema: unknown, name: string, depth: number): string {
    if (!isObject(schema) || depth > MAX_DEPTH) return 'dyn';
    if (typeof schema.$ref === 'string') return this.map(this.resolve(schema.$ref), name, depth + 1);
    switch (this.singleType(schema)) {
      case 'string':
        return 'string';
      case 'number':
      case 'integer':
        return 'double';
      case 'boolean':
        return 'bool';
      case 'array':
        return isObject(schema.items) ? `list<${this.map(schema.items, `${name}.$item`, depth + 1)}>` : 'list<dyn>';
      case 'object':
        return this.object(schema, name, depth);
      default:
        return 'dyn';
    }
  }

  private object(schema: JsonSchema, name: string, depth: number): string {
    const properties = isObject(schema.properties) ? schema.properties : undefined;
    if (!properties || Object.keys(properties).length === 0) {
      const extra = schema.additionalProperties;
      return isObject(extra) ? `map<string, ${this.map(extra, `${name}.$value`, depth + 1)}>` : 'map<string, dyn>';
    }
    const fields: Record<string, string> = {};
    for (const [key, property] of Object.entries(properties)) {
      fields[key] = this.map(property, `${name}.${key}`, depth + 1);
    }
    const typeName = this.uniqueName(name);
    this.env.registerType(typeName, { fields });
    return typeName;
  }

  /** Type names end up inside `list<…>` and `map<…>` strings, so only name-safe characters survive. */
  private uniqueName(name: string): string {
    const safe = name.replace(/[^A-Za-z0-9_$.]/g, '_');
    let candidate = safe;
    for (let i = 2; this.used.has(candidate); i++) candidate = `${safe}_${i}`;
    this.used.add(candidate);
    return candidate;
  }

  /** The one JSON type a schema allows, ignoring `null`; undefined when it allows several or says nothing usable. */
  private singleType(schema: JsonSchema): string | undefined {
    const declared = schema.type;
    if (typeof declared === 'string') return declared;
    if (Array.isArray(declared)) {
      const nonNull = declared.filter((t) => t !== 'null');
      return nonNull.length === 1 && typeof nonNull[0] === 'string' ? nonNull[0] : undefined;
    }
    if (isObject(schema.properties)) return 'object';
    if (isObject(schema.items)) return 'array';
    const values = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : [];
    const kinds = new Set(values.map((v) => (typeof v === 'number' ? 'number' : typeof v)));
    if (kinds.size === 1) {
      const [kind] = kinds;
      if (kind === 'string' || kind === 'number' || kind === 'boolean') return kind;
    }
    return undefined;
  }

  /** Local references only (`#/definitions/x`, `#/$defs/x`): definitions never fetch anything. */
  private resolve(ref: string): unknown {
    if (!ref.startsWith('#')) return undefined;
    let node: unknown = this.root;
    for (const raw of ref.slice(1).split('/').slice(1)) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
      node = node[key];
    }
    return node;
  }
}
