import type { Kysely, Migration } from 'kysely';

/** Service records with their revision history, and the append-only points ledger. */
export const serviceRecordsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('service_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_unit_id', 'text', (c) => c.notNull())
      .addColumn('org_path', 'text', (c) => c.notNull())
      .addColumn('volunteer_user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('team_id', 'text')
      .addColumn('activity_date', 'text', (c) => c.notNull())
      .addColumn('activity_id', 'text')
      .addColumn('hours', 'double precision', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('noticed_at', 'text')
      .addColumn('finalised_at', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('service_records_path_date').on('service_records').columns(['org_path', 'activity_date']).execute();
    await db.schema.createIndex('service_records_volunteer').on('service_records').columns(['volunteer_user_id', 'activity_date']).execute();
    await db.schema
      .createTable('service_record_revisions')
      .addColumn('record_id', 'text', (c) => c.notNull().references('service_records.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('hours', 'double precision', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('service_record_revisions_pk', ['record_id', 'seq'])
      .execute();
    await db.schema
      .createTable('points_ledger')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('org_unit_id', 'text', (c) => c.notNull())
      .addColumn('org_path', 'text', (c) => c.notNull())
      .addColumn('points', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('record_id', 'text')
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('points_ledger_user').on('points_ledger').columns(['user_id', 'id']).execute();
    await db.schema.createIndex('points_ledger_path').on('points_ledger').columns(['org_path', 'at']).execute();
  },
};
