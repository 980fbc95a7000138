/**
 * Turns `notify` effects in the outbox into notifications. A batch is claimed, written and marked
 * delivered in ONE transaction (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so several servers split the
 * rows), and every notification is unique per (outbox row, user): each is written exactly once, even when
 * dispatchers race or a server dies mid-batch (its transaction rolls back and the rows are claimed again).
 */
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/dialects/dialect';
import type { Database } from '../db/types';
import type { DefinitionCache } from '../engine/definition-cache';
import { titleParams } from './titles';
import { writeNotifications } from './write';

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

export async function dispatchBatch(deps: DispatchDeps, batchSize = 100): Promise<number> {
  const { db, capabilities } = deps.database;
  return db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('outbox').select(['id', 'instance_id', 'payload']).where('kind', '=', 'notify').where('delivered_at', 'is', null).orderBy('created_at').orderBy('id').limit(batchSize);
    if (capabilities.supportsSkipLocked) query = query.forUpdate().skipLocked();
    const rows = await query.execute();
    if (rows.length === 0) return 0;
    const at = deps.clock();
    const instanceIds = [...new Set(rows.flatMap((row) => (row.instance_id === null ? [] : [row.instance_id])))];
    const instances = new Map((instanceIds.length === 0 ? [] : await trx.selectFrom('workflow_instances').select(['id', 'definition_key', 'definition_version', 'state']).where('id', 'in', instanceIds).execute()).map((row) => [row.id, row]));
    const openTasks = instanceIds.length === 0 ? [] : await trx.selectFrom('tasks').select(['id', 'instance_id', 'assignee_user_id']).where('instance_id', 'in', instanceIds).where('status', '=', 'open').where('assignee_user_id', 'is not', null).execute();
    const taskOf = new Map(openTasks.map((task) => [`${task.instance_id} ${task.assignee_user_id}`, task.id]));
    let written = 0;
    for (const row of rows) {
      const effect = parse(row.payload);
      if (effect === null) continue; // Malformed: nothing to tell anyone; it is marked handled below, never retried forever.
      const instance = row.instance_id === null ? undefined : instances.get(row.instance_id);
      const state = typeof effect.data.state === 'string' ? effect.data.state : undefined;
      const titles = instance === undefined ? {} : await titleParams(trx as Kysely<Database>, deps.definitions, instance, state);
      written += await writeNotifications(
        trx,
        {
          sourceId: row.id,
          userIds: effect.to,
          message: effect.message,
          data: effect.data,
          params: { ...effect.data, ...titles },
          instanceId: row.instance_id,
          taskIdOf: (user) => (row.instance_id === null ? null : (taskOf.get(`${row.instance_id} ${user}`) ?? null)),
        },
        deps.channelIds,
        at,
      );
    }
    await trx
      .updateTable('outbox')
      .set((eb) => ({ delivered_at: at.toISOString(), attempts: eb('attempts', '+', 1), version: eb('version', '+', 1) }))
      .where('id', 'in', rows.map((row) => row.id))
      .execute();
    return written;
  });
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
