/**
 * The public pages' API: no sign-in, read-only, cached. The session middleware lets /api/public/ through
 * without looking at cookies or tokens, so the answer never depends on who asks and can be cached whole.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { newRouter } from '../../http/router';
import { publicCacheFor } from '../../public/cache';
import { publicFigures, publicMenu, publicUnits, publishedTiers, unitPage } from '../../public/queries';
import { publicFiguresRoute, publicMenuRoute, publicTiersRoute, publicUnitRoute, publicUnitsRoute } from './schema';

/** How long a computed page is served before it is recomputed (server) and how long browsers may reuse it. */
export const publicTtlSeconds = 60;

function cacheOf(c: Context<AppEnv>) {
  return publicCacheFor(c.get('deps').database, publicTtlSeconds * 1000);
}

/** Serves a cached body with its ETag, or 304 when the client already holds it. */
async function serve(c: Context<AppEnv>, key: string, compute: () => Promise<unknown>) {
  const cached = await cacheOf(c).get(key, compute);
  const headers = { etag: cached.etag, 'cache-control': `public, max-age=${publicTtlSeconds}`, vary: 'accept-encoding' };
  const match = c.req.header('if-none-match');
  const bare = cached.etag.replace(/^W\//, '');
  if (match !== undefined && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare)) return c.body(null, 304, headers);
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return c.body(cached.gzip, 200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip' });
  return c.body(cached.body, 200, { ...headers, 'content-type': 'application/json; charset=utf-8' });
}

const figures = (c: Context<AppEnv>) => cacheOf(c).get('figures', () => publicFigures(c.get('deps').database.db));

export const publicRoutes = newRouter()
  .openapi(publicUnitsRoute, (c) => serve(c, 'units', async () => ({ units: await publicUnits(c.get('deps').database.db) })))
  .openapi(publicUnitRoute, (c) => {
    const { id } = c.req.valid('param');
    return serve(c, `unit:${id}`, async () => unitPage(c.get('deps').database.db, id, c.get('deps').clock(), (JSON.parse((await figures(c)).body) as Awaited<ReturnType<typeof publicFigures>>).units));
  })
  .openapi(publicTiersRoute, (c) => {
    const { year } = c.req.valid('query');
    return serve(c, `tiers:${year ?? 'latest'}`, () => publishedTiers(c.get('deps').database.db, year));
  })
  .openapi(publicMenuRoute, (c) => serve(c, 'menu', () => publicMenu(c.get('deps').database.db)))
  .openapi(publicFiguresRoute, (c) => serve(c, 'figures', () => publicFigures(c.get('deps').database.db)));
