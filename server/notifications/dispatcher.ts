/**
 * Turns `notify` effects in the outbox into notifications. A batch is claimed, written and marked
 * delivered in ONE transaction (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so several servers split the
 * rows), and every notification is unique per (outbox row, user): each is written exactly once, even when
 * dispatchers race or a server dies mid-batch (its transaction rolls back and the rows are claimed again).
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DatabaseHandle } from '../db/dialects/dialect';
import type { Database } from '../db/types';
import type { DefinitionCache } from '../engine/definition-cache';
import { TASK_ASSIGNED } from './messages';
import { titleParams } from './titles';
import { writeNotifications, type NotificationBatch } from './write';

export interface DispatchDeps {
  database: DatabaseHandle;
  definitions: DefinitionCache;
  clock: () => Date;
  channelIds: readonly string[];
}

interface NotifyEffect {
  to?: unknown;
  message?: unknown;
  data?: unknown;
}

/**
 * Notify rows not yet handled, oldest first. The predicate is spelled with literals, as in the partial index
 * `outbox_notify_pending` (migration 0111), so that SQLite can prove the index applies.
 */
export function pendingNotifications(db: Kysely<Database>, batchSize: number) {
  return db
    .selectFrom('outbox')
    .select(['id', 'instance_id', 'payload', 'created_at'])
    .where(sql<SqlBool>`kind = ${sql.lit('notify')} and delivered_at is null`)
    .orderBy('created_at')
    .orderBy('id')
    .limit(batchSize);
}

/** Claims and handles one batch; says how many outbox rows it took and how many notifications it wrote. */
export async function dispatchBatch(deps: DispatchDeps, batchSize = 100): Promise<{ claimed: number; written: number }> {
  const { db, capabilities } = deps.database;
  return db.transaction().execute(async (trx) => {
    let query = pendingNotifications(trx, batchSize);
    if (capabilities.supportsSkipLocked) query = query.forUpdate().skipLocked();
    const rows = await query.execute();
    if (rows.length === 0) return { claimed: 0, written: 0 };
    const at = deps.clock();
    const instanceIds = [...new Set(rows.flatMap((row) => (row.instance_id === null ? [] : [row.instance_id])))];
    const instances = new Map((instanceIds.length === 0 ? [] : await trx.selectFrom('workflow_instances').select(['id', 'definition_key', 'definition_version', 'state']).where('id', 'in', instanceIds).execute()).map((row) => [row.id, row]));
    const openTasks = instanceIds.length === 0 ? [] : await trx.selectFrom('tasks').select(['id', 'instance_id', 'assignee_user_id']).where('instance_id', 'in', instanceIds).where('status', '=', 'open').where('assignee_user_id', 'is not', null).execute();
    const taskOf = new Map(openTasks.map((task) => [`${task.instance_id} ${task.assignee_user_id}`, task.id]));
    const actorOf = await commandActors(trx, rows);
    const batches: NotificationBatch[] = [];
    for (const row of rows) {
      const effect = parse(row.payload);
      if (effect === null) continue; // Malformed: nothing to tell anyone; it is marked handled below, never retried forever.
      const instance = row.instance_id === null ? undefined : instances.get(row.instance_id);
      const state = typeof effect.data.state === 'string' ? effect.data.state : undefined;
      const titles = instance === undefined ? {} : await titleParams(trx, deps.definitions, instance, state);
      // Whoever's own command gave them the next step is looking at it already: no "new task" for them.
      const actor = effect.message === TASK_ASSIGNED ? actorOf.get(`${row.instance_id} ${row.created_at}`) : undefined;
      batches.push({
        sourceId: row.id,
        userIds: actor === undefined ? effect.to : effect.to.filter((user) => user !== actor),
        message: effect.message,
        data: effect.data,
        params: { ...effect.data, ...titles },
        instanceId: row.instance_id,
        taskIdOf: (user) => (row.instance_id === null ? null : (taskOf.get(`${row.instance_id} ${user}`) ?? null)),
      });
    }
    const written = await writeNotifications(trx, batches, deps.channelIds, at);
    await trx
      .updateTable('outbox')
      .set((eb) => ({ delivered_at: at.toISOString(), attempts: eb('attempts', '+', 1), version: eb('version', '+', 1) }))
      .where('id', 'in', rows.map((row) => row.id))
      .execute();
    return { claimed: rows.length, written };
  });
}

/**
 * The person whose command emitted each effect: the history entry written in the same transaction has the
 * same instant. Two entries of one instance at one instant by different people leave it unknown.
 */
async function commandActors(trx: Kysely<Database>, rows: readonly { instance_id: string | null; created_at: string }[]): Promise<Map<string, string>> {
  const keyed = rows.filter((row): row is { instance_id: string; created_at: string } => row.instance_id !== null);
  if (keyed.length === 0) return new Map();
  const entries = await trx
    .selectFrom('history')
    .select(['instance_id', 'at', 'actor_id'])
    .where('instance_id', 'in', [...new Set(keyed.map((row) => row.instance_id))])
    .where('at', 'in', [...new Set(keyed.map((row) => row.created_at))])
    .execute();
  const actors = new Map<string, string | null>();
  for (const entry of entries) {
    const key = `${entry.instance_id} ${entry.at}`;
    const known = actors.get(key);
    actors.set(key, known === undefined || known === entry.actor_id ? entry.actor_id : null);
  }
  return new Map([...actors].filter((pair): pair is [string, string] => pair[1] !== null));
}

function parse(payload: string): { to: string[]; message: string; data: Record<string, unknown> } | null {
  try {
    const effect = JSON.parse(payload) as NotifyEffect;
    if (!Array.isArray(effect.to) || typeof effect.message !== 'string') return null;
    const data = effect.data !== null && typeof effect.data === 'object' && !Array.isArray(effect.data) ? (effect.data as Record<string, unknown>) : {};
    return { to: effect.to.filter((id): id is string => typeof id === 'string'), message: effect.message, data };
  } catch {
    return null;
  }
}
