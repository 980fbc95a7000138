import { describe, expect, it } from 'vitest';
import { PublicCache, publicCacheFor } from '../../../server/public/cache';

describe('public cache', () => {
  it('serves one computation until the TTL passes, then recomputes; the ETag follows the body', async () => {
    let now = 1_000;
    let runs = 0;
    const cache = new PublicCache(60_000, () => now);
    const compute = async () => {
      runs++;
      return { page: 'same' };
    };
    const first = await cache.get('k', compute);
    now += 59_999;
    expect(await cache.get('k', compute)).toBe(first);
    expect(runs).toBe(1);
    now += 1;
    const second = await cache.get('k', compute);
    expect(runs).toBe(2);
    expect(second.etag).toBe(first.etag);
    const other = await cache.get('other', async () => ({ run: 'different' }));
    expect(other.etag).not.toBe(first.etag);
  });

  it('concurrent misses share one computation; a failure is not cached', async () => {
    const cache = new PublicCache(60_000, () => 0);
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = async () => {
      runs++;
      await gate;
      return { ok: true };
    };
    const pending = Array.from({ length: 20 }, () => cache.get('k', slow));
    release();
    const answers = await Promise.all(pending);
    expect(runs).toBe(1);
    expect(new Set(answers.map((answer) => answer.body))).toEqual(new Set(['{"ok":true}']));

    await expect(cache.get('bad', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await new Promise((resolve) => setImmediate(resolve));
    expect((await cache.get('bad', async () => ({ recovered: true }))).body).toBe('{"recovered":true}');
  });

  it('keeps at most its bound of entries, and one cache per database handle', async () => {
    const cache = new PublicCache(60_000, () => 0, 3);
    for (const key of ['a', 'b', 'c', 'd', 'e']) await cache.get(key, async () => key);
    expect((cache as unknown as { entries: Map<string, unknown> }).entries.size).toBeLessThanOrEqual(3);
    const one = {};
    expect(publicCacheFor(one, 1000)).toBe(publicCacheFor(one, 1000));
    expect(publicCacheFor({}, 1000)).not.toBe(publicCacheFor(one, 1000));
  });
});
