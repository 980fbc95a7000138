import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectCapabilities } from '../dialects/dialect';

/**
 * Each consumer of the outbox reads the rows still waiting for it through an index of just those rows.
 *
 * `outbox_kind_pending` (kind, delivered_at, created_at) held every outbox row, and most are record effects
 * (a service record, a rating, a strike) that nothing consumes, so they stay undelivered for good. The
 * needs publisher (needs/publisher.ts) looked each second for the one record type it handles among all of
 * them: 35 ms a second at 200,000 such rows, growing with every order served. Now:
 *  - `outbox_notify_pending`: notifications not yet written (notifications/dispatcher.ts);
 *  - `outbox_webhook_undelivered`: webhooks the relay has not delivered (workers/outbox-relay.ts);
 *  - `outbox_publications_pending`: approved proposals still to publish into the menu.
 * A record or setData row, and a row once consumed, is in no secondary index, so a command writes fewer
 * index entries than before. Queries spell these predicates with literals so that the planner can use them.
 */
export function outboxPendingIndexesMigration(capabilities: DialectCapabilities): Migration {
  const recordType = capabilities.name === 'postgres' ? sql`(payload::jsonb ->> 'record')` : sql`json_extract(payload, '$.record')`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('outbox_notify_pending').on('outbox').columns(['created_at', 'id']).where(sql<boolean>`kind = 'notify' and delivered_at is null`).execute();
      await db.schema.createIndex('outbox_webhook_undelivered').on('outbox').column('created_at').where(sql<boolean>`kind = 'webhook' and delivered_at is null`).execute();
      await db.schema
        .createIndex('outbox_publications_pending')
        .on('outbox')
        .column('created_at')
        .where(sql<boolean>`kind = 'record' and delivered_at is null and ${recordType} = 'serviceItemPublication'`)
        .execute();
      await db.schema.dropIndex('outbox_kind_pending').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.createIndex('outbox_kind_pending').on('outbox').columns(['kind', 'delivered_at', 'created_at']).execute();
      await db.schema.dropIndex('outbox_publications_pending').execute();
      await db.schema.dropIndex('outbox_webhook_undelivered').execute();
      await db.schema.dropIndex('outbox_notify_pending').execute();
    },
  };
}
