import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const PlanSchema = z
  .object({ id: z.string(), orgUnitId: z.string(), year: z.number().int(), month: z.number().int(), title: z.string(), items: z.array(z.record(z.string(), z.unknown())), filedBy: z.string(), filedAt: z.string() })
  .openapi('ActivityPlan');

export const filePlanRoute = createRoute({
  method: 'post',
  path: '/activity-plans',
  tags: ['records'],
  summary: 'File the year plan (no month) or a monthly arrangement (month 1–12) of a unit’s activities',
  request: {
    body: jsonBody(
      z
        .object({
          orgUnitId: z.string().min(1).max(64),
          year: z.number().int().min(2000).max(2100),
          month: z.number().int().min(1).max(12).optional(),
          title: z.string().min(1).max(200),
          items: z.array(z.object({ title: z.string().min(1).max(200), date: IsoDay.optional(), category: z.string().max(80).optional() }).strict()).min(1).max(200),
        })
        .strict()
        .openapi('FileActivityPlan'),
    ),
  },
  responses: { 201: jsonContent(PlanSchema, 'Filed'), ...problemResponses(400, 401, 403, 404, 409, 415) },
});

export const listPlansRoute = createRoute({
  method: 'get',
  path: '/activity-plans',
  tags: ['records'],
  summary: 'Plans and arrangements in your scope',
  request: { query: z.object({ year: z.coerce.number().int().optional(), orgUnitId: z.string().max(64).optional() }) },
  responses: { 200: jsonContent(z.object({ items: z.array(PlanSchema) }), 'Plans'), ...problemResponses(400, 401) },
});

const SessionSchema = z.object({ id: z.string(), orgUnitId: z.string(), activityId: z.string().nullable(), title: z.string(), code: z.string(), opensAt: z.string(), closesAt: z.string() }).openapi('AttendanceSession');
const AttendanceSchema = z.object({ sessionId: z.string(), title: z.string(), checkInAt: z.string(), checkOutAt: z.string().nullable() }).openapi('Attendance');

export const openSessionRoute = createRoute({
  method: 'post',
  path: '/attendance-sessions',
  tags: ['records'],
  summary: 'Open a check-in window for an activity; volunteers join with its six-digit code',
  request: { body: jsonBody(z.object({ orgUnitId: z.string().min(1).max(64), title: z.string().min(1).max(200), activityId: z.string().max(64).optional(), validMinutes: z.number().int().min(5).max(720).default(60) }).strict()) },
  responses: { 201: jsonContent(SessionSchema, 'Opened'), ...problemResponses(400, 401, 403, 404, 409, 415) },
});

export const getSessionRoute = createRoute({
  method: 'get',
  path: '/attendance-sessions/{id}',
  tags: ['records'],
  summary: 'A check-in window with who checked in and out, and the hours attended',
  request: { params: z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: jsonContent(SessionSchema.extend({ attendance: z.array(z.object({ userId: z.string(), checkInAt: z.string(), checkOutAt: z.string().nullable(), hours: z.number().nullable() })) }), 'Session'),
    ...problemResponses(401, 404),
  },
});

export const sessionRecordsRoute = createRoute({
  method: 'post',
  path: '/attendance-sessions/{id}/service-records',
  tags: ['records'],
  summary: 'Make draft service records from the attendance (hours = check-in to check-out, rounded down to ¼ h); safe to repeat',
  request: { params: z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: jsonContent(z.object({ created: z.number().int() }), 'Drafts made'), ...problemResponses(401, 403, 404) },
});

export const checkRoute = createRoute({
  method: 'post',
  path: '/attendance/{direction}',
  tags: ['records'],
  summary: 'Check in or out with a six-digit code (direction: check-in | check-out)',
  request: {
    params: z.object({ direction: z.enum(['check-in', 'check-out']).openapi({ param: { name: 'direction', in: 'path' } }) }),
    body: jsonBody(z.object({ code: z.string().regex(/^\d{6}$/, 'six digits') }).strict()),
  },
  responses: { 200: jsonContent(AttendanceSchema, 'Recorded'), ...problemResponses(400, 401, 415, 422) },
});

const DoneSchema = z.object({ kind: z.enum(['record', 'attendance']), id: z.string(), title: z.string(), at: z.string() });

export const planProgressRoute = createRoute({
  method: 'get',
  path: '/activity-plans/progress',
  tags: ['records'],
  summary: 'A unit’s month: the planned activities, which were done (an activity record starting that month or a check-in window, under the planned title), and what was done unplanned',
  request: {
    query: z.object({ orgUnitId: z.string().min(1).max(64), year: z.coerce.number().int().min(2000).max(2100), month: z.coerce.number().int().min(1).max(12) }),
  },
  responses: {
    200: jsonContent(
      z
        .object({
          orgUnitId: z.string(),
          year: z.number().int(),
          month: z.number().int(),
          plan: z.object({ id: z.string(), title: z.string(), filedBy: z.string(), filedAt: z.string() }).nullable(),
          items: z.array(z.object({ title: z.string(), date: z.string().nullable(), category: z.string().nullable(), done: z.array(DoneSchema) })),
          unplanned: z.array(DoneSchema),
          planned: z.number().int(),
          completed: z.number().int(),
        })
        .openapi('PlanProgress'),
      'Plan against done',
    ),
    ...problemResponses(400, 401, 404),
  },
});

export const listSessionsRoute = createRoute({
  method: 'get',
  path: '/attendance-sessions',
  tags: ['records'],
  summary: 'Check-in windows of a unit you oversee, newest first, with how many checked in',
  request: { query: z.object({ orgUnitId: z.string().min(1).max(64), open: z.enum(['0', '1']).optional() }) },
  responses: { 200: jsonContent(z.object({ items: z.array(SessionSchema.extend({ checkedIn: z.number().int() })) }), 'Windows'), ...problemResponses(400, 401, 404) },
});
