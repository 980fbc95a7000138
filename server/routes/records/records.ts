import type { Actor } from '../../auth/actor';
import { adminRoles } from '../../auth/roles';
import { OrgScope } from '../../db/scope';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { etag, requireIfMatch } from '../../http/preconditions';
import { newRouter } from '../../http/router';
import { balanceOf, book, type LedgerEntry } from '../../records/points-ledger';
import { changeServiceRecord, createServiceRecord, findVisibleRecord, revisionsOf, type ServiceRecordRow } from '../../records/service-records';
import { changeRecordRoute, createRecordRoute, getRecordRoute, listRecordsRoute, pointsRoute, redeemRoute, reverseRoute } from './schema';

function presentRecord(row: ServiceRecordRow, revisions?: Awaited<ReturnType<typeof revisionsOf>>) {
  return {
    id: row.id,
    orgUnitId: row.org_unit_id,
    volunteerId: row.volunteer_user_id,
    teamId: row.team_id,
    activityDate: row.activity_date,
    activityId: row.activity_id,
    hours: Number(row.hours),
    description: row.description,
    status: row.status,
    noticedAt: row.noticed_at,
    finalisedAt: row.finalised_at,
    version: row.version,
    ...(revisions === undefined ? {} : { revisions: revisions.map((r) => ({ seq: r.seq, action: r.action, hours: Number(r.hours), status: r.status, reason: r.reason, actor: r.actor_id, at: r.at })) }),
  };
}

const presentEntry = (entry: LedgerEntry) => ({ id: entry.id, points: Number(entry.points), kind: entry.kind, reference: entry.reference, recordId: entry.record_id, at: entry.at });

/** Love-store operators book redemptions at their unit; admins anywhere in their subtree. */
function mayBook(actor: Actor, path: string, orgUnitId: string): boolean {
  return new OrgScope(actor).coversFor(path, adminRoles) || actor.memberships.some((m) => m.role === 'storeOperator' && m.orgUnitId === orgUnitId);
}

