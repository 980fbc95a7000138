import type { Context } from 'hono';
import type { Actor } from '../auth/actor';
import type { SessionCache } from '../auth/session-cache';
import type { AppDeps } from '../deps';
import { problems } from '../errors';

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    sessionCache: SessionCache;
    actor: Actor | null;
    /** Set when the request authenticated with the session cookie (so CSRF applies). */
    sessionCsrf: string | null;
  };
}

export type AppContext = Context<AppEnv>;

/** The signed-in actor, or a 401 problem. */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (actor === null) throw problems.unauthenticated();
  return actor;
}
