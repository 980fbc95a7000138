import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses } from '../../http/router';
import { InstanceSchema, SubjectSchema } from '../instances/schema';
import { decodeInboxCursor } from './cursor';

export const TaskSchema = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    workflow: z.string(),
    state: z.string(),
    orgUnitId: z.string(),
    orgUnitName: z.string().nullable().openapi({ description: 'the unit the instance belongs to, by name' }),
    subject: SubjectSchema,
    instanceVersion: z.number().int(),
    name: z.string(),
    assigneeUserId: z.string().nullable(),
    pool: z.object({ role: z.string(), orgUnitId: z.string().nullable(), teamId: z.string().nullable() }).nullable(),
    dueAt: z.string().nullable(),
    createdAt: z.string(),
    reminders: z.object({ count: z.number().int(), lastAt: z.string() }).nullable().openapi({ description: '催办 on the instance so far: how many and the latest; null when none' }),
  })
  .openapi('Task');

export const inboxRoute = createRoute({
  method: 'get',
  path: '/tasks',
  tags: ['tasks'],
  summary: 'Your inbox: open tasks assigned to you or in a pool you may claim, soonest due first (overdue first), undated last; keyset pagination',
  request: {
    query: z.object({
      mine: z.enum(['1']).openapi({ description: 'must be 1: tasks of the caller' }),
      workflow: z.string().min(1).max(100).optional().openapi({ description: 'only tasks of instances of this workflow (key)' }),
      state: z.string().min(1).max(100).optional().openapi({ description: "only tasks at this step (the task's name: the state it was opened in)" }),
      kind: z.enum(['assigned', 'pool']).optional().openapi({ description: 'assigned: given to you in person; pool: waiting to be claimed (抢单)' }),
      overdue: z.enum(['1']).optional().openapi({ description: '1: only tasks due before now' }),
      cursor: z
        .string()
        .max(200)
        .refine((value) => decodeInboxCursor(value) !== null, { message: 'Not a cursor this server returned.' })
        .optional()
        .openapi({ description: 'nextCursor of the previous page' }),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: jsonContent(z.object({ items: z.array(TaskSchema), nextCursor: z.string().nullable().openapi({ description: 'pass as cursor for the next page; null on the last page' }) }), 'Open tasks'),
    ...problemResponses(400, 401),
  },
});

export const claimRoute = createRoute({
  method: 'post',
  path: '/tasks/{id}/claim',
  tags: ['tasks'],
  summary: 'Claim a pool task (抢单): the first claim wins',
  request: { params: z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: jsonContent(InstanceSchema, 'Claimed'), ...problemResponses(401, 403, 404, 409, 412) },
});
