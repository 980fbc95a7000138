import type { HolidayCalendar } from '../calendar';
import type { LocalizedText } from '../schema/common';
import type { FormDefinition } from '../schema/form';
import type { OrgLevel } from '../schema/station-type';

/** A role held at an org unit (or at a team, for teamLeader); `unitId` absent = held without a place (resident). */
export interface RoleMembership {
  role: string;
  unitId?: string;
}

/** Who sends a command. The server builds it from the session; `system` is the actor of timers. */
export interface Actor {
  id: string;
  roles: readonly RoleMembership[];
}

/** History event of the entry that starts an instance; not a command (a transition may be called `start`). */
export const START_EVENT = '@start';
/** History event of a version migration; not a command. */
export const MIGRATE_EVENT = '@migrate';

/** The actor of timer firings and other automatic commands. */
export const SYSTEM_ACTOR: Actor = { id: 'system', roles: [] };

/** 委托: `from`'s tasks go to `to` between `start` and `end` (ISO instants, end exclusive). */
export interface Delegation {
  from: string;
  to: string;
  start: string;
  end: string;
  /** Limit to these workflow keys; all when absent. */
  workflows?: readonly string[];
}

/** Org facts about the instance's unit, supplied by the server. */
export interface OrgFacts {
  /** The instance's unit first, then its parent, up to the root (center). */
  ancestors: readonly { id: string; level: OrgLevel }[];
  /** User ids holding `role` at `unitId` (a team id for teamLeader). */
  holders(role: string, unitId: string): readonly string[];
}

/** Everything the engine reads from outside: plain data and pure lookups. No clock, no I/O. */
export interface WorkflowContext {
  /** The current time (ISO 8601). */
  now: string;
  org: OrgFacts;
  /** Form definitions by key (and version); needed for transitions with a `form`. */
  forms?(key: string, version?: number): FormDefinition | undefined;
  calendar?: HolidayCalendar;
  delegations?: readonly Delegation[];
  /** Per-instance overrides of timer durations by timer key (a service item's SLA). */
  durations?: Readonly<Record<string, { after: string; calendar?: 'calendar' | 'working' }>>;
}

export interface Vote {
  by: string;
  event: string;
  decision: 'approve' | 'reject';
  at: string;
  /** The delegate who cast the vote for `by` (委托). */
  via?: string;
}

/** The open approval step of the current state. */
export interface Task {
  kind: string;
  /** Ordered signers (order matters for sequential); empty while a pool is unclaimed. */
  assignees: string[];
  /** 抢单: role rule the claimers must hold, until somebody claims. */
  pool?: { role: string; unit?: string };
  votes: Vote[];
  /** Who claimed the pool (抢单); claiming counts as acting, so 撤回 is no longer possible. */
  claimed?: string;
  due?: string;
  remindedAt?: string;
}

export interface PendingTimer {
  key: string;
  due: string;
}

/** One accepted command; the history is append-only and folding it reproduces the instance. */
export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  event: string;
  from: string | null;
  to: string;
  onBehalfOf?: string;
  data?: unknown;
  comment?: string;
  target?: string;
  position?: 'before' | 'after';
  timer?: string;
  /** Assignees resolved when a task was (re)created, so replay does not depend on today's org tree. */
  assigned?: string[];
  /** Org level after the command, when it changed (escalation). */
  level?: number;
  /** The command counted as a vote of the open step. */
  vote?: true;
  /** Taken automatically as part of the previous command (an empty step skipped). */
  auto?: true;
  /** Definition versions of a migration. */
  migration?: { fromVersion: number; toVersion: number };
}

/** A running or finished workflow instance, as persisted (plain JSON). */
export interface WorkflowInstance {
  id: string;
  workflow: string;
  /** Definition version the instance runs on. */
  version: number;
  /** The org unit the instance belongs to (e.g. the station an order lands at). */
  unit: string;
  /** How many org levels above `unit` it is escalated to (0 = its own unit). */
  level: number;
  initiator: string;
  state: string;
  final: boolean;
  input: Record<string, unknown>;
  /** Form data submitted per event, the latest under the event name. */
  data: Record<string, unknown>;
  vars: Record<string, unknown>;
  task?: Task;
  timers: PendingTimer[];
  /** 抄送: users given read access. */
  readers?: string[];
  history: HistoryEntry[];
  /** Incremented by every accepted command; compare with `expectedRevision` for optimistic concurrency. */
  revision: number;
}

export interface Command {
  event: string;
  actor: Actor;
  data?: unknown;
  comment?: string;
  /** Act as this assignee under a delegation (filled in automatically when unambiguous). */
  onBehalfOf?: string;
  expectedRevision?: number;
  /** Send-back target state, or the user of transfer / addSigner / removeSigner. */
  target?: string;
  position?: 'before' | 'after';
  /** Timer key of a `timer` command. */
  timer?: string;
}

export type Effect =
  | { type: 'notify'; to: string[]; message: string; data?: Record<string, unknown> }
  | { type: 'schedule'; timer: string; due: string }
  | { type: 'cancel'; timer: string }
  | { type: 'webhook'; event: string; data?: Record<string, unknown> }
  | { type: 'record'; record: string; data: Record<string, unknown> }
  | { type: 'setData'; values: Record<string, unknown> };

export interface FormIssueLike {
  pointer: string;
  code: string;
  message: LocalizedText;
  params?: Record<string, unknown>;
}

/** Why a command was refused; the instance is unchanged. Every rejection carries a bilingual message. */
export type Rejection = { message: LocalizedText } & (
  | { code: 'instance-final'; state: string }
  | { code: 'stale-revision'; expected: number; actual: number }
  | { code: 'event-not-available'; event: string; state: string; available: string[] }
  | { code: 'actor-not-allowed'; event: string; rules: string[] }
  | { code: 'guard-false'; expression: string; values: Record<string, unknown> }
  | { code: 'form-invalid'; form: string; issues: FormIssueLike[] }
  | { code: 'form-unknown'; form: string }
  | { code: 'expression-failed'; expression: string; reason: LocalizedText }
  | { code: 'target-invalid'; target: string | undefined; reason: string }
  | { code: 'timer-not-pending'; timer: string | undefined }
  | { code: 'remind-too-soon'; nextAt: string }
  | { code: 'withdraw-too-late' }
  | { code: 'no-higher-level' }
  | { code: 'definition-mismatch'; expected: string; actual: string }
);

export type Outcome =
  | { ok: true; instance: WorkflowInstance; effects: Effect[] }
  | { ok: false; rejection: Rejection };

/** What an actor may do now; the server lists these as buttons, the studio simulator as choices. */
export interface AvailableAction {
  event: string;
  /** Target state when the event is a transition (for a vote, where it leads once the step decides). */
  to?: string;
  title?: LocalizedText;
  form?: string;
  /** The actor would act for this assignee under a delegation. */
  onBehalfOf?: string;
  /** Allowed targets of sendBack / removeSigner. */
  targets?: string[];
  positions?: ('before' | 'after')[];
  /** A vote that does not by itself decide the step (会签/依次/票签 with others pending). */
  vote?: boolean;
}
