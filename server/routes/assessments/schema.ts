import { createRoute, z } from '@hono/zod-openapi';
import { ReviewSheetSchema } from '../../../runtime/rubric/index';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';
import { CommandBody, InstanceSchema } from '../instances/schema';

const Json = z.record(z.string(), z.unknown());
const Sheet = ReviewSheetSchema;
const Result = z.object({ score: z.number(), tier: z.string(), rule: z.string() });

export const AssessmentSchema = z
  .object({
    id: z.string(),
    cycleId: z.string(),
    orgUnitId: z.string(),
    parentId: z.string().nullable(),
    level: z.string(),
    rubric: z.object({ key: z.string(), version: z.number().int() }),
    instance: z.object({ id: z.string(), state: z.string(), version: z.number().int(), final: z.boolean(), availableActions: z.array(z.string()) }),
    /** Metric values frozen when the cycle opened, by metric instance id. */
    metrics: z.record(z.string(), z.number()),
    reviews: z.object({ self: Sheet.nullable(), institute: Sheet.nullable(), district: z.record(z.string(), Sheet), amendment: Sheet.nullable() }),
    /** The score as things stand (before quotas). */
    current: Result.extend({ assessorDisagreements: z.array(z.string()), missing: z.array(z.string()) }),
    /** The result stored at approval and at final (quotas applied across the cycle), null before. */
    result: Result.nullable(),
    version: z.number().int(),
  })
  .openapi('Assessment');

const IdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });
const LevelParam = IdParam.extend({ level: z.enum(['self', 'institute', 'district', 'amendment']).openapi({ param: { name: 'level', in: 'path' } }) });

export const listAssessmentsRoute = createRoute({
  method: 'get',
  path: '/assessments',
  tags: ['assessments'],
  summary: 'Assessments in your scope (summaries)',
  request: {
    query: z.object({ cycleId: z.string().max(64).optional(), orgUnitId: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
  },
  responses: {
    200: jsonContent(z.object({ items: z.array(z.object({ id: z.string(), cycleId: z.string(), orgUnitId: z.string(), instanceId: z.string(), level: z.string(), state: z.string(), tier: z.string().nullable(), score: z.number().nullable() })) }), 'Assessments'),
    ...problemResponses(400, 401),
  },
});

export const getAssessmentRoute = createRoute({
  method: 'get',
  path: '/assessments/{id}',
  tags: ['assessments'],
  summary: 'An assessment: state, frozen metrics, review sheets, current score and stored result',
  request: { params: IdParam },
  responses: { 200: jsonContent(AssessmentSchema, 'The assessment'), ...problemResponses(401, 404) },
});

export const saveReviewRoute = createRoute({
  method: 'put',
  path: '/assessments/{id}/reviews/{level}',
  tags: ['assessments'],
  summary: 'Record your review sheet for a level (self: the unit, institute: its institute, district: an assessor, amendment: the leader deciding an appeal); evidence entries are attachment ids',
  request: { params: LevelParam, body: jsonBody(Sheet) },
  responses: { 200: jsonContent(AssessmentSchema, 'Stored (earlier sheets stay as history)'), ...problemResponses(400, 401, 403, 404, 409, 415) },
});

export const assessmentCommandRoute = createRoute({
  method: 'post',
  path: '/assessments/{id}/commands',
  tags: ['assessments'],
  summary: 'Drive the assessment workflow (submit, return, institute_approve, score, approve, appeal, decide, revoke). If-Match: the instance version',
  request: { params: IdParam, headers: z.object({ 'if-match': z.string().optional(), 'idempotency-key': z.string().min(8).max(128).optional() }), body: jsonBody(CommandBody) },
  responses: { 200: jsonContent(z.object({ assessment: AssessmentSchema, instance: InstanceSchema }), 'Applied'), ...problemResponses(400, 401, 403, 404, 409, 412, 415, 422, 428) },
});

export const explanationRoute = createRoute({
  method: 'get',
  path: '/assessments/{id}/explanation',
  tags: ['assessments'],
  summary: "The rubric engine's explanation: item lines that add up to the score, the deciding rule, what the next tier needs",
  request: { params: IdParam },
  responses: { 200: jsonContent(z.object({ assessmentId: z.string(), stored: z.boolean(), explanation: Json }), 'Explanation'), ...problemResponses(401, 404) },
});
