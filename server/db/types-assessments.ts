/**
 * Tables of assessment cycles, their per-unit assessments and review sheets, and integrators' API tokens.
 * Kept apart from types.ts so the server core and the assessment module grow without editing one hub.
 */
export interface AssessmentCycleTable {
  id: string;
  year: number;
  period_from: string;
  period_to: string;
  /** JSON `[{level, key, version}]`: the rubric version each level is scored under, pinned for the cycle. */
  rubrics: string;
  /** JSON user ids of the district assessors (countersign). */
  assessors: string;
  /** JSON `{selfAssessmentDue, reviewDue, scoringDue}` ISO dates. */
  deadlines: string;
  notice_days: number;
  appeal_days: number;
  /** JSON quota overrides, or null to use the rubric's own. */
  quotas: string | null;
  status: 'open' | 'closed';
  created_by: string;
  created_at: string;
  version: number;
}

export interface AssessmentTable {
  id: string;
  cycle_id: string;
  org_unit_id: string;
  org_path: string;
  parent_id: string | null;
  level: string;
  rubric_key: string;
  rubric_version: number;
  instance_id: string;
  /** FrozenMetrics JSON, written once at opening. */
  frozen_metrics: string;
  /** UnitScore JSON of the last computed result (at approval and at final), null before. */
  result: string | null;
  tier: string | null;
  score: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Append-only: the latest sheet per (assessment, level, reviewer) counts; earlier ones are history. */
export interface AssessmentReviewTable {
  id: string;
  assessment_id: string;
  level: 'self' | 'institute' | 'district';
  reviewer_id: string;
  sheet: string;
  created_at: string;
}

export interface ApiTokenTable {
  id: string;
  /** sha256 of the secret; the secret itself is shown once at creation and never stored. */
  token_hash: string;
  name: string;
  user_id: string;
  scope: 'read' | 'write' | 'admin';
  /** Org path the token is limited to, or null for the creator's whole reach. */
  org_path: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AssessmentTables {
  assessment_cycles: AssessmentCycleTable;
  assessments: AssessmentTable;
  assessment_reviews: AssessmentReviewTable;
  api_tokens: ApiTokenTable;
}
