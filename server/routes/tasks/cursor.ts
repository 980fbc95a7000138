import type { InboxPosition } from '../../db/repositories/inbox-query';

/**
 * The inbox cursor: where the last page ended, as base64url of `[dueAt | null, id]`. Opaque to clients;
 * decoding is strict so a tampered or truncated cursor is refused (400), never read as "from the start".
 */
export function encodeInboxCursor(position: InboxPosition): string {
  return Buffer.from(JSON.stringify([position.dueAt, position.id])).toString('base64url');
}

export function decodeInboxCursor(cursor: string): InboxPosition | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [dueAt, id] = parsed as unknown[];
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return null;
  // Any stored due text is accepted: the walk compares it as the index does.
  if (dueAt !== null && (typeof dueAt !== 'string' || dueAt.length === 0 || dueAt.length > 64)) return null;
  return { dueAt, id };
}
