import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Hono } from 'hono';
import { SessionCache } from './auth/session-cache';
import type { AppDeps } from './deps';
import { createErrorHandler, notFoundHandler, problemResponse, problems } from './errors';
import type { AppEnv } from './http/env';
import { newRouter } from './http/router';
import { headerFirstBodyLimit } from './http/body-limit';
import { addSecurityHeaders } from './http/secure-headers';
import { csrfMiddleware, sessionMiddleware } from './http/session-middleware';
import { attachmentRoutes } from './routes/attachments/attachments';
import { authRoutes } from './routes/auth/auth';
import { referencePage } from './routes/docs/reference-page';
import { bundleRoutes } from './routes/bundles/bundles';
import { definitionRoutes } from './routes/definitions/definitions';
import { formRoutes } from './routes/forms/forms';
import { healthRoutes } from './routes/health/health';
import { publicRoutes } from './routes/public/public';
import { instanceRoutes } from './routes/instances/instances';
import { taskRoutes } from './routes/tasks/tasks';
import { teamRoutes } from './routes/teams/teams';
import { orgUnitRoutes } from './routes/org-units/org-units';
import { userRoutes } from './routes/users/users';
import { assessmentRoutes } from './routes/assessments/assessments';
import { cycleRoutes } from './routes/cycles/cycles';
import { rubricRoutes } from './routes/rubrics/rubrics';
import { tokenRoutes } from './routes/tokens/tokens';
import { recordRoutes } from './routes/records/records';
import { reportRoutes } from './routes/reports/reports';
import { webhookRoutes } from './routes/webhooks/webhooks';
import { activityRoutes } from './routes/records/activities';
import { needsRoutes } from './routes/needs/needs';
import { wishRoutes } from './routes/wishes/wishes';
import { notificationRoutes } from './routes/notifications/notifications';
import { storeRoutes } from './routes/store/store';

/**
 * The whole HTTP application, independent of how it is served: main.ts wraps it in a Node server, tests
 * serve it on a random port.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = newRouter();
  app.onError(createErrorHandler(deps.log));
  app.notFound(notFoundHandler);

  // One middleware for every request and one for every API request rather than one per concern: each
  // is an entry the router collects and an async step of Hono's compose, on every request.
  const sessionCache = new SessionCache();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('sessionCache', sessionCache);
    await next();
    addSecurityHeaders(c);
  });
  const limitTo = (limit: number) => headerFirstBodyLimit(limit, (ctx) => problemResponse(ctx, problems.payloadTooLarge(limit).problem));
  const jsonLimit = limitTo(deps.bodyLimitBytes);
  const attachmentLimit = limitTo(deps.attachmentLimitBytes);
  app.use('/api/*', (c, next) => {
    // Attachments carry their own, larger limit; signing in needs no CSRF token (there is no session yet).
    const limit = c.req.path.startsWith('/api/attachments') ? attachmentLimit : jsonLimit;
    const csrf = c.req.path === '/api/auth/login' ? next : () => csrfMiddleware(c, next);
    return limit(c, () => sessionMiddleware(c, csrf));
  });

  app.route('/api', healthRoutes);
  app.route('/api', publicRoutes);
  app.route('/api', authRoutes);
  app.route('/api', orgUnitRoutes);
  app.route('/api', userRoutes);
  app.route('/api', definitionRoutes);
  app.route('/api', bundleRoutes);
  app.route('/api', instanceRoutes);
  app.route('/api', taskRoutes);
  app.route('/api', teamRoutes);
  app.route('/api', formRoutes);
  app.route('/api', attachmentRoutes);
  app.route('/api', cycleRoutes);
  app.route('/api', assessmentRoutes);
  app.route('/api', rubricRoutes);
  app.route('/api', tokenRoutes);
  app.route('/api', recordRoutes);
  app.route('/api', reportRoutes);
  app.route('/api', webhookRoutes);
  app.route('/api', activityRoutes);
  app.route('/api', needsRoutes);
  app.route('/api', wishRoutes);
  app.route('/api', notificationRoutes);
  app.route('/api', storeRoutes);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Shijian API',
      version: '1',
      description: '新时代文明实践 low-code platform. Errors are application/problem+json (RFC 9457). Cookie-authenticated mutations need X-CSRF-Token.',
    },
  });
  app.get('/api/docs', (c) => c.html(referencePage));
  app.all('/api/*', notFoundHandler);

  if (deps.studioDir !== null && existsSync(join(deps.studioDir, 'index.html'))) mountStudio(app, deps.studioDir);
  return app;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Static files of the built studio, with index.html for every other non-API path (client-side routes). */
function mountStudio(app: Hono<AppEnv>, root: string): void {
  const index = readFileSync(join(root, 'index.html'));
  app.get('*', (c) => {
    const relative = normalize(decodeURIComponent(c.req.path)).replace(/^([/\\])+/, '');
    const file = join(root, relative);
    if (relative !== '' && !relative.startsWith('..') && existsSync(file) && statSync(file).isFile()) {
      const cache = relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return c.body(readFileSync(file), 200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
    }
    return c.body(index, 200, { 'content-type': contentTypes['.html']!, 'cache-control': 'no-cache' });
  });
}
