import { hash } from 'node:crypto';

/** JSON with object keys sorted at every depth: equal values give equal text, so hashes are stable. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

// One-shot: a command hashes three texts (its request, the snapshot before and after), and building a
// Hash object for each cost a third more than the hashing.
export function sha256(text: string | Buffer): string {
  return hash('sha256', text, 'hex');
}

export function hashOf(value: unknown): string {
  return sha256(canonicalJson(value));
}
