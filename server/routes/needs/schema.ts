import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonContent, problemResponses } from '../../http/router';

const Id = z.string().min(1).max(64);
const IdParam = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });
const KeyParam = z.object({ key: z.string().min(1).max(80).openapi({ param: { name: 'key', in: 'path' } }) });
const Instant = z.iso.datetime({ offset: true });
const Key = z.string().regex(/^[a-z][a-zA-Z0-9]*(?:[-_.][a-zA-Z0-9]+)*$/, 'lowercase key').max(80);
const TargetGroup = z.enum(['all', 'elderly', 'children', 'youth', 'farmers', 'migrants', 'disabled', 'women', 'partyMembers', 'families']);

export const SurveySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    formKey: z.string(),
    formVersion: z.number().int(),
    ownerOrgUnitId: z.string(),
    targetUnitIds: z.array(z.string()),
    opensAt: z.string(),
    closesAt: z.string(),
    status: z.enum(['open', 'closed']),
    /** Open now: status open and within the period. */
    open: z.boolean(),
    version: z.number().int(),
    form: z.record(z.string(), z.unknown()).optional().openapi({ description: 'the survey form definition (GET one survey)' }),
  })
  .openapi('NeedsSurvey');

export const PublishSurveyBody = z
  .object({
    title: z.string().min(2).max(120),
    formKey: Key.default('needs-survey'),
    formVersion: z.number().int().positive().optional(),
    targetUnitIds: z.array(Id).min(1).max(2000),
    opensAt: Instant,
    closesAt: Instant,
  })
  .strict()
  .openapi('PublishNeedsSurvey');

export const AnswerBody = z
  .object({
    data: z.record(z.string(), z.unknown()),
    onBehalfOf: z.string().min(1).max(60).optional().openapi({ description: 'the resident a proxy orderer or station admin answers for' }),
    orgUnitId: Id.optional(),
  })
  .strict()
  .openapi('AnswerNeedsSurvey');

export const ResponseSchema = z
  .object({
    id: z.string(),
    surveyId: z.string().optional(),
    orgUnitId: z.string(),
    category: z.string(),
    targetGroup: z.string(),
    urgency: z.string(),
    answeredBy: z.string(),
    onBehalfOf: z.string().nullable(),
    answeredAt: z.string(),
    data: z.unknown(),
  })
  .openapi('NeedsResponse');

export const AggregateSchema = z
  .object({
    surveyId: z.string(),
    total: z.number().int(),
    cells: z.array(z.object({ category: z.string(), orgUnitId: z.string(), orgUnitName: z.string(), targetGroup: z.string(), count: z.number().int(), urgent: z.number().int() })),
  })
  .openapi('NeedsAggregate');

export const ProposalBody = z
  .object({
    orgUnitId: Id,
    surveyId: Id.optional(),
    responseIds: z.array(Id).max(500).optional(),
    cells: z.array(z.object({ category: z.string().min(1).max(80), orgUnitId: Id, targetGroup: z.string().min(1).max(40) }).strict()).max(200).optional(),
    item: z
      .object({
        key: Key.optional(),
        titleZh: z.string().min(2).max(60),
        titleEn: z.string().min(2).max(120).optional(),
        category: Key,
        descriptionZh: z.string().min(2).max(1000),
        descriptionEn: z.string().min(2).max(2000).optional(),
        targetGroups: z.array(TargetGroup).min(1),
        deliveryModes: z.array(z.enum(['onSite', 'atStation', 'online'])).min(1),
        providerTeamTypes: z.array(Key).max(20).optional(),
      })
      .strict(),
  })
  .strict()
  .openapi('ProposeServiceItem');

