import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

export const PreviewBody = z
  .object({
    /** Another stored version (draft or published) of the same rubric… */
    version: z.number().int().positive().optional(),
    /** …or an unsaved draft body. */
    definition: z.record(z.string(), z.unknown()).optional(),
    year: z.number().int().min(2000).max(2100),
  })
  .strict()
  .refine((body) => (body.version === undefined) !== (body.definition === undefined), { message: 'Give exactly one of version or definition', path: ['version'] })
  .openapi('RubricPreviewRequest');

export const previewRoute = createRoute({
  method: 'post',
  path: '/rubrics/{key}/preview',
  tags: ['assessments'],
  summary: 'Impact of publishing another version (or a draft body) instead of the current published one, over the current data of every unit in your scope',
  request: { params: z.object({ key: z.string().min(1).max(80).openapi({ param: { name: 'key', in: 'path' } }) }), body: jsonBody(PreviewBody) },
  responses: {
    200: jsonContent(z.object({ published: z.object({ key: z.string(), version: z.number().int() }), candidate: z.object({ version: z.number().int() }), period: z.object({ from: z.string(), to: z.string() }), preview: z.record(z.string(), z.unknown()) }), 'Preview'),
    ...problemResponses(400, 401, 403, 404, 415),
  },
});
