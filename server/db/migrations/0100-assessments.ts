import type { Kysely, Migration } from 'kysely';

/** Assessment cycles, per-unit assessments, append-only review sheets, and API tokens. */
export const assessmentsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('assessment_cycles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('period_from', 'text', (c) => c.notNull())
      .addColumn('period_to', 'text', (c) => c.notNull())
      .addColumn('rubrics', 'text', (c) => c.notNull())
      .addColumn('assessors', 'text', (c) => c.notNull())
      .addColumn('deadlines', 'text', (c) => c.notNull())
      .addColumn('notice_days', 'integer', (c) => c.notNull())
      .addColumn('appeal_days', 'integer', (c) => c.notNull())
      .addColumn('quotas', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('assessments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cycle_id', 'text', (c) => c.notNull().references('assessment_cycles.id'))
      .addColumn('org_unit_id', 'text', (c) => c.notNull())
      .addColumn('org_path', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text')
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('rubric_key', 'text', (c) => c.notNull())
      .addColumn('rubric_version', 'integer', (c) => c.notNull())
      .addColumn('instance_id', 'text', (c) => c.notNull())
      .addColumn('frozen_metrics', 'text', (c) => c.notNull())
      .addColumn('result', 'text')
      .addColumn('tier', 'text')
      .addColumn('score', 'double precision')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('assessments_cycle_unit').unique().on('assessments').columns(['cycle_id', 'org_unit_id']).execute();
    await db.schema.createIndex('assessments_instance').on('assessments').column('instance_id').execute();
    await db.schema.createIndex('assessments_path').on('assessments').columns(['org_path']).execute();
    await db.schema
      .createTable('assessment_reviews')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('reviewer_id', 'text', (c) => c.notNull())
      .addColumn('sheet', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('assessment_reviews_by_assessment').on('assessment_reviews').columns(['assessment_id', 'level', 'id']).execute();
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('org_path', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
  },
};
