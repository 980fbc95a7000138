import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * A UUIDv7-shaped id: time-ordered, so "newest first" and cursor pagination are an index range on the id.
 * A per-millisecond counter keeps ids from one process strictly increasing.
 */
export function newId(nowMs = Date.now()): string {
  if (nowMs <= lastMs) {
    sequence++;
    nowMs = lastMs;
  } else {
    lastMs = nowMs;
    sequence = 0;
  }
  const time = nowMs.toString(16).padStart(12, '0');
  const counter = (0x7000 | (sequence & 0x0fff)).toString(16);
  const random = nextRandom();
  random[0] = (random[0]! & 0x3f) | 0x80;
  const tail = random.toString('hex');
  return `${time.slice(0, 8)}-${time.slice(8)}-${counter}-${tail.slice(0, 4)}-${tail.slice(4)}`;
}

// One randomBytes call per 512 ids: the per-call overhead showed up in command profiles.
let pool: Buffer = Buffer.alloc(0);
let offset = 0;
function nextRandom(): Buffer {
  if (offset + 8 > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  const slice = Buffer.from(pool.subarray(offset, offset + 8));
  offset += 8;
  return slice;
}
