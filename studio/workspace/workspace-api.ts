/**
 * The workspace's calls to the server: inbox, instances and their commands, definitions and teams.
 * Shapes follow server/routes/{tasks,instances,teams,definitions}/schema.ts.
 */
import type { LocalizedText } from '../../runtime/schema/common';
import type { FormDefinition } from '../../runtime/schema/form';
import type { WorkflowDefinition } from '../../runtime/schema/workflow';
import { api, type Client } from '../api/client';
import type { StoredDefinition } from '../api/endpoints';

export interface Task {
  id: string;
  instanceId: string;
  workflow: string;
  state: string;
  orgUnitId: string;
  /** The instance's unit by name; absent from servers older than this field. */
  orgUnitName?: string | null;
  /** What the instance is about (an order's description); absent from servers older than this field. */
  subject?: string | null;
  instanceVersion: number;
  name: string;
  assigneeUserId: string | null;
  pool: { role: string; orgUnitId: string | null; teamId: string | null } | null;
  dueAt: string | null;
  createdAt: string;
  /** 催办 so far on the task's instance; absent from servers older than this field. */
  reminders?: { count: number; lastAt: string } | null;
}

/** One inbox request (server/routes/tasks/schema.ts): filters, and the previous page's nextCursor. */
export interface InboxQuery {
  workflow?: string;
  state?: string;
  kind?: 'assigned' | 'pool';
  overdue?: '1';
  cursor?: string;
  /** At most 200; the server's default is 50. */
  limit?: number;
}

export interface InboxPage {
  items: Task[];
  /** null on the last page. */
  nextCursor: string | null;
}

export interface AvailableAction {
  event: string;
  to?: string;
  title?: LocalizedText;
  form?: string;
  onBehalfOf?: string;
  targets?: string[];
  positions?: ('before' | 'after')[];
  vote?: boolean;
  /** 转交/加签/抄送: the people the server offers to pick, by name. */
  candidates?: { userId: string; name: string }[];
}

export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  event: string;
  from: string | null;
  to: string;
  comment: string | null;
}

export interface InstanceSummary {
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
}

/** An instance as lists give it. */
export interface InstanceListItem extends InstanceSummary {
  /** What it is about (an order's description); absent from servers older than this field. */
  subject?: string | null;
}

export interface Instance extends InstanceSummary {
  input: Record<string, unknown>;
  data: Record<string, unknown>;
  vars: Record<string, unknown>;
  escalationLevel: number;
  task: { kind: string; assignees: string[]; pool: { role: string; unit?: string } | null; due: string | null } | null;
  timers: { key: string; due: string }[];
  history: HistoryEntry[];
  availableActions: AvailableAction[];
}

export interface Team {
  id: string;
  orgUnitId: string;
  teamType: string;
  name: string;
  leaderUserId: string | null;
  memberCount: number;
}

export interface Command {
  event: string;
  data?: unknown;
  comment?: string;
  target?: string;
  position?: 'before' | 'after';
}

/** A key that stays the same for every retry of one intended command, so a retry never applies twice. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function workspaceApi(client: Client = api) {
  return {
    inbox: (query: InboxQuery = {}, signal?: AbortSignal) => client.get<InboxPage>('/api/tasks', { query: { mine: '1', ...query }, ...(signal ? { signal } : {}) }),
    claim: (taskId: string) => client.post<Instance>(`/api/tasks/${encodeURIComponent(taskId)}/claim`),
    instance: (id: string, signal?: AbortSignal) => client.get<Instance>(`/api/instances/${encodeURIComponent(id)}`, signal ? { signal } : {}),
    instances: (query: { workflow?: string; state?: string; cursor?: string; limit?: number }, signal?: AbortSignal) =>
      client.get<{ items: InstanceListItem[]; nextCursor: string | null }>('/api/instances', { query, ...(signal ? { signal } : {}) }),
    start: (workflow: string, orgUnitId: string, data: Record<string, unknown>) => client.post<Instance>('/api/instances', { workflow, orgUnitId, data }),
    /** If-Match carries the version the person saw: a command against a changed instance is refused (412), never misapplied. */
    command: (id: string, version: number, command: Command, idempotencyKey: string) =>
      client.post<Instance>(`/api/instances/${encodeURIComponent(id)}/commands`, command, { headers: { 'If-Match': `"${version}"`, 'Idempotency-Key': idempotencyKey } }),
    teams: () => client.get<{ items: Team[] }>('/api/teams'),
    workflow: (key: string, version?: number) => client.get<StoredDefinition<WorkflowDefinition>>(`/api/definitions/workflow/${encodeURIComponent(key)}`, { query: { version } }),
    form: (key: string, version?: number) => client.get<StoredDefinition<FormDefinition>>(`/api/definitions/form/${encodeURIComponent(key)}`, { query: { version } }),
    definitions: (kind: string) => client.get<{ items: { kind: string; key: string; version: number; status: string }[] }>('/api/definitions', { query: { kind, status: 'published' } }),
    definition: <B>(kind: string, key: string, version?: number) => client.get<StoredDefinition<B>>(`/api/definitions/${kind}/${encodeURIComponent(key)}`, { query: { version } }),
  };
}

export type WorkspaceApi = ReturnType<typeof workspaceApi>;
