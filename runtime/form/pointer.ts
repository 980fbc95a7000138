/** RFC 6901 helpers for the form runtime. */

export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, token: string | number): string {
  return `${base}/${escapeToken(String(token))}`;
}

/** Keys that would reach an object's prototype if a careless merge assigned them. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Property names a `#/properties/a/properties/b` scope writes to (['a', 'b']); undefined for scopes that
 * pass through anything but nested `properties`, which a computed value cannot target.
 */
export function scopeToPath(scope: string): string[] | undefined {
  if (!scope.startsWith('#/')) return undefined;
  const tokens = scope.slice(2).split('/').map(unescapeToken);
  if (tokens.length === 0 || tokens.length % 2 !== 0) return undefined;
  const path: string[] = [];
  for (let i = 0; i < tokens.length; i += 2) {
    const name = tokens[i + 1];
    if (tokens[i] !== 'properties' || name === undefined || name === '') return undefined;
    path.push(name);
  }
  return path;
}
