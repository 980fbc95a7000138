/** Needs rows → API JSON, so database rows never leak. */
import type { ProposalRow } from './proposals';
import type { ResponseRow, SurveyRow } from './surveys';
import { isOpen } from './surveys';

export function presentSurvey(row: SurveyRow, targets: readonly { org_unit_id: string }[], nowIso: string, form?: Record<string, unknown>) {
  return {
    id: row.id,
    title: row.title,
    formKey: row.form_key,
    formVersion: row.form_version,
    ownerOrgUnitId: row.owner_org_unit_id,
    targetUnitIds: targets.map((t) => t.org_unit_id),
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    status: row.status,
    open: isOpen(row, nowIso),
    version: row.version,
    ...(form === undefined ? {} : { form }),
  };
}

export function presentResponse(row: ResponseRow) {
  return {
    id: row.id,
    surveyId: row.survey_id,
    orgUnitId: row.org_unit_id,
    category: row.category,
    targetGroup: row.target_group,
    urgency: row.urgency,
    answeredBy: row.answered_by,
    onBehalfOf: row.on_behalf_of,
    answeredAt: row.answered_at,
    data: JSON.parse(row.data) as unknown,
  };
}

/** A proposal still `proposed` whose workflow ended without approval reads as rejected. */
export function presentProposal(row: ProposalRow, state: string, responseIds?: string[]) {
  const status = row.status === 'proposed' && (state === 'rejected' || state === 'cancelled') ? 'rejected' : row.status;
  return {
    id: row.id,
    surveyId: row.survey_id,
    orgUnitId: row.org_unit_id,
    instanceId: row.instance_id,
    state,
    status,
    serviceItemKey: row.service_item_key,
    serviceItemVersion: row.service_item_version,
    item: JSON.parse(row.item) as Record<string, unknown>,
    ...(responseIds === undefined ? {} : { responseIds }),
    createdAt: row.created_at,
    publishedAt: row.published_at,
  };
}
