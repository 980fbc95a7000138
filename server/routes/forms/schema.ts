import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

export const SubmissionSchema = z
  .object({
    id: z.string(),
    formKey: z.string(),
    formVersion: z.number().int(),
    orgUnitId: z.string(),
    submittedBy: z.string(),
    submittedAt: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('FormSubmission');

const KeyParam = z.object({ key: z.string().min(1).max(80).openapi({ param: { name: 'key', in: 'path' } }) });

export const SubmitBody = z
  .object({ orgUnitId: z.string().min(1).max(64), data: z.record(z.string(), z.unknown()), version: z.number().int().positive().optional() })
  .strict()
  .openapi('SubmitForm');

export const submitFormRoute = createRoute({
  method: 'post',
  path: '/forms/{key}/submissions',
  tags: ['forms'],
  summary: 'Submit a standalone form (volunteer registration, activity, meeting, training records) at a unit',
  request: { params: KeyParam, body: jsonBody(SubmitBody) },
  responses: { 201: jsonContent(SubmissionSchema, 'Stored'), ...problemResponses(400, 401, 403, 404, 415) },
});

export const listSubmissionsRoute = createRoute({
  method: 'get',
  path: '/forms/{key}/submissions',
  tags: ['forms'],
  summary: 'Submissions you may see, newest first; personal fields masked unless you administer the unit',
  request: {
    params: KeyParam,
    query: z.object({ cursor: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
  },
  responses: { 200: jsonContent(z.object({ items: z.array(SubmissionSchema), nextCursor: z.string().nullable() }), 'A page'), ...problemResponses(400, 401) },
});
