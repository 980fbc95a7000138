/**
 * A small in-memory cache for the public pages: each entry is a serialised body with its ETag, kept for a
 * fixed time and then recomputed. There is no invalidation: a page may be up to `ttlMs` stale, which is
 * fine for tiers, menus and figures that change a few times a day. Concurrent misses of one key share one
 * computation, so a burst of residents opening the page after expiry runs the queries once.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface CachedBody {
  body: string;
  /** The body gzipped once, for the clients that accept it (every browser): the tier page is ~10× smaller. */
  gzip: Uint8Array<ArrayBuffer>;
  /** Weak: the same tag names the plain and the gzipped representation. */
  etag: string;
  /** When the body was computed (ms since epoch), for the `age` of the answer. */
  at: number;
}

interface Entry {
  expires: number;
  value: Promise<CachedBody>;
}

export class PublicCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 5000,
  ) {}

  get(key: string, compute: () => Promise<unknown>): Promise<CachedBody> {
    const at = this.now();
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.expires > at) return hit.value;
    const value = compute().then((result) => {
      const body = JSON.stringify(result);
      const gzip = new Uint8Array(gzipSync(body));
      return { body, gzip, etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, at };
    });
    // A failed computation is not cached: the next request tries again.
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    if (this.entries.size >= this.maxEntries) this.evictExpired(at);
    this.entries.set(key, { expires: at + this.ttlMs, value });
    return value;
  }

  private evictExpired(at: number): void {
    for (const [key, entry] of this.entries) if (entry.expires <= at) this.entries.delete(key);
    // Still full (many distinct keys, e.g. unit pages): drop the oldest insertions.
    for (const key of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}

const caches = new WeakMap<object, PublicCache>();

/** One cache per database handle, so two apps in one process (tests) never share entries. */
export function publicCacheFor(database: object, ttlMs: number): PublicCache {
  let cache = caches.get(database);
  if (cache === undefined) {
    cache = new PublicCache(ttlMs);
    caches.set(database, cache);
  }
  return cache;
}
