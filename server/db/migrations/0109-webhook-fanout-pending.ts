import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Webhook fan-out reads only the outbox rows it has not fanned out yet. It used to find them as the
 * webhook rows with no `webhook_fanout` row, which walked every webhook row ever written on each tick:
 * 53 ms at 200,000 rows, growing without bound, on the server's event loop every two seconds. Now an
 * outbox row carries `fanned_out_at`, and a partial index holds just the webhook rows still to fan out,
 * so a tick reads what is pending and nothing else. (Queries must say `kind = 'webhook'` as a literal for
 * SQLite to prove the index applies.)
 *
 * `outbox_pending` (delivered_at, created_at) goes: every reader of the outbox filters by kind first and
 * uses `outbox_kind_pending`, and each command paid for the unused index on every outbox row it wrote.
 */
export const webhookFanoutPendingMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('outbox').addColumn('fanned_out_at', 'text').execute();
    await sql`update outbox set fanned_out_at = (select f.at from webhook_fanout f where f.outbox_id = outbox.id) where exists (select 1 from webhook_fanout f where f.outbox_id = outbox.id)`.execute(db);
    await db.schema.dropTable('webhook_fanout').execute();
    await db.schema.createIndex('outbox_webhook_unfanned').on('outbox').columns(['kind', 'id']).where(sql<boolean>`kind = 'webhook' and fanned_out_at is null`).execute();
    await db.schema.dropIndex('outbox_pending').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.createIndex('outbox_pending').on('outbox').columns(['delivered_at', 'created_at']).execute();
    await db.schema.dropIndex('outbox_webhook_unfanned').execute();
    await db.schema.createTable('webhook_fanout').addColumn('outbox_id', 'text', (c) => c.primaryKey()).addColumn('at', 'text', (c) => c.notNull()).execute();
    await sql`insert into webhook_fanout (outbox_id, at) select id, fanned_out_at from outbox where fanned_out_at is not null`.execute(db);
    await db.schema.alterTable('outbox').dropColumn('fanned_out_at').execute();
  },
};
