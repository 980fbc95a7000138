import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { verifyPassword } from '../../auth/passwords';
import { createSession, deleteSession, loadActor } from '../../auth/sessions';
import { appendAudit } from '../../db/repositories/audit-repository';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { newRouter } from '../../http/router';
import { csrfCookie, sessionCookie } from '../../http/session-middleware';
import { presentSessionUser } from '../../presenters/user-presenter';
import { loginRoute, logoutRoute, meRoute } from './schema';

export const authRoutes = newRouter()
  .openapi(loginRoute, async (c) => {
    const deps = c.get('deps');
    const { username, password } = c.req.valid('json');
    const now = deps.clock();
    const address = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? 'local';
    const keys = [`user:${username.toLowerCase()}`, `addr:${address}`];
    const wait = Math.max(...keys.map((key) => deps.loginLimiter.retryAfter(key, now.getTime())));
    if (wait > 0) throw problems.tooManyRequests(wait);
    const db = deps.database.db;
    const user = await db.selectFrom('users').selectAll().where('username', '=', username).where('active', '=', 1).executeTakeFirst();
    if (!(await verifyPassword(user?.password_hash ?? null, password)) || user === undefined) {
      for (const key of keys) deps.loginLimiter.fail(key, now.getTime());
      throw problems.badCredentials();
    }
    deps.loginLimiter.succeed(keys[0]!);
    const session = await db.transaction().execute(async (trx) => {
      // Expired sessions are swept here, where sessions are made, so the table stays the size of the live ones.
      await trx.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
      const created = await createSession(trx, user.id, now, deps.sessionTtlMs);
      await appendAudit(trx, { actorId: user.id, action: 'auth.login', targetType: 'user', targetId: user.id, beforeHash: null, afterHash: null, at: now.toISOString() });
      return created;
    });
    const cookie = { path: '/', sameSite: 'Lax', secure: deps.secureCookies, maxAge: Math.floor(deps.sessionTtlMs / 1000) } as const;
    setCookie(c, sessionCookie, session.token, { ...cookie, httpOnly: true });
    setCookie(c, csrfCookie, session.csrfToken, { ...cookie, httpOnly: false });
    const actor = await loadActor(db, user.id, user.username, user.display_name);
    return c.json({ user: presentSessionUser(actor) }, 200);
  })
  .openapi(logoutRoute, async (c) => {
    const deps = c.get('deps');
    const token = getCookie(c, sessionCookie);
    const actor = c.get('actor');
    if (token !== undefined) {
      c.get('sessionCache').delete(token);
      await deps.database.db.transaction().execute(async (trx) => {
        await deleteSession(trx, token);
        if (actor !== null) {
          await appendAudit(trx, { actorId: actor.userId, action: 'auth.logout', targetType: 'user', targetId: actor.userId, beforeHash: null, afterHash: null, at: deps.clock().toISOString() });
        }
      });
    }
    deleteCookie(c, sessionCookie, { path: '/' });
    deleteCookie(c, csrfCookie, { path: '/' });
    return c.body(null, 204);
  })
  .openapi(meRoute, (c) => c.json({ user: presentSessionUser(requireActor(c)) }, 200));
