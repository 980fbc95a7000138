/**
 * The community area's calls: needs surveys, their answers and aggregates, 制单 proposals, and the wish
 * wall. Shapes follow server/routes/needs/schema.ts and server/routes/wishes/schema.ts.
 */
import type { FormDefinition } from '../../runtime/schema/form';
import { api, type Client } from '../api/client';

export interface Survey {
  id: string;
  title: string;
  formKey: string;
  formVersion: number;
  ownerOrgUnitId: string;
  targetUnitIds: string[];
  opensAt: string;
  closesAt: string;
  status: 'open' | 'closed';
  open: boolean;
  version: number;
  form?: FormDefinition;
}

export interface AggregateCell {
  category: string;
  orgUnitId: string;
  orgUnitName: string;
  targetGroup: string;
  count: number;
  urgent: number;
}

export interface SurveyResponse {
  id: string;
  urgency: string;
  onBehalfOf: string | null;
  answeredAt: string;
  data: { description?: string; contactName?: string; contactPhone?: string };
}

export interface Proposal {
  id: string;
  surveyId: string | null;
  orgUnitId: string;
  instanceId: string;
  state: string;
  status: 'proposed' | 'published' | 'rejected' | 'failed';
  serviceItemKey: string;
  serviceItemVersion: number | null;
  item: { title?: { 'zh-CN': string; en?: string } };
  createdAt: string;
}

export interface ProposedItem {
  titleZh: string;
  titleEn?: string;
  category: string;
  descriptionZh: string;
  targetGroups: string[];
  deliveryModes: string[];
}

export interface Wish {
  id: string;
  orgUnitId: string;
  requesterId: string;
  text: string;
  photos: string[];
  category: string | null;
  status: 'open' | 'claimed' | 'assigned';
  claimedTeamId: string | null;
  instanceId: string;
  orderState: string;
  createdAt: string;
}

export interface OrgUnit {
  id: string;
  parentId: string | null;
  level: string;
  name: string;
}

export interface TeamSummary {
  id: string;
  orgUnitId: string;
  name: string;
  leaderUserId: string | null;
}

export function communityApi(client: Client = api) {
  return {
    surveys: (signal?: AbortSignal) => client.get<{ items: Survey[] }>('/api/needs/surveys', signal ? { signal } : {}),
    survey: (id: string, signal?: AbortSignal) => client.get<Survey>(`/api/needs/surveys/${encodeURIComponent(id)}`, signal ? { signal } : {}),
    publishSurvey: (body: { title: string; targetUnitIds: string[]; opensAt: string; closesAt: string }) => client.post<Survey>('/api/needs/surveys', body),
    closeSurvey: (id: string, version: number) => client.post<Survey>(`/api/needs/surveys/${encodeURIComponent(id)}/close`, undefined, { headers: { 'If-Match': `"${version}"` } }),
    answer: (id: string, body: { data: Record<string, unknown>; onBehalfOf?: string }) => client.post<{ id: string }>(`/api/needs/surveys/${encodeURIComponent(id)}/responses`, body),
    responses: (id: string, cell: { category: string; orgUnitId: string; targetGroup: string }, signal?: AbortSignal) =>
      client.get<{ items: SurveyResponse[] }>(`/api/needs/surveys/${encodeURIComponent(id)}/responses`, { query: cell, ...(signal ? { signal } : {}) }),
    aggregate: (id: string, signal?: AbortSignal) => client.get<{ total: number; cells: AggregateCell[] }>(`/api/needs/surveys/${encodeURIComponent(id)}/aggregate`, signal ? { signal } : {}),
    propose: (body: { orgUnitId: string; surveyId: string; cells: { category: string; orgUnitId: string; targetGroup: string }[]; item: ProposedItem }) => client.post<Proposal>('/api/needs/proposals', body),
    proposals: (signal?: AbortSignal) => client.get<{ items: Proposal[] }>('/api/needs/proposals', signal ? { signal } : {}),
    units: (signal?: AbortSignal) => client.get<{ items: OrgUnit[] }>('/api/org-units', signal ? { signal } : {}),
    wishes: (signal?: AbortSignal) => client.get<{ items: Wish[] }>('/api/wishes', signal ? { signal } : {}),
    postWish: (body: { text: string; photos: string[] }) => client.post<Wish>('/api/wishes', body),
    claimWish: (id: string, teamId: string) => client.post<Wish>(`/api/wishes/${encodeURIComponent(id)}/claim`, { teamId }),
    assignWish: (id: string, teamId: string) => client.post<Wish>(`/api/wishes/${encodeURIComponent(id)}/assign`, { teamId }),
    teams: (signal?: AbortSignal) => client.get<{ items: TeamSummary[] }>('/api/teams', signal ? { signal } : {}),
  };
}
