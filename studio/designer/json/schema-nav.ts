/**
 * Walks the published JSON Schemas (definitions/schemas, generated from the zod schemas) to a place in a
 * document: which properties an object there may have and which values a value there may take. Handles
 * what the generator emits: local `$ref`s into `$defs`, `anyOf`/`oneOf`/`allOf`, `items`,
 * `properties`, `additionalProperties`; union branches are narrowed by the literal values already typed
 * (e.g. `"mode": "metric"` keeps only the metric scoring branch).
 */

export interface JsonSchemaNode {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  additionalProperties?: boolean | JsonSchemaNode;
  items?: JsonSchemaNode | JsonSchemaNode[];
  prefixItems?: JsonSchemaNode[];
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  allOf?: JsonSchemaNode[];
  enum?: unknown[];
  const?: unknown;
  required?: string[];
  description?: string;
  title?: string;
  default?: unknown;
  $defs?: Record<string, JsonSchemaNode>;
}

export type PathSegment = string | number;

/** Literal property values already present in the object being completed, for narrowing unions. */
export type Known = Readonly<Record<string, unknown>>;

function deref(node: JsonSchemaNode, root: JsonSchemaNode, seen = new Set<string>()): JsonSchemaNode {
  if (!node.$ref) return node;
  const match = /^#\/\$defs\/(.+)$/.exec(node.$ref);
  const target = match ? root.$defs?.[decodeURIComponent(match[1]!)] : undefined;
  if (!target || seen.has(node.$ref)) return node;
  seen.add(node.$ref);
  // Sibling keywords (description, default) sit beside a $ref in the generated schemas: keep them.
  const { $ref: _ref, ...rest } = node;
  return { ...deref(target, root, seen), ...rest };
}

/** The alternatives a node stands for, with references resolved and unions and intersections flattened. */
export function alternatives(node: JsonSchemaNode, root: JsonSchemaNode, depth = 0): JsonSchemaNode[] {
  if (depth > 16) return [];
  const resolved = deref(node, root);
  const union = resolved.anyOf ?? resolved.oneOf;
  if (union) {
    const { anyOf: _a, oneOf: _o, ...rest } = resolved;
    return union.flatMap((branch) => alternatives({ ...rest, ...branch }, root, depth + 1));
  }
  if (resolved.allOf) {
    const { allOf, ...rest } = resolved;
    const merged = allOf.reduce<JsonSchemaNode>((acc, part) => {
      const p = alternatives(part, root, depth + 1)[0] ?? {};
      return { ...acc, ...p, properties: { ...acc.properties, ...p.properties }, required: [...(acc.required ?? []), ...(p.required ?? [])] };
    }, rest);
    return [merged];
  }
  return [resolved];
}

function literalsOf(node: JsonSchemaNode, root: JsonSchemaNode): unknown[] | undefined {
  const values: unknown[] = [];
  for (const alt of alternatives(node, root)) {
    if ('const' in alt) values.push(alt.const);
    else if (alt.enum) values.push(...alt.enum);
    else return undefined;
  }
  return values;
}

/** Drops union branches whose literal properties contradict what is already typed. */
function narrow(branches: JsonSchemaNode[], root: JsonSchemaNode, known: Known): JsonSchemaNode[] {
  const kept = branches.filter((branch) =>
    Object.entries(known).every(([name, value]) => {
      const property = branch.properties?.[name];
      if (!property) return branch.additionalProperties !== false || !branch.properties;
      // A value that is not a literal (an object, or not typed yet) says nothing about the branch.
      if (value === undefined || (typeof value === 'object' && value !== null)) return true;
      const literals = literalsOf(property, root);
      return literals === undefined || literals.some((l) => l === value);
    }),
  );
  return kept.length > 0 ? kept : branches;
}

function child(node: JsonSchemaNode, segment: PathSegment, root: JsonSchemaNode): JsonSchemaNode[] {
  const found: JsonSchemaNode[] = [];
  for (const alt of alternatives(node, root)) {
    if (typeof segment === 'number') {
      if (Array.isArray(alt.items)) {
        const item = alt.items[segment];
        if (item) found.push(item);
      } else if (alt.prefixItems?.[segment]) found.push(alt.prefixItems[segment]);
      else if (alt.items && !Array.isArray(alt.items)) found.push(alt.items);
      continue;
    }
    const property = alt.properties?.[segment];
    if (property) found.push(property);
    else if (alt.additionalProperties && typeof alt.additionalProperties === 'object') found.push(alt.additionalProperties);
  }
  return found;
}

/** The schema nodes that may describe the value at `path` (several when a union is not decided yet). */
export function nodesAt(root: JsonSchemaNode, path: readonly PathSegment[], knownAlong: readonly Known[] = []): JsonSchemaNode[] {
  let nodes: JsonSchemaNode[] = [root];
  path.forEach((segment, i) => {
    const known = knownAlong[i];
    nodes = nodes.flatMap((node) => {
      const branches = alternatives(node, root);
      return (known ? narrow(branches, root, known) : branches).flatMap((branch) => child(branch, segment, root));
    });
  });
  return nodes;
}

export interface PropertySuggestion {
  name: string;
  required: boolean;
  description?: string;
  /** A starting value matching the property's type, inserted after the colon. */
  template: string;
}

function templateFor(node: JsonSchemaNode, root: JsonSchemaNode): string {
  const alts = alternatives(node, root);
  const first = alts[0];
  if (!first) return 'null';
  const literals = literalsOf(node, root);
  if (literals && literals.length === 1) return JSON.stringify(literals[0]);
  const type = Array.isArray(first.type) ? first.type[0] : first.type;
  if (type === 'object' || first.properties) return '{}';
  if (type === 'array') return '[]';
  if (type === 'string') return '""';
  if (type === 'boolean') return 'false';
  if (type === 'number' || type === 'integer') return '0';
  return 'null';
}

/** Properties an object at `path` may have, minus those it has; required ones first. */
export function propertiesAt(root: JsonSchemaNode, path: readonly PathSegment[], present: Known, knownAlong: readonly Known[] = []): PropertySuggestion[] {
  const objects = narrow(nodesAt(root, path, knownAlong).flatMap((n) => alternatives(n, root)), root, present).filter((n) => n.properties);
  const seen = new Map<string, PropertySuggestion>();
  for (const object of objects) {
    const required = new Set(object.required ?? []);
    for (const [name, node] of Object.entries(object.properties ?? {})) {
      if (name in present || seen.has(name)) continue;
      const resolved = deref(node, root);
      seen.set(name, { name, required: required.has(name), description: resolved.description ?? resolved.title, template: templateFor(node, root) });
    }
  }
  return [...seen.values()].sort((a, b) => Number(b.required) - Number(a.required));
}

/** Values a value at `path` may take when the schema lists them (enums, consts, booleans). */
export function valuesAt(root: JsonSchemaNode, path: readonly PathSegment[], knownAlong: readonly Known[] = []): unknown[] {
  const values: unknown[] = [];
  for (const node of nodesAt(root, path, knownAlong)) {
    for (const alt of alternatives(node, root)) {
      if ('const' in alt) values.push(alt.const);
      else if (alt.enum) values.push(...alt.enum);
      else if (alt.type === 'boolean') values.push(true, false);
    }
  }
  return [...new Set(values)];
}
