import type { Insertable, Kysely } from 'kysely';
import type { Effect, HistoryEntry, WorkflowInstance } from '../../../runtime/workflow/types';
import type { Actor } from '../../auth/actor';
import { problems } from '../../errors';
import { newId } from '../../util/ids';
import { poolAnywhere, type OrgScope } from '../scope';
import type { Database, HistoryTable, InstanceRow, OutboxTable, TaskTable } from '../types';
import { placeholderRows, prepared, rowValues, type CoversColumns } from './prepared';

/** The instance as the engine sees it: the stored snapshot plus the append-only history. */
export async function loadEngineInstance(db: Kysely<Database>, row: InstanceRow): Promise<WorkflowInstance> {
  const history = (await historyOf(db, { id: row.id })).rows;
  const snapshot = JSON.parse(row.snapshot) as Omit<WorkflowInstance, 'history'>;
  return { ...snapshot, history: history.map((entry) => JSON.parse(entry.data ?? '{}') as HistoryEntry) };
}

/** The instance if the actor may see it (see OrgScope.instances); 404 otherwise. */
export async function findVisibleInstance(db: Kysely<Database>, scope: OrgScope, id: string): Promise<InstanceRow> {
  const row = (await visibleInstance(db, { id }, scope)).rows[0];
  if (row === undefined) throw problems.notFound('instance');
  return row;
}

function snapshotOf(instance: WorkflowInstance): string {
  const { history: _history, ...snapshot } = instance;
  return JSON.stringify(snapshot);
}

function dataOf(instance: WorkflowInstance): string {
  return JSON.stringify({ input: instance.input, data: instance.data, vars: instance.vars });
}

