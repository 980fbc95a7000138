import { problems } from '../errors';

/** The version in an If-Match header: `3`, `"3"` or `W/"3"`. Missing → 428; unreadable → 400. */
export function requireIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') throw problems.preconditionRequired();
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (match === null) throw problems.validation([{ pointer: '/header/if-match', code: 'invalid_format', message: 'If-Match must be the version number, e.g. "3"' }]);
  return Number(match[1]);
}

export function etag(version: number): string {
  return `"${version}"`;
}
