/** Row types of the needs-collection tables (migration 0106); part of `Database` in db/types.ts. */

export interface NeedsSurveyTable {
  id: string;
  title: string;
  form_key: string;
  form_version: number;
  owner_org_unit_id: string;
  owner_org_path: string;
  opens_at: string;
  closes_at: string;
  /** `open` until closed by hand; answers are also refused outside [opens_at, closes_at). */
  status: 'open' | 'closed';
  created_by: string;
  created_at: string;
  version: number;
}

export interface NeedsSurveyTargetTable {
  survey_id: string;
  /** A targeted unit; every unit in its subtree may answer. */
  org_unit_id: string;
  org_path: string;
}

export interface NeedsResponseTable {
  id: string;
  survey_id: string;
  org_unit_id: string;
  org_path: string;
  /** Copied from the answer at write time, so aggregation is plain GROUP BY on both dialects. */
  category: string;
  target_group: string;
  urgency: string;
  data: string;
  answered_by: string;
  /** Set when a proxy orderer or station admin answered for a resident: the resident's name as given. */
  on_behalf_of: string | null;
  answered_at: string;
}

export interface NeedProposalTable {
  id: string;
  survey_id: string | null;
  org_unit_id: string;
  org_path: string;
  instance_id: string;
  /** The service item body to publish on approval (JSON). */
  item: string;
  status: 'proposed' | 'published' | 'rejected' | 'failed';
  service_item_key: string;
  service_item_version: number | null;
  failure: string | null;
  created_by: string;
  created_at: string;
  published_at: string | null;
  version: number;
}

export interface NeedProposalResponseTable {
  proposal_id: string;
  response_id: string;
}

export interface NeedsTables {
  needs_surveys: NeedsSurveyTable;
  needs_survey_targets: NeedsSurveyTargetTable;
  needs_responses: NeedsResponseTable;
  need_proposals: NeedProposalTable;
  need_proposal_responses: NeedProposalResponseTable;
}
