import type { Kysely, Migration } from 'kysely';

/** The inbox also matches tasks claimed by the caller; without this index that branch scans every task. */
export const taskClaimsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('tasks_claimed_by').on('tasks').columns(['claimed_by', 'status', 'due_at']).execute();
  },
};
