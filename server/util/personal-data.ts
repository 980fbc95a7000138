/**
 * Masks the values of fields marked `"x-personal": true` in a form's JSON Schema (phone numbers, ID
 * numbers), recursively through objects and arrays, for readers who must not see them.
 */
export function maskPersonal(schema: unknown, data: unknown): unknown {
  if (schema === null || typeof schema !== 'object') return data;
  const node = schema as { 'x-personal'?: unknown; properties?: Record<string, unknown>; items?: unknown };
  if (node['x-personal'] === true) return data === undefined ? undefined : '***';
  if (Array.isArray(data)) return data.map((item) => maskPersonal(node.items, item));
  if (data !== null && typeof data === 'object' && node.properties !== undefined) {
    const masked: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) masked[key] = maskPersonal(node.properties[key], value);
    return masked;
  }
  return data;
}
