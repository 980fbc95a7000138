import type { Kysely, Migration } from 'kysely';

/**
 * Inbox indexes: one per way a task reaches a person (assigned, claimed, pooled at a unit, pooled at a
 * team), each ending in (due_at, id) so every branch of the inbox reads its first page straight from the
 * index, already in order, whatever the number of open tasks.
 */
export const taskClaimsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    for (const name of ['tasks_assignee', 'tasks_pool', 'tasks_pool_team']) await db.schema.dropIndex(name).execute();
    await db.schema.createIndex('tasks_assignee_due').on('tasks').columns(['assignee_user_id', 'status', 'due_at', 'id']).execute();
    await db.schema.createIndex('tasks_claimed_due').on('tasks').columns(['claimed_by', 'status', 'due_at', 'id']).execute();
    await db.schema.createIndex('tasks_pool_due').on('tasks').columns(['pool_org_unit_id', 'pool_role', 'status', 'due_at', 'id']).execute();
    await db.schema.createIndex('tasks_pool_team_due').on('tasks').columns(['pool_team_id', 'status', 'due_at', 'id']).execute();
  },
};
