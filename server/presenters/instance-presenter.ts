import type { InstanceRow } from '../db/types';
import type { AvailableAction, WorkflowInstance } from '../engine/port';

export interface InstanceView {
  id: string;
  workflow: string;
  workflowVersion: number;
  orgUnitId: string;
  state: string;
  final: boolean;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  input: Record<string, unknown>;
  data: Record<string, unknown>;
  vars: Record<string, unknown>;
  escalationLevel: number;
  task: { kind: string; assignees: string[]; pool: { role: string; unit?: string | undefined } | null; due: string | null } | null;
  timers: { key: string; due: string }[];
  history: { seq: number; at: string; actor: string; event: string; from: string | null; to: string; comment: string | null }[];
  availableActions: AvailableAction[];
}

/** Row + engine instance → the API's instance; `version` is what If-Match must carry. */
export function presentInstance(row: InstanceRow, instance: WorkflowInstance, actions: AvailableAction[]): InstanceView {
  return {
    id: row.id,
    workflow: row.definition_key,
    workflowVersion: row.definition_version,
    orgUnitId: row.org_unit_id,
    state: instance.state,
    final: instance.final,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    input: instance.input,
    data: instance.data,
    vars: instance.vars,
    escalationLevel: instance.level,
    task:
      instance.task === undefined
        ? null
        : { kind: instance.task.kind, assignees: instance.task.assignees, pool: instance.task.pool ?? null, due: instance.task.due ?? null },
    timers: instance.timers.map((timer) => ({ key: timer.key, due: timer.due })),
    history: instance.history.map((entry) => ({ seq: entry.seq, at: entry.at, actor: entry.actor, event: entry.event, from: entry.from, to: entry.to, comment: entry.comment ?? null })),
    availableActions: actions,
  };
}

export function presentInstanceSummary(row: InstanceRow) {
  return {
    id: row.id,
    workflow: row.definition_key,
    workflowVersion: row.definition_version,
    orgUnitId: row.org_unit_id,
    state: row.state,
    final: row.status === 'final',
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
