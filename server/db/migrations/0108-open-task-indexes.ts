import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Inbox lookups (by assignee, claimer, pool, team pool) and the notification watcher read open tasks only,
 * so their indexes hold only open tasks, and each only the tasks that have its key (a task assigned to a
 * person is in none of the pool indexes). Closing a task, which every command does, used to move its
 * entries inside six indexes of every task ever opened; now it deletes one or two, and opening one adds
 * two or three instead of six. Queries must say `status = 'open'` as a literal for the planner to prove
 * that a partial index applies (see scope.ts and inbox-query.ts).
 */
const open = sql<boolean>`status = 'open'`;

export const openTaskIndexesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    for (const name of ['tasks_assignee_due', 'tasks_claimed_due', 'tasks_pool_due', 'tasks_pool_team_due', 'tasks_status_created']) await db.schema.dropIndex(name).execute();
    await db.schema.createIndex('tasks_open_assignee').on('tasks').columns(['assignee_user_id', 'due_at', 'id']).where(sql<boolean>`${open} and assignee_user_id is not null`).execute();
    await db.schema.createIndex('tasks_open_claimed').on('tasks').columns(['claimed_by', 'due_at', 'id']).where(sql<boolean>`${open} and claimed_by is not null`).execute();
    await db.schema.createIndex('tasks_open_pool').on('tasks').columns(['pool_org_unit_id', 'pool_role', 'due_at', 'id']).where(sql<boolean>`${open} and pool_org_unit_id is not null`).execute();
    await db.schema.createIndex('tasks_open_pool_team').on('tasks').columns(['pool_team_id', 'due_at', 'id']).where(sql<boolean>`${open} and pool_team_id is not null`).execute();
    await db.schema.createIndex('tasks_open_created').on('tasks').columns(['created_at', 'id']).where(open).execute();
  },
  async down(db: Kysely<unknown>) {
    for (const name of ['tasks_open_assignee', 'tasks_open_claimed', 'tasks_open_pool', 'tasks_open_pool_team', 'tasks_open_created']) await db.schema.dropIndex(name).execute();
    await db.schema.createIndex('tasks_assignee_due').on('tasks').columns(['assignee_user_id', 'status', 'due_at', 'id']).execute();
    await db.schema.createIndex('tasks_claimed_due').on('tasks').columns(['claimed_by', 'status', 'due_at', 'id']).execute();
    await db.schema.createIndex('tasks_pool_due').on('tasks').columns(['pool_org_unit_id', 'pool_role', 'status', 'due_at', 'id']).execute();
    await db.schema.createIndex('tasks_pool_team_due').on('tasks').columns(['pool_team_id', 'status', 'due_at', 'id']).execute();
    await db.schema.createIndex('tasks_status_created').on('tasks').columns(['status', 'created_at']).execute();
  },
};
