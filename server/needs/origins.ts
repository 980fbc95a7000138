/** The needs behind a menu item: the proposals that published it and the answers each was built from. */
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { OrgScope } from '../db/scope';
import type { Database } from '../db/types';

export interface OriginNeed {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  category: string;
  targetGroup: string;
  urgency: string;
  answeredAt: string;
  /** The resident's words, for staff overseeing the unit; null for others. */
  description: string | null;
}

export interface Origin {
  proposalId: string;
  instanceId: string;
  serviceItemVersion: number | null;
  status: string;
  surveyId: string | null;
  surveyTitle: string | null;
  proposedAt: string;
  publishedAt: string | null;
  needs: OriginNeed[];
}

export async function serviceItemOrigins(db: Kysely<Database>, actor: Actor, key: string): Promise<Origin[]> {
  const scope = new OrgScope(actor);
  const proposals = await db
    .selectFrom('need_proposals')
    .leftJoin('needs_surveys', 'needs_surveys.id', 'need_proposals.survey_id')
    .select(['need_proposals.id', 'need_proposals.instance_id', 'need_proposals.service_item_version', 'need_proposals.status', 'need_proposals.survey_id', 'needs_surveys.title', 'need_proposals.created_at', 'need_proposals.published_at'])
    .where('need_proposals.service_item_key', '=', key)
    .where('need_proposals.status', '=', 'published')
    .orderBy('need_proposals.created_at')
    .execute();
  if (proposals.length === 0) return [];
  const needs = await db
    .selectFrom('need_proposal_responses')
    .innerJoin('needs_responses', 'needs_responses.id', 'need_proposal_responses.response_id')
    .innerJoin('org_units', 'org_units.id', 'needs_responses.org_unit_id')
    .select(['need_proposal_responses.proposal_id', 'needs_responses.id', 'needs_responses.org_unit_id', 'org_units.name', 'needs_responses.org_path', 'needs_responses.category', 'needs_responses.target_group', 'needs_responses.urgency', 'needs_responses.answered_at', 'needs_responses.data'])
    .where('need_proposal_responses.proposal_id', 'in', proposals.map((p) => p.id))
    .orderBy('needs_responses.answered_at')
    .orderBy('needs_responses.id')
    .execute();
  return proposals.map((p) => ({
    proposalId: p.id,
    instanceId: p.instance_id,
    serviceItemVersion: p.service_item_version,
    status: p.status,
    surveyId: p.survey_id,
    surveyTitle: p.title,
    proposedAt: p.created_at,
    publishedAt: p.published_at,
    needs: needs
      .filter((need) => need.proposal_id === p.id)
      .map((need) => {
        const data = JSON.parse(need.data) as { description?: unknown };
        return {
          id: need.id,
          orgUnitId: need.org_unit_id,
          orgUnitName: need.name,
          category: need.category,
          targetGroup: need.target_group,
          urgency: need.urgency,
          answeredAt: need.answered_at,
          description: scope.covers(need.org_path) && typeof data.description === 'string' ? data.description : null,
        };
      }),
  }));
}
