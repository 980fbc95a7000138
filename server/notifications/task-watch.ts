/**
 * Watches open tasks for two things the engine's effects do not cover:
 * - SLA warnings (即将超时): when 80 % of the time from a task's creation to its due time has passed,
 *   its people get one urgent notification — exactly once per task row, because the warning is sent in
 *   the same transaction as the conditional update that marks it sent;
 * - pool tasks (抢单): a task with no assignee, open to a role, tells everyone who may claim it.
 * New tasks are found by their `created_at`, from a watermark kept a minute behind the newest seen, so a
 * task committed late by another server is not missed; the watch row's primary key makes each task's
 * discovery happen once across servers.
 */
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/dialects/dialect';
import type { Database } from '../db/types';
import { poolAnywhere } from '../db/scope';
import type { DefinitionCache } from '../engine/definition-cache';
import { POOL_OPENED, SLA_WARNING } from './messages';
import { titleParams } from './titles';
import { writeNotifications } from './write';

/** Fraction of a task's span after which the SLA warning goes out. */
export const slaWarningFraction = 0.8;
const lateCommitSlackMs = 60_000;
const poolNewsMaxAgeMs = 3_600_000;

export interface TaskWatchDeps {
  database: DatabaseHandle;
  definitions: DefinitionCache;
  clock: () => Date;
  channelIds: readonly string[];
}

interface TaskRef {
  id: string;
  instance_id: string;
  assignee_user_id: string | null;
  claimed_by: string | null;
  pool_role: string | null;
  pool_org_unit_id: string | null;
  pool_team_id: string | null;
  due_at: string | null;
  created_at: string;
}

export function warnAt(createdAt: string, dueAt: string | null): string | null {
  if (dueAt === null) return null;
  const start = Date.parse(createdAt);
  const end = Date.parse(dueAt);
  if (!(end > start)) return null;
  return new Date(start + Math.floor((end - start) * slaWarningFraction)).toISOString();
}

export class TaskWatch {
  private watermark = '';

  constructor(private readonly deps: TaskWatchDeps) {}

  async runOnce(): Promise<number> {
    return (await this.discover()) + (await this.warn());
  }

  /** Registers tasks not seen before; pool tasks notify their candidates. */
  async discover(): Promise<number> {
    const { db } = this.deps.database;
    let notified = 0;
    for (let round = 0; round < 20; round++) {
      const tasks = await db
        .selectFrom('tasks')
        .select(['id', 'instance_id', 'assignee_user_id', 'claimed_by', 'pool_role', 'pool_org_unit_id', 'pool_team_id', 'due_at', 'created_at'])
        // A literal, so the planner can use the partial index of open tasks by creation (migration 0108).
        .where('status', '=', sql.lit('open'))
        .where('created_at', '>=', this.watermark)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('notification_task_watch').select('task_id').whereRef('notification_task_watch.task_id', '=', 'tasks.id'))))
        // A total order, so two servers inserting overlapping batches take the keys in the same order.
        .orderBy('created_at')
        .orderBy('id')
        .limit(200)
        .execute();
      if (tasks.length === 0) break;
      notified += await this.register(tasks);
      if (tasks.length < 200) {
        const newest = tasks[tasks.length - 1]!.created_at;
        const behind = new Date(Date.parse(newest) - lateCommitSlackMs).toISOString();
        if (behind > this.watermark) this.watermark = behind;
        break;
      }
    }
    return notified;
  }

  /** One transaction per batch: the watch rows this server inserted are the tasks it announces. */
  private async register(tasks: readonly TaskRef[]): Promise<number> {
    return this.deps.database.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('notification_task_watch')
        .values(tasks.map((task) => ({ task_id: task.id, warn_at: warnAt(task.created_at, task.due_at), warned_at: null })))
        .onConflict((c) => c.column('task_id').doNothing())
        .returning('task_id')
        .execute();
      const mine = new Set(inserted.map((row) => row.task_id));
      // On the first start over an existing database, old pool tasks are registered quietly.
      const since = this.deps.clock().getTime() - poolNewsMaxAgeMs;
      let notified = 0;
      for (const task of tasks) {
        if (!mine.has(task.id) || task.assignee_user_id !== null || Date.parse(task.created_at) < since) continue;
        notified += await this.notify(trx, task, `pool:${task.id}`, POOL_OPENED, await poolCandidates(trx, task), {});
      }
      return notified;
    });
  }

  /** Sends due SLA warnings; a task that closed or already passed its due time is marked without one. */
  async warn(): Promise<number> {
    const { db } = this.deps.database;
    const now = this.deps.clock();
    const due = await db
      .selectFrom('notification_task_watch')
      .innerJoin('tasks', 'tasks.id', 'notification_task_watch.task_id')
      .select(['tasks.id', 'tasks.instance_id', 'tasks.assignee_user_id', 'tasks.claimed_by', 'tasks.pool_role', 'tasks.pool_org_unit_id', 'tasks.pool_team_id', 'tasks.due_at', 'tasks.created_at', 'tasks.status'])
      .where('notification_task_watch.warned_at', 'is', null)
      .where('notification_task_watch.warn_at', '<=', now.toISOString())
      .orderBy('notification_task_watch.warn_at')
      .limit(200)
      .execute();
    let sent = 0;
    for (const task of due) {
      sent += await db.transaction().execute(async (trx) => {
        const marked = await trx.updateTable('notification_task_watch').set({ warned_at: now.toISOString() }).where('task_id', '=', task.id).where('warned_at', 'is', null).executeTakeFirst();
        if (Number(marked.numUpdatedRows) !== 1) return 0;
        if (task.status !== 'open' || task.due_at === null || Date.parse(task.due_at) <= now.getTime()) return 0;
        const person = task.claimed_by ?? task.assignee_user_id;
        const users = person !== null ? [person] : await poolCandidates(trx, task);
        return this.notify(trx, task, `sla:${task.id}`, SLA_WARNING, users, { due: task.due_at });
      });
    }
    return sent;
  }

  private async notify(trx: Kysely<Database>, task: TaskRef, sourceId: string, message: string, users: string[], data: Record<string, unknown>): Promise<number> {
    if (users.length === 0) return 0;
    const instance = await trx.selectFrom('workflow_instances').select(['definition_key', 'definition_version', 'state']).where('id', '=', task.instance_id).executeTakeFirst();
    const titles = instance === undefined ? {} : await titleParams(trx, this.deps.definitions, instance, undefined);
    return writeNotifications(trx, [{ sourceId, userIds: users, message, data, params: { ...data, ...titles }, instanceId: task.instance_id, taskIdOf: () => task.id }], this.deps.channelIds, this.deps.clock());
  }
}

/** Who may claim a pool task: the role at its unit, the role anywhere, or the team's members. */
async function poolCandidates(db: Kysely<Database>, task: Pick<TaskRef, 'pool_role' | 'pool_org_unit_id' | 'pool_team_id'>): Promise<string[]> {
  let query = db.selectFrom('role_memberships').select('user_id').distinct();
  if (task.pool_team_id !== null) query = query.where('team_id', '=', task.pool_team_id);
  else if (task.pool_role === null) return [];
  else if (task.pool_org_unit_id === poolAnywhere || task.pool_org_unit_id === null) query = query.where('role', '=', task.pool_role);
  else query = query.where('role', '=', task.pool_role).where('org_unit_id', '=', task.pool_org_unit_id);
  return (await query.limit(5000).execute()).map((row) => row.user_id);
}

