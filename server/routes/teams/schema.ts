import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses } from '../../http/router';

export const TeamSchema = z
  .object({ id: z.string(), orgUnitId: z.string(), teamType: z.string(), name: z.string(), leaderUserId: z.string().nullable(), memberCount: z.number().int() })
  .openapi('Team');

export const listTeamsRoute = createRoute({
  method: 'get',
  path: '/teams',
  tags: ['teams'],
  summary: 'Volunteer teams serving your area (for dispatch) and your own teams',
  request: { query: z.object({ teamType: z.string().max(80).optional() }) },
  responses: { 200: jsonContent(z.object({ items: z.array(TeamSchema) }), 'Teams'), ...problemResponses(400, 401) },
});
