import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'ISO 8601 date');

export const OpenCycleBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    rubrics: z.array(z.object({ key: z.string().min(1).max(80), version: z.number().int().positive() }).strict()).min(1).max(4),
    assessors: z.array(z.string().min(1).max(64)).min(2).max(20),
    deadlines: z.object({ selfAssessmentDue: IsoDate, reviewDue: IsoDate, scoringDue: IsoDate }).strict(),
    noticeDays: z.number().int().min(1).max(30).default(5),
    appealDays: z.number().int().min(1).max(30).default(5),
    quotas: z.array(z.record(z.string(), z.unknown())).max(10).optional(),
  })
  .strict()
  .openapi('OpenCycle');

export const CycleSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    period: z.object({ from: z.string(), to: z.string() }),
    rubrics: z.array(z.object({ level: z.string(), key: z.string(), version: z.number().int() })),
    assessors: z.array(z.string()),
    deadlines: z.record(z.string(), z.string()),
    noticeDays: z.number().int(),
    appealDays: z.number().int(),
    status: z.string(),
    createdAt: z.string(),
    assessments: z.number().int(),
    /** Assessments per workflow state. */
    states: z.record(z.string(), z.number().int()),
  })
  .openapi('AssessmentCycle');

const IdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });

export const openCycleRoute = createRoute({
  method: 'post',
  path: '/cycles',
  tags: ['assessments'],
  summary: 'Open an assessment cycle: one assessment per institute and station, metrics frozen now (district admin)',
  request: { body: jsonBody(OpenCycleBody) },
  responses: { 201: jsonContent(CycleSchema, 'Opened'), ...problemResponses(400, 401, 403, 404, 415, 422) },
});

export const listCyclesRoute = createRoute({
  method: 'get',
  path: '/cycles',
  tags: ['assessments'],
  summary: 'Assessment cycles, newest first',
  responses: { 200: jsonContent(z.object({ items: z.array(CycleSchema) }), 'Cycles'), ...problemResponses(401, 403) },
});

export const getCycleRoute = createRoute({
  method: 'get',
  path: '/cycles/{id}',
  tags: ['assessments'],
  summary: 'One cycle with its assessments counted per state (within your scope)',
  request: { params: IdParam },
  responses: { 200: jsonContent(CycleSchema, 'The cycle'), ...problemResponses(401, 403, 404) },
});

export const rescoreRoute = createRoute({
  method: 'post',
  path: '/cycles/{id}/rescore',
  tags: ['assessments'],
  summary: 'Re-score the cycle under another published version of one of its rubrics: apply=false previews, apply=true moves every assessment (district admin)',
  request: {
    params: IdParam,
    body: jsonBody(z.object({ key: z.string().min(1).max(80), version: z.number().int().positive(), apply: z.boolean().default(false) }).strict().openapi('RescoreCycle')),
  },
  responses: {
    200: jsonContent(
      z.object({
        applied: z.boolean(),
        from: z.object({ key: z.string(), version: z.number().int() }),
        to: z.object({ key: z.string(), version: z.number().int() }),
        units: z.number().int(),
        changed: z.array(z.object({ assessmentId: z.string(), unitId: z.string(), before: z.object({ score: z.number(), tier: z.string() }), after: z.object({ score: z.number(), tier: z.string() }) })),
      }),
      'Preview or result',
    ),
    ...problemResponses(400, 401, 403, 404, 415),
  },
});
