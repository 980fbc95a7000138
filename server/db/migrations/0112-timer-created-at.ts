import type { Kysely, Migration } from 'kysely';

/**
 * A timer row says when it was scheduled, so housekeeping can tell which finished timers are past their
 * retention (workers/housekeeping.ts). No index: housekeeping walks the primary key, whose ids are
 * time-ordered, and stops at the first row inside the retention. Rows from before this migration have
 * no time and count as old.
 */
export const timerCreatedAtMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('timers').addColumn('created_at', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('timers').dropColumn('created_at').execute();
  },
};
