import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** Hours of actual service for one activity: positive, at most 24, in quarter hours or finer. */
const Hours = z.number().positive().max(24).multipleOf(0.01);

export const ServiceRecordSchema = z
  .object({
    id: z.string(),
    orgUnitId: z.string(),
    volunteerId: z.string(),
    teamId: z.string().nullable(),
    activityDate: z.string(),
    activityId: z.string().nullable(),
    hours: z.number(),
    description: z.string().nullable(),
    status: z.enum(['draft', 'noticed', 'final']),
    noticedAt: z.string().nullable(),
    finalisedAt: z.string().nullable(),
    version: z.number().int(),
    revisions: z.array(z.object({ seq: z.number().int(), action: z.string(), hours: z.number(), status: z.string(), reason: z.string().nullable(), actor: z.string(), at: z.string() })).optional(),
  })
  .openapi('ServiceRecord');

export const CreateRecordBody = z
  .object({
    orgUnitId: z.string().min(1).max(64),
    volunteerId: z.string().min(1).max(64),
    teamId: z.string().min(1).max(64).optional(),
    activityDate: IsoDay,
    activityId: z.string().min(1).max(64).optional(),
    hours: Hours,
    description: z.string().max(2000).optional(),
  })
  .strict()
  .openapi('CreateServiceRecord');

export const ChangeRecordBody = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('correct'), hours: Hours, reason: z.string().min(2).max(500) }).strict(),
    z.object({ action: z.literal('notice') }).strict(),
    z.object({ action: z.literal('finalise') }).strict(),
  ])
  .openapi('ChangeServiceRecord');

const IdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });

export const createRecordRoute = createRoute({
  method: 'post',
  path: '/service-records',
  tags: ['records'],
  summary: 'Record a volunteer’s service hours (draft)',
  request: { body: jsonBody(CreateRecordBody) },
  responses: { 201: jsonContent(ServiceRecordSchema, 'Created'), ...problemResponses(400, 401, 403, 404, 415) },
});

export const listRecordsRoute = createRoute({
  method: 'get',
  path: '/service-records',
  tags: ['records'],
  summary: 'Service records you keep (or your own as a volunteer)',
  request: { query: z.object({ status: z.enum(['draft', 'noticed', 'final']).optional(), volunteerId: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: { 200: jsonContent(z.object({ items: z.array(ServiceRecordSchema) }), 'Records'), ...problemResponses(400, 401) },
});

export const getRecordRoute = createRoute({
  method: 'get',
  path: '/service-records/{id}',
  tags: ['records'],
  summary: 'A service record with every revision',
  request: { params: IdParam },
  responses: { 200: jsonContent(ServiceRecordSchema, 'The record'), ...problemResponses(401, 404) },
});

export const changeRecordRoute = createRoute({
  method: 'post',
  path: '/service-records/{id}/changes',
  tags: ['records'],
  summary: 'Correct the hours (with a reason), put on notice (公示) or finalise (credits points). If-Match: the record version',
  request: { params: IdParam, body: jsonBody(ChangeRecordBody) },
  responses: { 200: jsonContent(ServiceRecordSchema, 'Changed'), ...problemResponses(400, 401, 403, 404, 412, 415, 422, 428) },
});

const LedgerEntrySchema = z.object({ id: z.string(), points: z.number().int(), kind: z.string(), reference: z.string(), recordId: z.string().nullable(), at: z.string() });

export const pointsRoute = createRoute({
  method: 'get',
  path: '/points/{id}',
  tags: ['records'],
  summary: 'A volunteer’s points balance and ledger: your own, or the entries at units you administer (station, institute or district admins)',
  request: { params: IdParam },
  responses: { 200: jsonContent(z.object({ userId: z.string(), balance: z.number().int(), entries: z.array(LedgerEntrySchema) }), 'Ledger'), ...problemResponses(401, 404) },
});

export const redeemRoute = createRoute({
  method: 'post',
  path: '/points/redemptions',
  tags: ['records'],
  summary: 'Redeem points at a love store (爱心超市); idempotent by reference',
  request: { body: jsonBody(z.object({ userId: z.string().min(1).max(64), orgUnitId: z.string().min(1).max(64), points: z.number().int().positive().max(100000), reference: z.string().min(4).max(120) }).strict()) },
  responses: { 201: jsonContent(LedgerEntrySchema, 'Booked'), 200: jsonContent(LedgerEntrySchema, 'Already booked under this reference'), ...problemResponses(400, 401, 403, 404, 415, 422) },
});

export const reverseRoute = createRoute({
  method: 'post',
  path: '/points/reversals',
  tags: ['records'],
  summary: 'Reverse a ledger entry (books its opposite once)',
  request: { body: jsonBody(z.object({ entryId: z.string().min(1).max(64) }).strict()) },
  responses: { 201: jsonContent(LedgerEntrySchema, 'Booked'), 200: jsonContent(LedgerEntrySchema, 'Already reversed'), ...problemResponses(400, 401, 403, 404, 415, 422) },
});
