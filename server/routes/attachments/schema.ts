import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, problemResponses } from '../../http/router';

export const attachmentTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

export const AttachmentSchema = z
  .object({ id: z.string(), sha256: z.string(), mime: z.string(), size: z.number().int(), fileName: z.string().nullable(), uploadedAt: z.string() })
  .openapi('Attachment');

const binary = { schema: z.string().openapi({ format: 'binary' }) };

export const uploadRoute = createRoute({
  method: 'post',
  path: '/attachments',
  tags: ['attachments'],
  summary: 'Upload a photo or PDF (raw body; its bytes must match the declared type); returns the id forms store',
  request: {
    query: z.object({ fileName: z.string().max(200).optional(), orgUnitId: z.string().max(64).optional() }),
    body: { required: true, content: Object.fromEntries(attachmentTypes.map((type) => [type, binary])) },
  },
  responses: { 201: jsonContent(AttachmentSchema, 'Stored'), ...problemResponses(400, 401, 413, 415) },
});

export const downloadRoute = createRoute({
  method: 'get',
  path: '/attachments/{id}',
  tags: ['attachments'],
  summary: 'The file (any signed-in user holding its unguessable id)',
  request: { params: z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: { description: 'The bytes', content: { 'application/octet-stream': binary } }, ...problemResponses(401, 404) },
});
