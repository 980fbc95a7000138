import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

export const orgLevels = ['center', 'subCenter', 'institute', 'station', 'servicePoint', 'practicePoint', 'practiceBase'] as const;

export const OrgUnitSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    level: z.string(),
    stationType: z.string().nullable(),
    name: z.string(),
    nameEn: z.string().nullable(),
    adminDivisionCode: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('OrgUnit');

const IdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });
const IfMatch = z.object({ 'if-match': z.string().optional().openapi({ description: 'Current version, e.g. "3"' }) });

const ListQuery = z.object({
  level: z.enum(orgLevels).optional(),
  under: z.string().max(64).optional().openapi({ description: 'only this unit and its subtree' }),
  includeInactive: z.enum(['0', '1']).optional(),
});

export const listOrgUnitsRoute = createRoute({
  method: 'get',
  path: '/org-units',
  tags: ['org units'],
  summary: 'Org units in your scope, in tree order (parents before children)',
  request: { query: ListQuery },
  responses: { 200: jsonContent(z.object({ items: z.array(OrgUnitSchema) }), 'Units'), ...problemResponses(400, 401) },
});

export const getOrgUnitRoute = createRoute({
  method: 'get',
  path: '/org-units/{id}',
  tags: ['org units'],
  summary: 'One org unit',
  request: { params: IdParam },
  responses: { 200: jsonContent(OrgUnitSchema, 'The unit'), ...problemResponses(401, 404) },
});

export const CreateOrgUnitBody = z
  .object({
    parentId: z.string().min(1).max(64),
    level: z.enum(orgLevels),
    stationType: z.string().min(1).max(80).optional(),
    name: z.string().min(1).max(120),
    nameEn: z.string().min(1).max(200).optional(),
    adminDivisionCode: z.string().regex(/^\d{12}$/, '12-digit national admin division code').optional(),
  })
  .strict()
  .openapi('CreateOrgUnit');

export const createOrgUnitRoute = createRoute({
  method: 'post',
  path: '/org-units',
  tags: ['org units'],
  summary: 'Create a unit under one you administer',
  request: { body: jsonBody(CreateOrgUnitBody) },
  responses: { 201: jsonContent(OrgUnitSchema, 'Created'), ...problemResponses(400, 401, 403, 404, 415, 422) },
});

export const UpdateOrgUnitBody = z
  .object({
    name: z.string().min(1).max(120).optional(),
    nameEn: z.string().min(1).max(200).nullable().optional(),
    stationType: z.string().min(1).max(80).nullable().optional(),
    adminDivisionCode: z.string().regex(/^\d{12}$/).nullable().optional(),
  })
  .strict()
  .openapi('UpdateOrgUnit');

export const updateOrgUnitRoute = createRoute({
  method: 'patch',
  path: '/org-units/{id}',
  tags: ['org units'],
  summary: 'Update a unit you administer (If-Match: its version)',
  request: { params: IdParam, headers: IfMatch, body: jsonBody(UpdateOrgUnitBody) },
  responses: { 200: jsonContent(OrgUnitSchema, 'Updated'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
});

export const deactivateOrgUnitRoute = createRoute({
  method: 'post',
  path: '/org-units/{id}/deactivate',
  tags: ['org units'],
  summary: 'Deactivate a unit strictly inside your subtree, and its descendants',
  request: { params: IdParam, headers: IfMatch },
  responses: { 200: jsonContent(OrgUnitSchema, 'Deactivated'), ...problemResponses(401, 403, 404, 409, 412, 428) },
});

export const MemberSchema = z.object({ id: z.string(), userId: z.string(), username: z.string(), displayName: z.string(), role: z.string(), teamId: z.string().nullable() }).openapi('RoleAssignment');

export const listMembersRoute = createRoute({
  method: 'get',
  path: '/org-units/{id}/members',
  tags: ['org units'],
  summary: 'Role assignments held at a unit',
  request: { params: IdParam },
  responses: { 200: jsonContent(z.object({ items: z.array(MemberSchema) }), 'Assignments'), ...problemResponses(401, 404) },
});
