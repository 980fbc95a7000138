/**
 * Three spellings of one field: a UI-schema scope (`#/properties/address/properties/town`), a JSON
 * Forms data path (`address.town`, rows as `rows.0.name`) and a JSON pointer (`/address/town`). The
 * form store keys everything by data path because that is what every renderer already receives.
 */

/** `#/properties/a/properties/b` → `a.b`; `#` → ``. */
export function scopeToPath(scope: string): string {
  const parts = scope.replace(/^#\/?/, '').split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === 'properties' || part === 'items') continue;
    out.push(decodePointerToken(part));
  }
  return out.join('.');
}

/** `/rows/0/name` → `rows.0.name` */
export function pointerToPath(pointer: string): string {
  return pointer.split('/').filter(Boolean).map(decodePointerToken).join('.');
}

/** `rows.0.name` → `/rows/0/name` */
export function pathToPointer(path: string): string {
  return path ? '/' + path.split('.').map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/') : '';
}

function decodePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Reads a value at a data path. */
export function getAtPath(data: unknown, path: string): unknown {
  if (!path) return data;
  let cursor: unknown = data;
  for (const key of path.split('.')) {
    if (cursor === null || typeof cursor !== 'object') return undefined;
    cursor = (cursor as Record<string, unknown>)[key];
  }
  return cursor;
}