export const recordRoutes = newRouter()
  .openapi(createRecordRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const row = await createServiceRecord(deps.database.db, actor, c.req.valid('json'), deps.clock().toISOString());
    c.header('etag', etag(row.version));
    return c.json(presentRecord(row), 201);
  })
  .openapi(listRecordsRoute, async (c) => {
    const actor = requireActor(c);
    const query = c.req.valid('query');
    const scope = new OrgScope(actor);
    let select = c
      .get('deps')
      .database.db.selectFrom('service_records')
      .selectAll()
      .where((eb) => eb.or([scope.subtree('service_records.org_path'), eb('volunteer_user_id', '=', actor.userId)]));
    if (query.status !== undefined) select = select.where('status', '=', query.status);
    if (query.volunteerId !== undefined) select = select.where('volunteer_user_id', '=', query.volunteerId);
    const rows = await select.orderBy('id', 'desc').limit(query.limit).execute();
    return c.json({ items: rows.map((row) => presentRecord(row)) }, 200);
  })
  .openapi(getRecordRoute, async (c) => {
    const actor = requireActor(c);
    const db = c.get('deps').database.db;
    const row = await findVisibleRecord(db, actor, c.req.valid('param').id);
    c.header('etag', etag(row.version));
    return c.json(presentRecord(row, await revisionsOf(db, row.id)), 200);
  })
  .openapi(changeRecordRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const id = c.req.valid('param').id;
    const row = await changeServiceRecord(deps.database.db, actor, id, requireIfMatch(c.req.header('if-match')), c.req.valid('json'), deps.clock().toISOString());
    c.header('etag', etag(row.version));
    return c.json(presentRecord(row, await revisionsOf(deps.database.db, id)), 200);
  })
  .openapi(pointsRoute, async (c) => {
    const actor = requireActor(c);
    const userId = c.req.valid('param').id;
    const db = c.get('deps').database.db;
    const scope = new OrgScope(actor);
    let select = db.selectFrom('points_ledger').selectAll().where('user_id', '=', userId);
    if (userId !== actor.userId) select = select.where(scope.subtree('points_ledger.org_path'));
    // Someone else's ledger (their hours, what they redeemed) is for the admins who keep the units'
    // records, as personal data is (engine/personal-data.ts): overseeing a unit as its leader, an assessor
    // or a proxy orderer reads the unit's reports, not a volunteer's account.
    const entries = (await select.orderBy('id').execute()).filter((entry) => userId === actor.userId || scope.administers(entry.org_path));
    if (userId !== actor.userId && entries.length === 0) throw problems.notFound('ledger');
    return c.json({ userId, balance: userId === actor.userId ? await balanceOf(db, userId) : entries.reduce((sum, e) => sum + Number(e.points), 0), entries: entries.map(presentEntry) }, 200);
  })
  .openapi(redeemRoute, async (c) => {
    const actor = requireActor(c);
    const body = c.req.valid('json');
    const deps = c.get('deps');
    const result = await deps.database.db.transaction().execute(async (trx) => {
      const unit = await trx.selectFrom('org_units').select(['id', 'path']).where('id', '=', body.orgUnitId).executeTakeFirst();
      if (unit === undefined) throw problems.notFound('org unit');
      if (!mayBook(actor, unit.path, unit.id)) throw problems.forbidden('Only the love store of this unit or its admins book redemptions.');
      // Serialize redemptions of one user (PostgreSQL; SQLite's write transaction already does), so two stores cannot both spend the same points.
      let lock = trx.selectFrom('users').select('id').where('id', '=', body.userId);
      if (deps.database.capabilities.supportsRowLocks) lock = lock.forUpdate();
      if ((await lock.executeTakeFirst()) === undefined) throw problems.validation([{ pointer: '/userId', code: 'unknown-user', message: '没有这个用户 / no such user' }]);
      const reference = `redemption:${body.reference}`;
      const existing = await trx.selectFrom('points_ledger').selectAll().where('reference', '=', reference).executeTakeFirst();
      if (existing !== undefined) return { entry: existing, created: false };
      if ((await balanceOf(trx, body.userId)) < body.points) throw problems.unprocessable('points-insufficient', 'Not enough points', 'The balance is lower than the redemption.', { rule: 'points-balance' });
      return book(trx, { user_id: body.userId, org_unit_id: unit.id, org_path: unit.path, points: -body.points, kind: 'redemption', reference, record_id: null, actor_id: actor.userId, at: deps.clock().toISOString() });
    });
    return result.created ? c.json(presentEntry(result.entry), 201) : c.json(presentEntry(result.entry), 200);
  })
  .openapi(reverseRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const result = await deps.database.db.transaction().execute(async (trx) => {
      const entry = await trx.selectFrom('points_ledger').selectAll().where('id', '=', c.req.valid('json').entryId).executeTakeFirst();
      if (entry === undefined || !new OrgScope(actor).covers(entry.org_path)) throw problems.notFound('ledger entry');
      if (!mayBook(actor, entry.org_path, entry.org_unit_id)) throw problems.forbidden('Only admins of the unit reverse entries.');
      if (entry.kind === 'reversal') throw problems.unprocessable('reversal-of-reversal', 'Cannot reverse a reversal', 'Book a new entry instead.');
      // A love-store redemption also took stock: only its cancellation at the store returns both, once.
      if (entry.reference.startsWith('store-redemption:')) throw problems.unprocessable('store-redemption-reversal', 'Cancel the redemption at the store', 'Store redemptions are reversed by cancelling them at the store, which also restores the stock.');
      return book(trx, { ...entry, points: -Number(entry.points), kind: 'reversal', reference: `reversal:${entry.reference}`, actor_id: actor.userId, at: deps.clock().toISOString() });
    });
    return result.created ? c.json(presentEntry(result.entry), 201) : c.json(presentEntry(result.entry), 200);
  });
