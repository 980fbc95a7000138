import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses } from '../../http/router';

export const TeamStatsSchema = z
  .object({
    openOrders: z.number().int().openapi({ description: 'Orders now dispatched to the team, accepted or in service' }),
    completed30d: z.number().int().openapi({ description: 'Services completed in the last 30 days' }),
    averageRating: z.number().nullable().openapi({ description: 'Mean stars of its orders rated in the last 365 days (one decimal), null when none was' }),
    ratedOrders: z.number().int().openapi({ description: 'Its orders rated in the last 365 days (an order rated again after a reopening counts once, with its latest stars)' }),
    onTimeRate: z.number().nullable().openapi({ description: 'Share of accept and arrival steps closed by their due time in the last 30 days (0–1), null when none' }),
  })
  .openapi('TeamStats');

export const TeamSchema = z
  .object({
    id: z.string(),
    orgUnitId: z.string(),
    teamType: z.string(),
    name: z.string(),
    leaderUserId: z.string().nullable(),
    memberCount: z.number().int(),
    stats: TeamStatsSchema.optional().openapi({ description: 'With ?stats=1 only' }),
  })
  .openapi('Team');

export const listTeamsRoute = createRoute({
  method: 'get',
  path: '/teams',
  tags: ['teams'],
  summary: 'Volunteer teams serving your area (for dispatch) and your own teams; ?unit= those able to serve that unit; ?stats=1 with load and record',
  request: {
    query: z.object({
      teamType: z.string().max(80).optional(),
      unit: z.string().min(1).max(64).optional().openapi({ description: 'Only teams of this unit and of the units above it' }),
      stats: z.enum(['0', '1']).optional(),
    }),
  },
  responses: { 200: jsonContent(z.object({ items: z.array(TeamSchema) }), 'Teams'), ...problemResponses(400, 401, 404) },
});

export const teamStatsRoute = createRoute({
  method: 'get',
  path: '/teams/{id}/stats',
  tags: ['teams'],
  summary: "One visible team's load and record: open orders, completed in 30 days, average rating, on-time rate",
  request: { params: z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: jsonContent(TeamStatsSchema.extend({ teamId: z.string() }), 'Stats'), ...problemResponses(401, 404) },
});
