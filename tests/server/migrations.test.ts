/**
 * Migrations that move data, run on both dialects against a database brought to the version before them.
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/db/migrate';
import { DIALECTS, type TestDatabase } from './support/dialects';

describe.each(DIALECTS)('migrations on $name', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.destroy();
    database = undefined;
  });

  it('0109 carries what webhook_fanout recorded into outbox.fanned_out_at, and back down', async () => {
    database = await dialect.create();
    const handle = database.handle;
    await migrateTo(handle, '0108-open-task-indexes');
    const row = (id: string, kind: string) => sql`insert into outbox (id, instance_id, kind, payload, created_at, delivered_at, attempts, version) values (${id}, ${null}, ${kind}, ${'{}'}, ${'2026-03-02T01:00:00.000Z'}, ${null}, ${0}, ${1})`.execute(handle.db);
    await row('o1', 'webhook');
    await row('o2', 'webhook');
    await row('o3', 'notify');
    await sql`insert into webhook_fanout (outbox_id, at) values (${'o1'}, ${'2026-03-02T02:00:00.000Z'})`.execute(handle.db);

    await migrateToLatest(handle);
    const fanned = async () => (await sql<{ id: string; fanned_out_at: string | null }>`select id, fanned_out_at from outbox order by id`.execute(handle.db)).rows;
    expect(await fanned()).toEqual([
      { id: 'o1', fanned_out_at: '2026-03-02T02:00:00.000Z' },
      { id: 'o2', fanned_out_at: null },
      { id: 'o3', fanned_out_at: null },
    ]);

    await migrateTo(handle, '0108-open-task-indexes');
    expect((await sql<{ outbox_id: string; at: string }>`select outbox_id, at from webhook_fanout`.execute(handle.db)).rows).toEqual([{ outbox_id: 'o1', at: '2026-03-02T02:00:00.000Z' }]);
    await migrateToLatest(handle);
    expect(await fanned()).toHaveLength(3);
  });
});
