import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

const Json = z.record(z.string(), z.unknown());

export const InstanceSummarySchema = z
  .object({
    id: z.string(),
    workflow: z.string(),
    workflowVersion: z.number().int(),
    orgUnitId: z.string(),
    state: z.string(),
    final: z.boolean(),
    version: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('InstanceSummary');

/** A list's line for an instance (presenters/instance-subject.ts). */
export const SubjectSchema = z.string().nullable().openapi({ description: "what the instance is about: the first required text of its start form that is not personal (an order's description), at most 60 characters" });

export const InstanceListItemSchema = InstanceSummarySchema.extend({ subject: SubjectSchema }).openapi('InstanceListItem');

export const InstanceSchema = InstanceSummarySchema.extend({
  input: Json,
  data: Json,
  vars: Json,
  escalationLevel: z.number().int(),
  task: z
    .object({ kind: z.string(), assignees: z.array(z.string()), pool: z.object({ role: z.string(), unit: z.string().optional() }).nullable(), due: z.string().nullable() })
    .nullable(),
  timers: z.array(z.object({ key: z.string(), due: z.string() })),
  history: z.array(z.object({ seq: z.number().int(), at: z.string(), actor: z.string(), event: z.string(), from: z.string().nullable(), to: z.string(), comment: z.string().nullable() })),
  availableActions: z.array(
    z
      .object({
        event: z.string(),
        candidates: z
          .array(z.object({ userId: z.string(), name: z.string() }))
          .optional()
          .openapi({ description: '转交/加签/抄送: the people who may be picked (staff holding the role a signer of the step holds, at the same unit), so a client offers names, not ids' }),
      })
      .loose(),
  ),
}).openapi('Instance');

const IdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });

export const StartBody = z
  .object({ workflow: z.string().min(1).max(80), orgUnitId: z.string().min(1).max(64), data: Json.default({}) })
  .strict()
  .openapi('StartInstance');

export const startInstanceRoute = createRoute({
  method: 'post',
  path: '/instances',
  tags: ['workflow instances'],
  summary: 'Start a workflow (e.g. 点单, an order) at an org unit',
  request: { body: jsonBody(StartBody) },
  responses: { 201: jsonContent(InstanceSchema, 'Started'), ...problemResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const getInstanceRoute = createRoute({
  method: 'get',
  path: '/instances/{id}',
  tags: ['workflow instances'],
  summary: 'An instance with its history and the actions you may take now',
  request: { params: IdParam },
  responses: { 200: jsonContent(InstanceSchema, 'The instance (ETag: its version)'), ...problemResponses(401, 404) },
});

export const ListQuery = z.object({
  workflow: z.string().max(80).optional(),
  state: z.string().max(80).optional(),
  orgUnitId: z.string().max(64).optional().openapi({ description: 'only this unit and its subtree' }),
  assignee: z.literal('me').optional().openapi({ description: 'only instances with an open task for you' }),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const listInstancesRoute = createRoute({
  method: 'get',
  path: '/instances',
  tags: ['workflow instances'],
  summary: 'Instances you may see, newest first, with cursor pagination',
  request: { query: ListQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(InstanceListItemSchema), nextCursor: z.string().nullable() }), 'A page'), ...problemResponses(400, 401, 404) },
});

export const CommandBody = z
  .object({
    event: z.string().min(1).max(80),
    data: z.unknown().optional(),
    comment: z.string().max(2000).optional(),
    target: z.string().max(80).optional(),
    position: z.enum(['before', 'after']).optional(),
  })
  .strict()
  .openapi('Command');

export const commandRoute = createRoute({
  method: 'post',
  path: '/instances/{id}/commands',
  tags: ['workflow instances'],
  summary: 'Send a command (派单, 接单, 评单 …). If-Match: the instance version; Idempotency-Key makes retries safe',
  request: {
    params: IdParam,
    headers: z.object({
      'if-match': z.string().optional().openapi({ description: 'the instance version, e.g. "3" (required)' }),
      'idempotency-key': z.string().min(8).max(128).optional().openapi({ description: 'a replay returns the first response and changes nothing' }),
    }),
    body: jsonBody(CommandBody),
  },
  responses: { 200: jsonContent(InstanceSchema, 'Applied (or replayed: Idempotent-Replayed: true)'), ...problemResponses(400, 401, 403, 404, 409, 412, 415, 422, 428) },
});
