import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses } from '../../http/router';

const Localized = z.record(z.string(), z.string());
const Unit = z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable(), level: z.string() });
const Figures = z
  .object({ volunteers: z.number().int(), volunteerHours: z.number(), ordersServed: z.number().int(), ratings: z.number().int(), satisfaction: z.number().nullable() })
  .openapi('PublicFigures');
const cached = { 304: { description: 'Not modified (If-None-Match matched the ETag)' } };
const tags = ['public'];

export const publicUnitsRoute = createRoute({
  method: 'get',
  path: '/public/units',
  tags,
  summary: 'Institutes and stations (names only), no sign-in; cached',
  responses: { 200: jsonContent(z.object({ units: z.array(Unit.extend({ parentId: z.string().nullable() })) }).openapi('PublicUnits'), 'Units'), ...cached },
});

export const publicUnitRoute = createRoute({
  method: 'get',
  path: '/public/units/{id}',
  tags,
  summary: 'One unit: parent, children, upcoming activities (title, time, place) and figures; no sign-in; cached',
  request: { params: z.object({ id: z.string().min(1).max(80).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: jsonContent(
      z
        .object({
          unit: Unit,
          parent: Unit.nullable(),
          children: z.array(Unit),
          upcoming: z.array(z.object({ title: z.string(), start: z.string(), end: z.string().nullable(), place: z.string().nullable(), category: z.string().nullable(), unitId: z.string(), unitName: z.string() })),
          figures: Figures.nullable(),
        })
        .openapi('PublicUnitPage'),
      'The unit',
    ),
    ...cached,
    ...problemResponses(400, 404),
  },
});

export const publicTiersRoute = createRoute({
  method: 'get',
  path: '/public/tiers',
  tags,
  summary: 'Published tiers (公示 and final) of institutes and stations for a year, with the year’s rubrics; no sign-in; cached',
  request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) },
  responses: {
    200: jsonContent(
      z
        .object({
          year: z.number().int().nullable(),
          years: z.array(z.number().int()),
          rubrics: z.array(
            z.object({
              level: z.string(),
              key: z.string(),
              version: z.number().int(),
              title: Localized,
              totalPoints: z.number().nullable(),
              sections: z.array(z.object({ key: z.string(), title: Localized, points: z.number(), items: z.array(z.object({ key: z.string(), title: Localized, points: z.number() })) })),
              tiers: z.array(z.object({ key: z.string(), title: Localized, minScore: z.number().nullable() })),
            }),
          ),
          units: z.array(z.object({ unitId: z.string(), name: z.string(), nameEn: z.string().nullable(), level: z.string(), parentId: z.string().nullable(), tier: z.string(), score: z.number().nullable(), status: z.enum(['notice', 'final']) })),
        })
        .openapi('PublicTiers'),
      'Tiers',
    ),
    ...cached,
    ...problemResponses(400),
  },
});

export const publicMenuRoute = createRoute({
  method: 'get',
  path: '/public/menu',
  tags,
  summary: 'The published service menu (categories and items); no sign-in; cached',
  responses: {
    200: jsonContent(
      z
        .object({
          categories: z.array(z.object({ key: z.string(), title: Localized, description: Localized.nullable(), order: z.number(), icon: z.string().nullable(), color: z.string().nullable() })),
          items: z.array(z.object({ key: z.string(), title: Localized, description: Localized.nullable(), category: z.string().nullable(), targetGroups: z.array(z.string()), deliveryModes: z.array(z.string()), durationMinutes: z.number().nullable() })),
        })
        .openapi('PublicMenu'),
      'Menu',
    ),
    ...cached,
  },
});

export const publicFiguresRoute = createRoute({
  method: 'get',
  path: '/public/figures',
  tags,
  summary: 'Aggregate figures for the district and per unit (whole subtree): volunteers, service hours, orders served, satisfaction; no sign-in; cached',
  responses: { 200: jsonContent(z.object({ district: Figures, units: z.record(z.string(), Figures) }).openapi('PublicFigureTable'), 'Figures'), ...cached },
});
