/**
 * Fills JSON Schema `default`s into data for keys that are absent, through nested objects, never
 * overwriting what is there. A new order starts as "normal" urgency, a room as "open to the public";
 * JSON Forms does not do this itself when it does not validate.
 *
 * @example withDefaults({ properties: { urgency: { default: 'normal' } } }, {}) // { urgency: 'normal' }
 */
export function withDefaults<T extends Record<string, unknown>>(schema: unknown, data: T): T {
  if (!isRecord(schema) || !isRecord(schema.properties)) return data;
  let out: Record<string, unknown> | undefined;
  for (const [key, property] of Object.entries(schema.properties)) {
    if (!isRecord(property)) continue;
    const current = data[key];
    let next: unknown = current;
    if (current === undefined && 'default' in property) next = structuredClone(property.default);
    else if (isRecord(current) || (current === undefined && property.type === 'object' && hasDefaultsBelow(property))) {
      next = withDefaults(property, isRecord(current) ? current : {});
      if (current === undefined && isRecord(next) && Object.keys(next).length === 0) next = undefined;
    }
    if (next !== current) {
      out ??= { ...data };
      out[key] = next;
    }
  }
  return (out ?? data) as T;
}

function hasDefaultsBelow(schema: Record<string, unknown>): boolean {
  return isRecord(schema.properties) && Object.values(schema.properties).some((p) => isRecord(p) && ('default' in p || hasDefaultsBelow(p)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
