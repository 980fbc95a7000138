import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '../../http/router';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const ReportSchema = z
  .object({
    title: z.object({ 'zh-CN': z.string(), en: z.string() }),
    period: z.object({ from: z.string(), to: z.string() }).nullable(),
    columns: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string() })),
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  })
  .openapi('Report');

export const ReportQuery = z.object({
  from: IsoDay.optional().openapi({ description: 'first day (default: 1 January of this year)' }),
  to: IsoDay.optional().openapi({ description: 'last day, inclusive (default: today)' }),
  cycleId: z.string().max(64).optional().openapi({ description: 'tiers: the assessment cycle (default: the latest)' }),
  minPerMonth: z.coerce.number().int().min(1).max(31).default(4).openapi({ description: 'activity cadence: activities a month counts as "weekly"' }),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

export const reportNames = ['tiers', 'order-funnel', 'activity-cadence', 'volunteer-hours', 'meeting-cadence'] as const;

export const reportRoute = createRoute({
  method: 'get',
  path: '/reports/{name}',
  tags: ['reports'],
  summary: 'A report over your org scope and a period: tiers, order-funnel, activity-cadence, volunteer-hours, meeting-cadence. ?format=csv|xlsx downloads it with Chinese headers',
  request: { params: z.object({ name: z.enum(reportNames).openapi({ param: { name: 'name', in: 'path' } }) }), query: ReportQuery },
  responses: {
    200: {
      description: 'The report',
      content: {
        'application/json': { schema: ReportSchema },
        'text/csv': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

