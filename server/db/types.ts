/**
 * Row types of every table, as Kysely sees them. Timestamps are ISO 8601 UTC strings in both dialects, so
 * they sort as text and never depend on a driver's date handling; JSON columns are text for the same reason.
 */
import type { Insertable, Selectable } from 'kysely';
import type { AssessmentTables } from './types-assessments';
import type { NotificationTables } from '../notifications/tables';
import type { StoreTables } from '../store/types';
import type { NeedsTables } from '../needs/tables';
import type { WishTables } from '../wishes/tables';

export interface OrgUnitTable {
  id: string;
  parent_id: string | null;
  /** Materialized path `/rootId/…/id/`: a subtree is one index range (see scope.ts). */
  path: string;
  level: string;
  station_type: string | null;
  name: string;
  name_en: string | null;
  admin_division_code: string | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  /** argon2id PHC string; null for people who never sign in (bulk volunteers). */
  password_hash: string | null;
  residence_org_unit_id: string | null;
  active: number;
  version: number;
  created_at: string;
}

export interface RoleMembershipTable {
  id: string;
  user_id: string;
  role: string;
  org_unit_id: string;
  team_id: string | null;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie token, so a database leak does not leak live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface TeamTable {
  id: string;
  org_unit_id: string;
  org_path: string;
  team_type: string;
  name: string;
  leader_user_id: string | null;
  version: number;
  created_at: string;
}

export interface TeamMemberTable {
  team_id: string;
  user_id: string;
}

export interface RoomTable {
  id: string;
  org_unit_id: string;
  room_type: string;
  name: string;
  capacity: number;
  version: number;
}

export interface DefinitionTable {
  id: string;
  kind: string;
  key: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  body: string;
  content_hash: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  retired_at: string | null;
  row_version: number;
}

export interface WorkflowInstanceTable {
  id: string;
  definition_key: string;
  definition_version: number;
  org_unit_id: string;
  org_path: string;
  state: string;
  status: string;
  /** The engine's whole instance snapshot (JSON), so the server never needs to understand engine internals. */
  snapshot: string;
  data: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TaskTable {
  id: string;
  instance_id: string;
  org_path: string;
  name: string;
  assignee_user_id: string | null;
  pool_role: string | null;
  pool_org_unit_id: string | null;
  pool_team_id: string | null;
  status: 'open' | 'done' | 'cancelled';
  claimed_by: string | null;
  due_at: string | null;
  created_at: string;
  closed_at: string | null;
  version: number;
}

export interface HistoryTable {
  instance_id: string;
  seq: number;
  event: string;
  from_state: string | null;
  to_state: string;
  actor_id: string;
  comment: string | null;
  data: string | null;
  at: string;
}

export interface TimerTable {
  id: string;
  instance_id: string;
  name: string;
  event: string;
  payload: string | null;
  due_at: string;
  claimed_by: string | null;
  claimed_at: string | null;
  fired_at: string | null;
  cancelled_at: string | null;
  version: number;
  /** When it was scheduled; null on rows from before migration 0112. */
  created_at: string | null;
}

export interface FormSubmissionTable {
  id: string;
  form_key: string;
  form_version: number;
  org_unit_id: string;
  org_path: string;
  instance_id: string | null;
  data: string;
  submitted_by: string;
  submitted_at: string;
  version: number;
}

export interface AttachmentTable {
  id: string;
  sha256: string;
  mime: string;
  size: number;
  file_name: string | null;
  org_unit_id: string | null;
  uploaded_by: string;
  uploaded_at: string;
}

export interface AuditLogTable {
  seq: number;
  actor_id: string;
  action: string;
  target_type: string;
  target_id: string;
  before_hash: string | null;
  after_hash: string | null;
  at: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface IdempotencyKeyTable {
  actor_id: string;
  key: string;
  request_hash: string;
  response_status: number;
  response_body: string;
  created_at: string;
}

export interface OutboxTable {
  id: string;
  instance_id: string | null;
  kind: string;
  payload: string;
  created_at: string;
  delivered_at: string | null;
  attempts: number;
  version: number;
  /** When webhook fan-out turned this row into deliveries (webhook rows only; see migration 0109). */
  fanned_out_at: string | null;
}

export interface Database extends AssessmentTables, StoreTables, NotificationTables, NeedsTables, WishTables {
  org_units: OrgUnitTable;
  users: UserTable;
  role_memberships: RoleMembershipTable;
  sessions: SessionTable;
  teams: TeamTable;
  team_members: TeamMemberTable;
  rooms: RoomTable;
  definitions: DefinitionTable;
  workflow_instances: WorkflowInstanceTable;
  tasks: TaskTable;
  history: HistoryTable;
  timers: TimerTable;
  form_submissions: FormSubmissionTable;
  attachments: AttachmentTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  idempotency_keys: IdempotencyKeyTable;
  outbox: OutboxTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type UserRow = Selectable<UserTable>;
export type DefinitionRow = Selectable<DefinitionTable>;
export type InstanceRow = Selectable<WorkflowInstanceTable>;
export type TaskRow = Selectable<TaskTable>;
export type HistoryRow = Selectable<HistoryTable>;
export type TimerRow = Selectable<TimerTable>;
export type NewTask = Insertable<TaskTable>;