export async function insertInstance(db: Kysely<Database>, instance: WorkflowInstance, orgPath: string, createdBy: string, at: string): Promise<InstanceRow> {
  const row: InstanceRow = {
    id: instance.id,
    definition_key: instance.workflow,
    definition_version: instance.version,
    org_unit_id: instance.unit,
    org_path: orgPath,
    state: instance.state,
    status: instance.final ? 'final' : 'active',
    snapshot: snapshotOf(instance),
    data: dataOf(instance),
    created_by: createdBy,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  await db.insertInto('workflow_instances').values(row).execute();
  await appendHistory(db, instance, 0);
  return row;
}

/** Version-checked save: false when another command got there first. */
export async function saveInstance(db: Kysely<Database>, instance: WorkflowInstance, previous: InstanceRow, at: string): Promise<InstanceRow | null> {
  const changes = {
    state: instance.state,
    status: instance.final ? 'final' : 'active',
    snapshot: snapshotOf(instance),
    data: dataOf(instance),
    updated_at: at,
    version: previous.version + 1,
  };
  const result = await updateInstance(db, { ...changes, id: previous.id, previous: previous.version });
  if (Number(result.numAffectedRows ?? 0n) !== 1) return null;
  return { ...previous, ...changes };
}

/** Appends the entries the engine added after the first `known` ones. History rows are never updated. */
export async function appendHistory(db: Kysely<Database>, instance: WorkflowInstance, known: number): Promise<void> {
  const fresh = instance.history.slice(known);
  if (fresh.length === 0) return;
  const rows = fresh.map((entry) => ({
    instance_id: instance.id,
    seq: entry.seq,
    event: entry.event,
    from_state: entry.from,
    to_state: entry.to,
    actor_id: entry.actor,
    comment: entry.comment ?? null,
    data: JSON.stringify(entry),
    at: entry.at,
  }));
  await insertHistory(db, rowValues(historyColumns, rows), rows.length);
}

/**
 * Mirrors the engine's open task into task rows (one per assignee, or one pool row), so inbox queries are
 * index lookups. Rows of a task that ended are closed, never deleted.
 */
export async function syncTasks(db: Kysely<Database>, before: WorkflowInstance | null, after: WorkflowInstance, orgPath: string, teamIds: ReadonlySet<string>, at: string): Promise<void> {
  const same = before !== null && before.state === after.state && JSON.stringify(before.task ?? null) === JSON.stringify(after.task ?? null);
  if (same) return;
  if (before !== null) {
    await closeOpenTasks(db, { at, id: after.id });
  }
  const task = after.task;
  if (task === undefined || after.final) return;
  const decided = new Set(task.votes.map((vote) => vote.by));
  const base = { instance_id: after.id, org_path: orgPath, name: after.state, status: 'open' as const, claimed_by: null, due_at: task.due ?? null, created_at: at, closed_at: null, version: 1 };
  const rows: Insertable<TaskTable>[] = task.assignees
    .filter((userId) => !decided.has(userId))
    .map((userId) => ({ ...base, id: newId(), assignee_user_id: userId, pool_role: null, pool_org_unit_id: null, pool_team_id: null }));
  if (task.assignees.length === 0 && task.pool !== undefined) {
    // No unit: anyone holding the role, anywhere, may claim (the definition's `at: any`).
    const unit = task.pool.unit ?? null;
    const isTeam = unit !== null && teamIds.has(unit);
    rows.push({ ...base, id: newId(), assignee_user_id: null, pool_role: task.pool.role, pool_org_unit_id: isTeam ? null : (unit ?? poolAnywhere), pool_team_id: isTeam ? unit : null });
  }
  if (rows.length > 0) await insertTasks(db, rowValues(taskColumns, rows as Record<(typeof taskColumns)[number], unknown>[]), rows.length);
}

/**
 * Executes the engine's effects inside the caller's transaction: timers become timer rows (a timer
 * scheduled again replaces its pending row, a cancelled one is marked), everything that leaves the system
 * (notifications, webhooks, records) goes to the outbox, to be delivered after commit by a relay. Rows are
 * written in batches: one update and one insert for timers, one insert for the outbox.
 */
export async function executeEffects(db: Kysely<Database>, instanceId: string, effects: readonly Effect[], at: string): Promise<void> {
  const cancelled = new Set<string>();
  const scheduled = new Map<string, string>();
  const outbox: Insertable<OutboxTable>[] = [];
  for (const effect of effects) {
    switch (effect.type) {
      case 'schedule':
        cancelled.add(effect.timer);
        scheduled.set(effect.timer, effect.due);
        break;
      case 'cancel':
        cancelled.add(effect.timer);
        scheduled.delete(effect.timer);
        break;
      case 'notify':
      case 'webhook':
      case 'record':
      case 'setData':
        outbox.push({ id: newId(), instance_id: instanceId, kind: effect.type, payload: JSON.stringify(effect), created_at: at, delivered_at: null, attempts: 0, version: 1, fanned_out_at: null });
        break;
      default: {
        const unknown: never = effect;
        throw new Error(`unhandled effect ${JSON.stringify(unknown)}`);
      }
    }
  }
  if (cancelled.size > 0) {
    const names: Record<string, unknown> = { at, id: instanceId };
    [...cancelled].forEach((name, index) => (names[`name${index}`] = name));
    await cancelTimers(db, names, cancelled.size);
  }
  if (scheduled.size > 0) {
    const timers = [...scheduled].map(([name, due]) => ({ id: newId(), instance_id: instanceId, name, due_at: due, created_at: at }));
    await insertTimers(db, rowValues(timerColumns, timers), timers.length);
  }
  if (outbox.length > 0) await insertOutbox(db, rowValues(outboxColumns, outbox as Record<(typeof outboxColumns)[number], unknown>[]), outbox.length);
}

/**
 * The scope condition itself, compiled, keys the statement: whatever the scope comes to depend on, two
 * actors share a compiled statement only when their conditions are the same SQL with the same values.
 */
function scopeSignature(scope: OrgScope, db: Kysely<Database>): string {
  // Compiling the condition costs as much as the lookup it keys; a session's actor object lives for a few
  // seconds (auth/session-cache.ts) and its memberships do not change under it, so compile once per actor.
  let signature = signatures.get(scope.actor);
  if (signature === undefined) {
    const condition = scope.instances().compile(db);
    signature = `${condition.sql}\u0001${JSON.stringify(condition.parameters)}`;
    signatures.set(scope.actor, signature);
  }
  return signature;
}
const signatures = new WeakMap<Actor, string>();

const visibleInstance = prepared<'id', InstanceRow, OrgScope>((db, p, scope) => db.selectFrom('workflow_instances').selectAll().where('id', '=', p('id')).where(scope.instances()), scopeSignature);

// The command path's statements, compiled once per database and row count (see prepared.ts). The
// *ColumnsComplete constants fail to compile when a table gains a column the insert would leave out.
const historyOf = prepared<'id', { data: string | null }>((db, p) => db.selectFrom('history').select('data').where('instance_id', '=', p('id')).orderBy('seq'));
const updateInstance = prepared<'state' | 'status' | 'snapshot' | 'data' | 'updated_at' | 'version' | 'id' | 'previous', never>((db, p) =>
  db
    .updateTable('workflow_instances')
    .set({ state: p('state'), status: p('status'), snapshot: p('snapshot'), data: p('data'), updated_at: p('updated_at'), version: p('version') })
    .where('id', '=', p('id'))
    .where('version', '=', p('previous')),
);
const historyColumns = ['instance_id', 'seq', 'event', 'from_state', 'to_state', 'actor_id', 'comment', 'data', 'at'] as const;
const historyColumnsComplete: CoversColumns<HistoryTable, typeof historyColumns> = true;
const insertHistory = prepared<string, never>((db, p, count) => db.insertInto('history').values(placeholderRows(historyColumns, count, p)));
const closeOpenTasks = prepared<'at' | 'id', never>((db, p) =>
  db.updateTable('tasks').set((eb) => ({ status: 'done', closed_at: p('at'), version: eb('version', '+', 1) })).where('instance_id', '=', p('id')).where('status', '=', 'open'),
);
const taskColumns = ['id', 'instance_id', 'org_path', 'name', 'status', 'assignee_user_id', 'claimed_by', 'pool_role', 'pool_org_unit_id', 'pool_team_id', 'due_at', 'created_at', 'closed_at', 'version'] as const;
const taskColumnsComplete: CoversColumns<TaskTable, typeof taskColumns> = true;
const insertTasks = prepared<string, never>((db, p, count) => db.insertInto('tasks').values(placeholderRows(taskColumns, count, p)));
const cancelTimers = prepared<string, never>((db, p, count) =>
  db
    .updateTable('timers')
    .set((eb) => ({ cancelled_at: p('at'), version: eb('version', '+', 1) }))
    .where('instance_id', '=', p('id'))
    .where(
      'name',
      'in',
      Array.from({ length: count }, (_, index) => p(`name${index}`)),
    )
    .where('fired_at', 'is', null)
    .where('cancelled_at', 'is', null),
);
// A new timer is pending and unclaimed: only these columns vary.
const timerColumns = ['id', 'instance_id', 'name', 'due_at', 'created_at'] as const;
const insertTimers = prepared<string, never>((db, p, count) =>
  db.insertInto('timers').values(
    placeholderRows(timerColumns, count, p).map((row) => ({ ...row, event: 'timer', payload: null, claimed_by: null, claimed_at: null, fired_at: null, cancelled_at: null, version: 1 })),
  ),
);
const outboxColumns = ['id', 'instance_id', 'kind', 'payload', 'created_at', 'delivered_at', 'attempts', 'version', 'fanned_out_at'] as const;
const outboxColumnsComplete: CoversColumns<OutboxTable, typeof outboxColumns> = true;
const insertOutbox = prepared<string, never>((db, p, count) => db.insertInto('outbox').values(placeholderRows(outboxColumns, count, p)));
