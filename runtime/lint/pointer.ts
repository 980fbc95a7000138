/** RFC 6901 helpers: every problem names its place in the document as a JSON pointer. */

export type PathSegment = string | number;

/** Escapes one reference token (`~` → `~0`, `/` → `~1`). */
export function escapeToken(token: PathSegment): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `['members', 0, 'key']` → `/members/0/key`; `[]` → `''` (the whole document). */
export function toPointer(path: readonly PathSegment[]): string {
  return path.map((segment) => `/${escapeToken(segment)}`).join('');
}

/** Appends segments to an existing pointer. */
export function childPointer(pointer: string, ...segments: PathSegment[]): string {
  return pointer + toPointer(segments);
}
