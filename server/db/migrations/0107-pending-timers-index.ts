import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Due timers are looked up among pending ones only (neither fired nor cancelled), so the index holds just
 * those: a command that cancels an order's timers now deletes their entries instead of moving them inside
 * an index of every timer ever scheduled, and the worker's lookup reads a small index whatever the history.
 */
export const pendingTimersIndexMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex('timers_due').execute();
    await db.schema.createIndex('timers_pending_due').on('timers').column('due_at').where(sql.ref('fired_at'), 'is', null).where(sql.ref('cancelled_at'), 'is', null).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('timers_pending_due').execute();
    await db.schema.createIndex('timers_due').on('timers').columns(['fired_at', 'cancelled_at', 'due_at']).execute();
  },
};
