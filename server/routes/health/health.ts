import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { jsonContent, newRouter } from '../../http/router';

const Health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), time: z.string() }).openapi('Health');

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness and database reachability',
  responses: { 200: jsonContent(Health, 'Up') },
});

export const healthRoutes = newRouter().openapi(healthRoute, async (c) => {
  const deps = c.get('deps');
  await sql`select 1`.execute(deps.database.db);
  return c.json({ status: 'ok' as const, database: deps.database.capabilities.name, time: deps.clock().toISOString() }, 200);
});
