import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;
/** The time fields of `lastMs`, formatted once per millisecond. */
let timePart = '00000000-0000';

/**
 * A UUIDv7-shaped id: time-ordered, so "newest first" and cursor pagination are an index range on the id.
 * A per-millisecond counter keeps ids from one process strictly increasing.
 */
export function newId(nowMs = Date.now()): string {
  if (nowMs <= lastMs) {
    sequence++;
  } else {
    lastMs = nowMs;
    sequence = 0;
    const time = nowMs.toString(16).padStart(12, '0');
    timePart = `${time.slice(0, 8)}-${time.slice(8)}`;
  }
  const counter = (0x7000 | (sequence & 0x0fff)).toString(16);
  if (offset + 8 > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  const r = offset;
  offset += 8;
  // The variant bits go into the first random byte; the pool itself is read, never written or copied.
  const variant = hex[(pool[r]! & 0x3f) | 0x80]! + hex[pool[r + 1]!]!;
  const tail = hex[pool[r + 2]!]! + hex[pool[r + 3]!]! + hex[pool[r + 4]!]! + hex[pool[r + 5]!]! + hex[pool[r + 6]!]! + hex[pool[r + 7]!]!;
  return `${timePart}-${counter}-${variant}-${tail}`;
}

// One randomBytes call per 512 ids, and bytes to hex by table instead of a Buffer per id: both showed up
// in command profiles (a command makes several ids).
let pool: Buffer = Buffer.alloc(0);
let offset = 0;
const hex: readonly string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
