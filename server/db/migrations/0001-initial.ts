import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectCapabilities } from '../dialects/dialect';

/** The whole first schema. Only portable types (text, integer, bigint-free) so it runs unchanged on both. */
export function initialMigration(capabilities: DialectCapabilities): Migration {
  const pathColumn = capabilities.binaryCollation === null ? undefined : sql.raw(capabilities.binaryCollation);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('org_units')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('parent_id', 'text', (c) => c.references('org_units.id'))
        .addColumn('path', 'text', (c) => (pathColumn ? c.notNull().modifyEnd(pathColumn) : c.notNull()))
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('station_type', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text')
        .addColumn('admin_division_code', 'text')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('org_units_path').on('org_units').column('path').unique().execute();
      await db.schema.createIndex('org_units_parent').on('org_units').column('parent_id').execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('residence_org_unit_id', 'text', (c) => c.references('org_units.id'))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('teams')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('org_path', 'text', (c) => (pathColumn ? c.notNull().modifyEnd(pathColumn) : c.notNull()))
        .addColumn('team_type', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('leader_user_id', 'text', (c) => c.references('users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('teams_org_path').on('teams').column('org_path').execute();

      await db.schema
        .createTable('team_members')
        .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('role_memberships')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('team_id', 'text', (c) => c.references('teams.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('role_memberships_unique')
        .on('role_memberships')
        .columns(['user_id', 'role', 'org_unit_id'])
        .unique()
        .execute();
      await db.schema.createIndex('role_memberships_unit_role').on('role_memberships').columns(['org_unit_id', 'role']).execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('rooms')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('room_type', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('capacity', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('rooms_org_unit').on('rooms').column('org_unit_id').execute();

      await db.schema
        .createTable('definitions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('retired_at', 'text')
        .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('definitions_identity').on('definitions').columns(['kind', 'key', 'version']).unique().execute();

      await db.schema
        .createTable('workflow_instances')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('definition_key', 'text', (c) => c.notNull())
        .addColumn('definition_version', 'integer', (c) => c.notNull())
        .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('org_path', 'text', (c) => (pathColumn ? c.notNull().modifyEnd(pathColumn) : c.notNull()))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('instances_org_path').on('workflow_instances').columns(['org_path', 'id']).execute();
      await db.schema.createIndex('instances_definition_state').on('workflow_instances').columns(['definition_key', 'state', 'id']).execute();
      await db.schema.createIndex('instances_created_by').on('workflow_instances').columns(['created_by', 'id']).execute();

      await db.schema
        .createTable('tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('instance_id', 'text', (c) => c.notNull().references('workflow_instances.id'))
        .addColumn('org_path', 'text', (c) => (pathColumn ? c.notNull().modifyEnd(pathColumn) : c.notNull()))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('assignee_user_id', 'text')
        .addColumn('pool_role', 'text')
        .addColumn('pool_org_unit_id', 'text')
        .addColumn('pool_team_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('due_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('tasks_assignee').on('tasks').columns(['assignee_user_id', 'status', 'due_at']).execute();
      await db.schema.createIndex('tasks_pool').on('tasks').columns(['pool_org_unit_id', 'pool_role', 'status', 'due_at']).execute();
      await db.schema.createIndex('tasks_pool_team').on('tasks').columns(['pool_team_id', 'status', 'due_at']).execute();
      await db.schema.createIndex('tasks_instance').on('tasks').columns(['instance_id', 'status']).execute();

      await db.schema
        .createTable('history')
        .addColumn('instance_id', 'text', (c) => c.notNull().references('workflow_instances.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('data', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('history_pk', ['instance_id', 'seq'])
        .execute();

      await db.schema
        .createTable('timers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('instance_id', 'text', (c) => c.notNull().references('workflow_instances.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('payload', 'text')
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_at', 'text')
        .addColumn('fired_at', 'text')
        .addColumn('cancelled_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('timers_due').on('timers').columns(['fired_at', 'cancelled_at', 'due_at']).execute();
      await db.schema.createIndex('timers_instance').on('timers').column('instance_id').execute();

      await db.schema
        .createTable('form_submissions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('form_key', 'text', (c) => c.notNull())
        .addColumn('form_version', 'integer', (c) => c.notNull())
        .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
        .addColumn('org_path', 'text', (c) => (pathColumn ? c.notNull().modifyEnd(pathColumn) : c.notNull()))
        .addColumn('instance_id', 'text')
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('submitted_by', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('form_submissions_path').on('form_submissions').columns(['org_path', 'form_key']).execute();

      await db.schema
        .createTable('attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('file_name', 'text')
        .addColumn('org_unit_id', 'text')
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull())
        .addColumn('before_hash', 'text')
        .addColumn('after_hash', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      // One row holding the chain's head: updating it serializes appends across servers on PostgreSQL.
      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('response_status', 'integer', (c) => c.notNull())
        .addColumn('response_body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['actor_id', 'key'])
        .execute();

      await db.schema
        .createTable('outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('instance_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('outbox_pending').on('outbox').columns(['delivered_at', 'created_at']).execute();
    },
  };
}
