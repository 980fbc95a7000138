import { createRoute, z } from '@hono/zod-openapi';
import { definitionKinds } from '../../../runtime/schema/kinds';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

const Kind = z.enum(definitionKinds as [string, ...string[]]);

export const DefinitionSummarySchema = z
  .object({
    kind: z.string(),
    key: z.string(),
    // So that a list can name what it lists (a menu of service items, a choice of categories) in both languages.
    title: z.object({ 'zh-CN': z.string(), en: z.string().optional() }).nullable(),
    version: z.number().int(),
    status: z.enum(['draft', 'published', 'retired']),
    contentHash: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
    retiredAt: z.string().nullable(),
    rowVersion: z.number().int(),
  })
  .openapi('DefinitionSummary');

export const DefinitionSchema = DefinitionSummarySchema.extend({ body: z.record(z.string(), z.unknown()) }).openapi('Definition');

export const LintProblemSchema = z
  .object({
    file: z.string(),
    pointer: z.string(),
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    message: z.object({ 'zh-CN': z.string(), en: z.string().optional() }),
  })
  .loose()
  .openapi('LintProblem');

const KindKey = z.object({
  kind: Kind.openapi({ param: { name: 'kind', in: 'path' } }),
  key: z.string().min(1).max(80).openapi({ param: { name: 'key', in: 'path' } }),
});
const KindKeyVersion = KindKey.extend({ version: z.coerce.number().int().positive().openapi({ param: { name: 'version', in: 'path' } }) });
const IfMatch = z.object({ 'if-match': z.string().optional() });

export const listDefinitionsRoute = createRoute({
  method: 'get',
  path: '/definitions',
  tags: ['definitions'],
  summary: 'Definitions (every version), filtered by kind, key and status',
  request: { query: z.object({ kind: Kind.optional(), key: z.string().max(80).optional(), status: z.enum(['draft', 'published', 'retired']).optional() }) },
  responses: { 200: jsonContent(z.object({ items: z.array(DefinitionSummarySchema) }), 'Definitions'), ...problemResponses(400, 401) },
});

export const getDefinitionRoute = createRoute({
  method: 'get',
  path: '/definitions/{kind}/{key}',
  tags: ['definitions'],
  summary: 'One definition: the given version, else the latest published',
  request: { params: KindKey, query: z.object({ version: z.coerce.number().int().positive().optional() }) },
  responses: { 200: jsonContent(DefinitionSchema, 'The definition'), ...problemResponses(400, 401, 404) },
});

export const createDraftRoute = createRoute({
  method: 'post',
  path: '/definitions/{kind}/{key}/drafts',
  tags: ['definitions'],
  summary: 'Create a draft: the next version of kind/key (the body’s version is set by the server)',
  request: { params: KindKey, body: jsonBody(z.record(z.string(), z.unknown()).openapi('DefinitionBody')) },
  responses: { 201: jsonContent(DefinitionSchema, 'Draft created'), ...problemResponses(400, 401, 403, 415) },
});

export const updateDraftRoute = createRoute({
  method: 'put',
  path: '/definitions/{kind}/{key}/versions/{version}',
  tags: ['definitions'],
  summary: 'Replace a draft’s body (If-Match: its rowVersion)',
  request: { params: KindKeyVersion, headers: IfMatch, body: jsonBody(z.record(z.string(), z.unknown())) },
  responses: { 200: jsonContent(DefinitionSchema, 'Draft updated'), ...problemResponses(400, 401, 403, 404, 409, 412, 415, 428) },
});

export const lintRoute = createRoute({
  method: 'post',
  path: '/definitions/{kind}/{key}/lint',
  tags: ['definitions'],
  summary: 'Lint a body (or a stored version) against the published definitions',
  request: {
    params: KindKey,
    body: jsonBody(z.object({ body: z.record(z.string(), z.unknown()).optional(), version: z.number().int().positive().optional() }).strict().openapi('LintRequest')),
  },
  responses: {
    200: jsonContent(z.object({ errors: z.number().int(), warnings: z.number().int(), problems: z.array(LintProblemSchema) }), 'Lint result'),
    ...problemResponses(400, 401, 404, 415),
  },
});

export const publishRoute = createRoute({
  method: 'post',
  path: '/definitions/{kind}/{key}/versions/{version}/publish',
  tags: ['definitions'],
  summary: 'Publish a draft; refused with the linter’s problems while any error remains',
  request: { params: KindKeyVersion },
  responses: { 200: jsonContent(DefinitionSchema, 'Published'), ...problemResponses(401, 403, 404, 409, 422) },
});

export const retireRoute = createRoute({
  method: 'post',
  path: '/definitions/{kind}/{key}/versions/{version}/retire',
  tags: ['definitions'],
  summary: 'Retire a published version (running instances keep it)',
  request: { params: KindKeyVersion },
  responses: { 200: jsonContent(DefinitionSchema, 'Retired'), ...problemResponses(401, 403, 404, 409) },
});

export const diffRoute = createRoute({
  method: 'get',
  path: '/definitions/{kind}/{key}/diff',
  tags: ['definitions'],
  summary: 'Changes between two versions, one per JSON pointer',
  request: { params: KindKey, query: z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() }) },
  responses: {
    200: jsonContent(
      z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(z.object({ op: z.enum(['add', 'remove', 'replace']), pointer: z.string(), from: z.unknown().optional(), to: z.unknown().optional() })) }),
      'Changes',
    ),
    ...problemResponses(400, 401, 404),
  },
});
