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
  /** `amendment`: the district leader's corrections while deciding an appeal; they override the assessors' entries. */
  level: 'self' | 'institute' | 'district' | 'amendment';
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

export interface AssessmentTables extends RecordTables, WebhookTables, ActivityTables {
  assessment_cycles: AssessmentCycleTable;
  assessments: AssessmentTable;
  assessment_reviews: AssessmentReviewTable;
  api_tokens: ApiTokenTable;
}

/** A volunteer's service hours for one activity (volunteer-service regulations: actual service time, no travel). */
export interface ServiceRecordTable {
  id: string;
  org_unit_id: string;
  org_path: string;
  volunteer_user_id: string;
  team_id: string | null;
  activity_date: string;
  /** The activity-record form submission the hours belong to, when filed. */
  activity_id: string | null;
  hours: number;
  description: string | null;
  status: 'draft' | 'noticed' | 'final';
  noticed_at: string | null;
  finalised_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Every change of a service record (creation, correction, notice, finalisation); never updated. */
export interface ServiceRecordRevisionTable {
  record_id: string;
  seq: number;
  action: string;
  hours: number;
  status: string;
  reason: string | null;
  actor_id: string;
  at: string;
}

/** Append-only points: credits for final hours, redemptions, reversals; `reference` makes each entry idempotent. */
export interface PointsLedgerTable {
  id: string;
  user_id: string;
  org_unit_id: string;
  org_path: string;
  points: number;
  kind: 'credit' | 'redemption' | 'reversal' | 'correction';
  reference: string;
  record_id: string | null;
  actor_id: string;
  at: string;
}

export interface RecordTables {
  service_records: ServiceRecordTable;
  service_record_revisions: ServiceRecordRevisionTable;
  points_ledger: PointsLedgerTable;
}

export interface WebhookSubscriptionTable {
  id: string;
  url: string;
  /** JSON array of event types (`assessment.approved`, …), or `["*"]`. */
  events: string;
  /** Standard Webhooks secret `whsec_<base64>`; shown once at creation. */
  secret: string;
  /** Only events of instances in this subtree. */
  org_path: string;
  created_by: string;
  created_at: string;
  active: number;
}

/** One message to one subscription; its id is the `webhook-id` every retry repeats, so receivers dedupe. */
export interface WebhookDeliveryTable {
  id: string;
  subscription_id: string;
  outbox_id: string;
  event: string;
  payload: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  /** When the next attempt may start; also the lease of an attempt in flight. */
  next_attempt_at: string;
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface WebhookTables {
  webhook_subscriptions: WebhookSubscriptionTable;
  webhook_deliveries: WebhookDeliveryTable;
}

/** The yearly plan (month 0) and the monthly arrangements (months 1–12) of a unit's activities. */
export interface ActivityPlanTable {
  id: string;
  org_unit_id: string;
  org_path: string;
  year: number;
  month: number;
  title: string;
  /** JSON `[{title, date?, category?}]`. */
  items: string;
  filed_by: string;
  filed_at: string;
}

/** A check-in window for one activity, opened by staff, joined with a six-digit code. */
export interface AttendanceSessionTable {
  id: string;
  activity_id: string | null;
  org_unit_id: string;
  org_path: string;
  title: string;
  code: string;
  opens_at: string;
  closes_at: string;
  created_by: string;
}

export interface AttendanceTable {
  session_id: string;
  user_id: string;
  check_in_at: string;
  check_out_at: string | null;
}

export interface ActivityTables {
  activity_plans: ActivityPlanTable;
  attendance_sessions: AttendanceSessionTable;
  attendance: AttendanceTable;
}
