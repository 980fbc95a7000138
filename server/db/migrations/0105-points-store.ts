import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { DialectCapabilities } from '../dialects/dialect';

/**
 * The points store (爱心超市): stores per org unit, their reward items with stock, redemptions (each posts
 * to the points ledger; the ledger stays the only balance), a short code per volunteer for the counter,
 * and star-level thresholds per district. Path columns compare bytewise (as in 0001), so a district's stores
 * are one index range whatever the database's default collation.
 */
export function pointsStoreMigration(capabilities: DialectCapabilities): Migration {
  const collate = capabilities.binaryCollation === null ? undefined : sql.raw(capabilities.binaryCollation);
  const path = (c: ColumnDefinitionBuilder) => (collate ? c.notNull().modifyEnd(collate) : c.notNull());
  return { up: async (db: Kysely<unknown>) => up(db, path) };
}

async function up(db: Kysely<unknown>, path: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder): Promise<void> {
  await db.schema
    .createTable('stores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_path', 'text', path)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stores_path').on('stores').columns(['org_path']).execute();
  await db.schema
    .createTable('store_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('points_price', 'integer', (c) => c.notNull())
    .addColumn('stock', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('store_items_stock_not_negative', sql`stock >= 0`)
    .execute();
  await db.schema.createIndex('store_items_store').on('store_items').columns(['store_id', 'active']).execute();
  await db.schema
    .createTable('store_redemptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('store_items.id'))
    .addColumn('org_path', 'text', path)
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('ledger_entry_id', 'text', (c) => c.notNull())
    .addColumn('reversal_entry_id', 'text')
    .addColumn('redeemed_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text')
    .addColumn('cancel_reason', 'text')
    // A retried redeem with the same key finds its first result instead of spending twice.
    .addUniqueConstraint('store_redemptions_idempotency', ['operator_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('store_redemptions_store').on('store_redemptions').columns(['store_id', 'redeemed_at']).execute();
  await db.schema.createIndex('store_redemptions_volunteer').on('store_redemptions').columns(['volunteer_id', 'redeemed_at']).execute();
  await db.schema
    .createTable('volunteer_codes')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('star_level_settings')
    .addColumn('district_unit_id', 'text', (c) => c.primaryKey().references('org_units.id'))
    .addColumn('thresholds', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
