import type { RubricDefinition } from '../../runtime/schema/rubric';
import type { ReviewSheet } from '../../runtime/rubric/types';
import type { Explanation } from '../../runtime/rubric/explain';
import { api } from '../api/client';
import type { Command, Instance } from './workspace-api';
import type { StoredDefinition } from '../api/endpoints';

/** Whose sheet: the unit's, its institute's, an assessor's, or the leader's amendment while deciding an appeal. */
export type ReviewLevel = 'self' | 'institute' | 'district' | 'amendment';

export interface AssessmentSummary {
  id: string;
  cycleId: string;
  orgUnitId: string;
  level: string;
  state: string;
  tier: string | null;
  score: number | null;
}

export interface Assessment {
  id: string;
  cycleId: string;
  orgUnitId: string;
  parentId: string | null;
  level: string;
  rubric: { key: string; version: number };
  instance: { id: string; state: string; version: number; final: boolean; availableActions: string[] };
  metrics: Record<string, number>;
  reviews: { self: ReviewSheet | null; institute: ReviewSheet | null; district: Record<string, ReviewSheet>; amendment: ReviewSheet | null };
  current: { score: number; tier: string; rule: string; assessorDisagreements: string[]; missing: string[] };
  result: { score: number; tier: string; rule: string } | null;
  version: number;
}

export function assessmentApi() {
  return {
    list: (signal?: AbortSignal) => api.get<{ items: AssessmentSummary[] }>('/api/assessments', signal ? { signal } : {}),
    get: (id: string, signal?: AbortSignal) => api.get<Assessment>(`/api/assessments/${encodeURIComponent(id)}`, signal ? { signal } : {}),
    saveReview: (id: string, level: ReviewLevel, sheet: ReviewSheet) => api.put<Assessment>(`/api/assessments/${encodeURIComponent(id)}/reviews/${level}`, sheet),
    command: (id: string, version: number, command: Command, idempotencyKey: string) =>
      api.post<{ assessment: Assessment; instance: Instance }>(`/api/assessments/${encodeURIComponent(id)}/commands`, command, { headers: { 'If-Match': `"${version}"`, 'Idempotency-Key': idempotencyKey } }),
    explanation: (id: string, signal?: AbortSignal) => api.get<{ stored: boolean; explanation: Explanation }>(`/api/assessments/${encodeURIComponent(id)}/explanation`, signal ? { signal } : {}),
    rubric: (key: string, version: number) => api.get<StoredDefinition<RubricDefinition>>(`/api/definitions/rubric/${encodeURIComponent(key)}`, { query: { version } }),
  };
}
