import type { Context, Next } from 'hono';
import { getCookie } from 'hono/cookie';
import { bearerActor } from '../auth/api-tokens';
import { loadSession } from '../auth/sessions';
import { problems } from '../errors';
import type { AppEnv } from './env';

export const sessionCookie = 'sid';
export const csrfCookie = 'csrf';

/** Resolves the session cookie to an actor; an unknown cookie is the same as none. */
export const sessionMiddleware = async (c: Context<AppEnv>, next: Next): Promise<void> => {
  c.set('actor', null);
  c.set('sessionCsrf', null);
  // The public pages are anonymous whoever asks: no cookie or token is looked at, so answers are cacheable.
  if (c.req.path.startsWith('/api/public/')) return next();
  const deps = c.get('deps');
  // Integrators: a bearer API token stands instead of the cookie (and, having no cookie, needs no CSRF token).
  if (c.req.header('authorization') !== undefined) {
    const bearer = await bearerActor(c, deps.database.db, deps.clock());
    if (bearer !== undefined) {
      c.set('actor', bearer);
      return next();
    }
  }
  const token = getCookie(c, sessionCookie);
  if (token !== undefined && token.length > 0) {
    const now = deps.clock();
    const cache = c.get('sessionCache');
    let session = cache.get(token, now.getTime()) ?? null;
    if (session === null) {
      session = await loadSession(deps.database.db, token, now);
      if (session !== null) cache.set(token, session, now.getTime());
    }
    if (session !== null) {
      c.set('actor', session.actor);
      c.set('sessionCsrf', session.csrfToken);
    }
  }
  await next();
};

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated mutations must echo the csrf cookie in X-CSRF-Token, and it must be this session's
 * token: a cross-site form can send the cookie but cannot read it to fill the header.
 */
export const csrfMiddleware = async (c: Context<AppEnv>, next: Next): Promise<void> => {
  const expected = c.get('sessionCsrf');
  if (expected !== null && !safeMethods.has(c.req.method)) {
    const header = c.req.header('x-csrf-token');
    if (header !== expected) throw problems.csrf();
  }
  await next();
};
