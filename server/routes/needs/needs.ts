import { findDefinition } from '../../db/repositories/definition-repository';
import { requireActor } from '../../http/env';
import { etag, requireIfMatch } from '../../http/preconditions';
import { newRouter } from '../../http/router';
import { aggregateSurvey, listResponses } from '../../needs/aggregate';
import { serviceItemOrigins } from '../../needs/origins';
import { presentProposal, presentResponse, presentSurvey } from '../../needs/present';
import { createProposal, findVisibleProposal, listVisibleProposals } from '../../needs/proposals';
import { answerSurvey, closeSurvey, findVisibleSurvey, listVisibleSurveys, publishSurvey, surveyTargets } from '../../needs/surveys';
import {
  aggregateRoute,
  answerRoute,
  closeSurveyRoute,
  createProposalRoute,
  getProposalRoute,
  getSurveyRoute,
  listProposalsRoute,
  listResponsesRoute,
  listSurveysRoute,
  originsRoute,
  publishSurveyRoute,
} from './schema';

export const needsRoutes = newRouter()
  .openapi(publishSurveyRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const row = await deps.database.db.transaction().execute((trx) => publishSurvey(trx, actor, c.req.valid('json'), at));
    const targets = await surveyTargets(deps.database.db, row.id);
    c.header('etag', etag(row.version));
    c.header('location', `/api/needs/surveys/${row.id}`);
    return c.json(presentSurvey(row, targets, at), 201);
  })
  .openapi(listSurveysRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const rows = await listVisibleSurveys(deps.database.db, actor);
    const items = [];
    for (const row of rows) items.push(presentSurvey(row, await surveyTargets(deps.database.db, row.id), at));
    return c.json({ items }, 200);
  })
  .openapi(getSurveyRoute, async (c) => {
    const deps = c.get('deps');
    const db = deps.database.db;
    const { survey, targets } = await findVisibleSurvey(db, requireActor(c), c.req.valid('param').id);
    const form = await findDefinition(db, 'form', survey.form_key, survey.form_version);
    c.header('etag', etag(survey.version));
    return c.json(presentSurvey(survey, targets, deps.clock().toISOString(), form === undefined ? undefined : (JSON.parse(form.body) as Record<string, unknown>)), 200);
  })
  .openapi(closeSurveyRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const expected = requireIfMatch(c.req.header('if-match'));
    const at = deps.clock().toISOString();
    const row = await deps.database.db.transaction().execute((trx) => closeSurvey(trx, actor, c.req.valid('param').id, expected, at));
    c.header('etag', etag(row.version));
    return c.json(presentSurvey(row, await surveyTargets(deps.database.db, row.id), at), 200);
  })
  .openapi(answerRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const row = await deps.database.db.transaction().execute((trx) => answerSurvey(trx, actor, c.req.valid('param').id, c.req.valid('json'), at));
    return c.json(presentResponse(row), 201);
  })
  .openapi(listResponsesRoute, async (c) => {
    const items = await listResponses(c.get('deps').database.db, requireActor(c), c.req.valid('param').id, c.req.valid('query'));
    return c.json({ items }, 200);
  })
  .openapi(aggregateRoute, async (c) => {
    const id = c.req.valid('param').id;
    const result = await aggregateSurvey(c.get('deps').database.db, requireActor(c), id);
    return c.json({ surveyId: id, ...result }, 200);
  })
  .openapi(createProposalRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const { proposal, responseIds, state } = await deps.database.db.transaction().execute((trx) => createProposal(trx, deps, actor, c.req.valid('json'), at));
    c.header('location', `/api/needs/proposals/${proposal.id}`);
    return c.json(presentProposal(proposal, state, responseIds), 201);
  })
  .openapi(listProposalsRoute, async (c) => {
    const rows = await listVisibleProposals(c.get('deps').database.db, requireActor(c));
    return c.json({ items: rows.map((row) => presentProposal(row, row.state)) }, 200);
  })
  .openapi(getProposalRoute, async (c) => {
    const db = c.get('deps').database.db;
    const row = await findVisibleProposal(db, requireActor(c), c.req.valid('param').id);
    const instance = await db.selectFrom('workflow_instances').select('state').where('id', '=', row.instance_id).executeTakeFirstOrThrow();
    const links = await db.selectFrom('need_proposal_responses').select('response_id').where('proposal_id', '=', row.id).orderBy('response_id').execute();
    return c.json(presentProposal(row, instance.state, links.map((link) => link.response_id)), 200);
  })
  .openapi(originsRoute, async (c) => {
    const { key } = c.req.valid('param');
    return c.json({ key, origins: await serviceItemOrigins(c.get('deps').database.db, requireActor(c), key) }, 200);
  });