export const ProposalSchema = z
  .object({
    id: z.string(),
    surveyId: z.string().nullable(),
    orgUnitId: z.string(),
    instanceId: z.string(),
    state: z.string(),
    status: z.enum(['proposed', 'published', 'rejected', 'failed']),
    serviceItemKey: z.string(),
    serviceItemVersion: z.number().int().nullable(),
    item: z.record(z.string(), z.unknown()),
    responseIds: z.array(z.string()).optional(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .openapi('NeedsProposal');

export const OriginsSchema = z
  .object({
    key: z.string(),
    origins: z.array(
      z.object({
        proposalId: z.string(),
        instanceId: z.string(),
        serviceItemVersion: z.number().int().nullable(),
        status: z.string(),
        surveyId: z.string().nullable(),
        surveyTitle: z.string().nullable(),
        proposedAt: z.string(),
        publishedAt: z.string().nullable(),
        needs: z.array(z.object({ id: z.string(), orgUnitId: z.string(), orgUnitName: z.string(), category: z.string(), targetGroup: z.string(), urgency: z.string(), answeredAt: z.string(), description: z.string().nullable() })),
      }),
    ),
  })
  .openapi('ServiceItemOrigins');

const tags = ['needs'];

export const publishSurveyRoute = createRoute({
  method: 'post',
  path: '/needs/surveys',
  tags,
  summary: 'Publish a needs survey (问需) to units for a period (center or institute admins)',
  request: { body: jsonBody(PublishSurveyBody) },
  responses: { 201: jsonContent(SurveySchema, 'Published'), ...problemResponses(400, 401, 403, 415) },
});

export const listSurveysRoute = createRoute({
  method: 'get',
  path: '/needs/surveys',
  tags,
  summary: 'Surveys you may see: those you run, and those asking your unit',
  responses: { 200: jsonContent(z.object({ items: z.array(SurveySchema) }), 'Surveys'), ...problemResponses(401) },
});

export const getSurveyRoute = createRoute({
  method: 'get',
  path: '/needs/surveys/{id}',
  tags,
  summary: 'One survey with its form',
  request: { params: IdParam },
  responses: { 200: jsonContent(SurveySchema, 'Survey'), ...problemResponses(401, 404) },
});

export const closeSurveyRoute = createRoute({
  method: 'post',
  path: '/needs/surveys/{id}/close',
  tags,
  summary: 'Close a survey early (If-Match: version)',
  request: { params: IdParam },
  responses: { 200: jsonContent(SurveySchema, 'Closed'), ...problemResponses(401, 403, 404, 409, 412, 428) },
});

export const answerRoute = createRoute({
  method: 'post',
  path: '/needs/surveys/{id}/responses',
  tags,
  summary: 'Answer a survey, as a resident or on behalf of one; refused outside the period (422) or the units asked (403)',
  request: { params: IdParam, body: jsonBody(AnswerBody) },
  responses: { 201: jsonContent(ResponseSchema, 'Answered'), ...problemResponses(400, 401, 403, 404, 415, 422) },
});

export const listResponsesRoute = createRoute({
  method: 'get',
  path: '/needs/surveys/{id}/responses',
  tags,
  summary: 'Answers under your administration, optionally one aggregate cell',
  request: {
    params: IdParam,
    query: z.object({ category: z.string().max(80).optional(), orgUnitId: Id.optional(), targetGroup: z.string().max(40).optional() }),
  },
  responses: { 200: jsonContent(z.object({ items: z.array(ResponseSchema) }), 'Answers'), ...problemResponses(400, 401, 403, 404) },
});

export const aggregateRoute = createRoute({
  method: 'get',
  path: '/needs/surveys/{id}/aggregate',
  tags,
  summary: 'Answers counted by category × unit × target group (staff)',
  request: { params: IdParam },
  responses: { 200: jsonContent(AggregateSchema, 'Aggregate'), ...problemResponses(401, 403, 404) },
});

export const createProposalRoute = createRoute({
  method: 'post',
  path: '/needs/proposals',
  tags,
  summary: '制单: propose a service item from selected answers or aggregate cells; starts the approval workflow',
  request: { body: jsonBody(ProposalBody) },
  responses: { 201: jsonContent(ProposalSchema, 'Proposed'), ...problemResponses(400, 401, 403, 404, 409, 415, 422) },
});

export const listProposalsRoute = createRoute({
  method: 'get',
  path: '/needs/proposals',
  tags,
  summary: 'Proposals under your administration or made by you',
  responses: { 200: jsonContent(z.object({ items: z.array(ProposalSchema) }), 'Proposals'), ...problemResponses(401) },
});

export const getProposalRoute = createRoute({
  method: 'get',
  path: '/needs/proposals/{id}',
  tags,
  summary: 'One proposal with the answers behind it',
  request: { params: IdParam },
  responses: { 200: jsonContent(ProposalSchema, 'Proposal'), ...problemResponses(401, 404) },
});

export const originsRoute = createRoute({
  method: 'get',
  path: '/service-items/{key}/origins',
  tags,
  summary: 'The needs behind a menu item: the approved proposals that published it and their answers',
  request: { params: KeyParam },
  responses: { 200: jsonContent(OriginsSchema, 'Origins'), ...problemResponses(401) },
});
