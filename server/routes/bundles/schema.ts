import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

export const bundleFormat = 'shijian-bundle/1';

export const BundleExportSchema = z
  .object({
    format: z.literal(bundleFormat),
    bundle: z.record(z.string(), z.unknown()),
    definitions: z.array(z.record(z.string(), z.unknown())),
  })
  .strict()
  .openapi('BundleExport');

export const exportBundleRoute = createRoute({
  method: 'get',
  path: '/bundles/{key}/export',
  tags: ['definitions'],
  summary: 'A bundle and every member definition, as one deterministic JSON document',
  request: {
    params: z.object({ key: z.string().min(1).max(80).openapi({ param: { name: 'key', in: 'path' } }) }),
    query: z.object({ version: z.coerce.number().int().positive().optional() }),
  },
  responses: { 200: jsonContent(BundleExportSchema, 'The export (import gives back the same bytes on export)'), ...problemResponses(400, 401, 404, 409) },
});

export const importBundleRoute = createRoute({
  method: 'post',
  path: '/bundles/import',
  tags: ['definitions'],
  summary: 'Import an export: new definitions are linted and published; identical ones are left alone',
  request: { body: jsonBody(BundleExportSchema) },
  responses: {
    200: jsonContent(z.object({ imported: z.number().int(), unchanged: z.number().int() }), 'Imported'),
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
  },
});
