/**
 * Each outbox consumer finds the rows still waiting for it through an index of just those rows (migration
 * 0111), whatever else the outbox holds: record effects nothing consumes stay undelivered for good, and the
 * needs publisher used to walk all of them every second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../server/db/migrate';
import { pendingPublications } from '../../server/needs/publisher';
import { pendingNotifications } from '../../server/notifications/dispatcher';
import { undeliveredWebhooks } from '../../server/workers/outbox-relay';
import { DIALECTS, type TestDatabase } from './support/dialects';
import { queryPlan } from './support/plan';

describe.each(DIALECTS)('outbox consumers on $name', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await dialect.create();
    await migrateToLatest(database.handle);
    const row = (id: string, kind: string, payload: object, delivered = false) => ({
      id,
      instance_id: null,
      kind,
      payload: JSON.stringify(payload),
      created_at: `2026-03-02T01:00:0${id.slice(-1)}.000Z`,
      delivered_at: delivered ? '2026-03-02T02:00:00.000Z' : null,
      attempts: 0,
      version: 1,
      fanned_out_at: null,
    });
    await database.handle.db
      .insertInto('outbox')
      .values([
        row('r1', 'record', { type: 'record', record: 'serviceRecord', data: {} }),
        row('r2', 'record', { type: 'record', record: 'rating', data: {} }),
        row('n1', 'notify', { type: 'notify' }, true),
        row('n2', 'notify', { type: 'notify' }),
        row('w1', 'webhook', { type: 'webhook', event: 'order.rated' }),
        row('w2', 'webhook', { type: 'webhook', event: 'order.rated' }, true),
        row('s1', 'setData', { type: 'setData' }),
      ])
      .execute();
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('each reads its waiting rows, and only those, through its own partial index', async () => {
    const { db, capabilities } = database.handle;
    const cases = [
      { query: pendingNotifications(db, 100), index: 'outbox_notify_pending', ids: ['n2'] },
      { query: undeliveredWebhooks(db), index: 'outbox_webhook_undelivered', ids: ['w1'] },
      // The publications wait for a proposal, which none of these rows belongs to.
      { query: pendingPublications(db, capabilities), index: 'outbox_publications_pending', ids: [] },
    ];
    for (const { query, index, ids } of cases) {
      expect((await query.execute()).map((row) => ('outboxId' in row ? row.outboxId : row.id))).toEqual(ids);
      const plan = await queryPlan(db, dialect.name, query);
      expect(plan).toContain(index);
      expect(plan).not.toMatch(/^SCAN outbox$|Seq Scan on outbox/m);
    }
  });
});
