import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../server/auth/actor';
import { ProblemError } from '../../../server/errors';
import { balanceOf, book } from '../../../server/records/points-ledger';
import { createItem } from '../../../server/store/catalog';
import { cancelRedemption, redeem } from '../../../server/store/redemptions';
import { codeOf } from '../../../server/store/volunteer-codes';
import { newId } from '../../../server/util/ids';
import { DIALECTS, type TestDatabase } from '../support/dialects';
import { startServer, type RunningServer } from '../support/server';

type Step = { kind: 'redeem'; quantity: number } | { kind: 'cancel'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('redeem' as const), quantity: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat({ max: 20 }) }),
);

describe.each(DIALECTS)('the store never lets the ledger drift on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let storeId: string;
  const at = '2026-03-02T01:00:00.000Z';

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle, { engine: false });
    storeId = (await database.handle.db.selectFrom('stores').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await server.close();
    await database.destroy();
  });

  it('under any sequence of redeem and cancel: balance = sum of entries = model, never negative; stock matches the model', async () => {
    const db = database.handle.db;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 150 }), fc.integer({ min: 0, max: 5 }), fc.array(step, { minLength: 1, maxLength: 12 }), async (credit, price, stock, steps) => {
        // A fresh volunteer per run, credited once through the ledger.
        const userId = newId();
        await db.insertInto('users').values({ id: userId, username: `prop-${userId}`, display_name: '属性测试', password_hash: null, residence_org_unit_id: null, active: 1, version: 1, created_at: at }).execute();
        if (credit > 0) await book(db, { user_id: userId, org_unit_id: 'x', org_path: '/x/', points: credit, kind: 'credit', reference: `prop-credit:${userId}`, record_id: null, actor_id: 'test', at });
        const code = await codeOf(db, userId, at);
        const item = await createItem(db, systemActor, storeId, { title: { 'zh-CN': '测试', en: 'Test' }, pointsPrice: price, stock }, at);
        const model = { balance: credit, stock, redemptions: [] as { id: string; points: number; quantity: number; cancelled: boolean }[] };
        for (const s of steps) {
          if (s.kind === 'redeem') {
            const points = price * s.quantity;
            const expected = model.balance < points ? 422 : model.stock < s.quantity ? 409 : 201;
            try {
              const { redemption } = await redeem(database.handle, systemActor, { storeId, itemId: item.id, volunteerCode: code, quantity: s.quantity }, at);
              expect(expected).toBe(201);
              model.balance -= points;
              model.stock -= s.quantity;
              model.redemptions.push({ id: redemption.id, points, quantity: s.quantity, cancelled: false });
            } catch (error) {
              if (!(error instanceof ProblemError)) throw error;
              expect(error.problem.status).toBe(expected);
            }
          } else if (model.redemptions.length > 0) {
            const target = model.redemptions[s.pick % model.redemptions.length]!;
            try {
              await cancelRedemption(database.handle, systemActor, target.id, undefined, at);
              expect(target.cancelled).toBe(false);
              target.cancelled = true;
              model.balance += target.points;
              model.stock += target.quantity;
            } catch (error) {
              if (!(error instanceof ProblemError)) throw error;
              expect([target.cancelled, error.problem.status]).toEqual([true, 409]);
            }
          }
          const entries = await db.selectFrom('points_ledger').select('points').where('user_id', '=', userId).execute();
          const sum = entries.reduce((total, entry) => total + Number(entry.points), 0);
          const balance = await balanceOf(db, userId);
          expect(balance).toBe(sum);
          expect(balance).toBe(model.balance);
          expect(balance).toBeGreaterThanOrEqual(0);
          const row = await db.selectFrom('store_items').select('stock').where('id', '=', item.id).executeTakeFirstOrThrow();
          expect(Number(row.stock)).toBe(model.stock);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
