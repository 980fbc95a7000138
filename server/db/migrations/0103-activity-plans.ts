import type { Kysely, Migration } from 'kysely';

/** Year plans and monthly arrangements; attendance sessions with six-digit codes and check-ins. */
export const activityPlansMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('activity_plans')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_unit_id', 'text', (c) => c.notNull())
      .addColumn('org_path', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('month', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('filed_by', 'text', (c) => c.notNull())
      .addColumn('filed_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('activity_plans_once', ['org_unit_id', 'year', 'month'])
      .execute();
    await db.schema.createIndex('activity_plans_path').on('activity_plans').columns(['org_path', 'year']).execute();
    await db.schema
      .createTable('attendance_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('activity_id', 'text')
      .addColumn('org_unit_id', 'text', (c) => c.notNull())
      .addColumn('org_path', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('opens_at', 'text', (c) => c.notNull())
      .addColumn('closes_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attendance_sessions_code').on('attendance_sessions').columns(['code', 'closes_at']).execute();
    await db.schema
      .createTable('attendance')
      .addColumn('session_id', 'text', (c) => c.notNull().references('attendance_sessions.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('check_in_at', 'text', (c) => c.notNull())
      .addColumn('check_out_at', 'text')
      .addPrimaryKeyConstraint('attendance_pk', ['session_id', 'user_id'])
      .execute();
  },
};
