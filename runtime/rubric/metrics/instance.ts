/**
 * The id under which a metric value is frozen: the key alone without parameters, else the key and the
 * parameters as canonical JSON (keys sorted), so `{a:1,b:2}` and `{b:2,a:1}` share one value.
 *
 * @example metricInstanceId('rooms-count', { minCapacity: 20 }) // 'rooms-count{"minCapacity":20}'
 */
export function metricInstanceId(key: string, params: Record<string, unknown> | undefined): string {
  if (params === undefined || Object.keys(params).length === 0) return key;
  return `${key}${canonicalJson(params)}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
