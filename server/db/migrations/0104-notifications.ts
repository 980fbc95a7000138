import type { Kysely, Migration } from 'kysely';

/**
 * In-app notifications, per-user preferences, outbound channel deliveries, and the task watch that sends
 * SLA warnings (and tells pools about new pool tasks) exactly once per task.
 */
export const notificationsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('urgency', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('params', 'text', (c) => c.notNull())
      .addColumn('instance_id', 'text')
      .addColumn('task_id', 'text')
      // What produced it (an outbox row, a task watch): with user_id unique, so a source notifies a person once.
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .addUniqueConstraint('notifications_once', ['source_id', 'user_id'])
      .execute();
    await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();
    await db.schema.createIndex('notifications_unread').on('notifications').columns(['user_id', 'read_at', 'id']).execute();

    await db.schema
      .createTable('notification_preferences')
      .addColumn('user_id', 'text', (c) => c.primaryKey())
      .addColumn('channels', 'text', (c) => c.notNull())
      .addColumn('quiet_start', 'text')
      .addColumn('quiet_end', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('notification_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('notification_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('notification_deliveries_once', ['notification_id', 'channel'])
      .execute();
    await db.schema.createIndex('notification_deliveries_due').on('notification_deliveries').columns(['status', 'next_attempt_at']).execute();

    await db.schema
      .createTable('notification_task_watch')
      .addColumn('task_id', 'text', (c) => c.primaryKey())
      .addColumn('warn_at', 'text')
      .addColumn('warned_at', 'text')
      .execute();
    await db.schema.createIndex('notification_task_watch_due').on('notification_task_watch').columns(['warned_at', 'warn_at']).execute();

    // The dispatcher asks for undelivered notify rows; without this it would walk every pending effect kind.
    await db.schema.createIndex('outbox_kind_pending').on('outbox').columns(['kind', 'delivered_at', 'created_at']).execute();
    // The task watch looks for open tasks it has not seen yet.
    await db.schema.createIndex('tasks_status_created').on('tasks').columns(['status', 'created_at']).execute();
  },
};
