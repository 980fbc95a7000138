/**
 * Service records: a volunteer's actual service hours for one activity (DOMAIN §6.3: service time only,
 * no travel). draft → noticed (公示) → final; only a final record credits points. A correction changes the
 * hours with a reason and keeps every earlier value as a revision; correcting a final record books the
 * difference in points as its own ledger entry.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../auth/actor';
import { OrgScope } from '../db/scope';
import type { Database } from '../db/types';
import type { ServiceRecordTable } from '../db/types-assessments';
import { problems } from '../errors';
import { newId } from '../util/ids';
import { book, pointsForHours } from './points-ledger';

export type ServiceRecordRow = Selectable<ServiceRecordTable>;

export interface NewServiceRecord {
  orgUnitId: string;
  volunteerId: string;
  teamId?: string | undefined;
  activityDate: string;
  activityId?: string | undefined;
  hours: number;
  description?: string | undefined;
}

/** Who keeps a unit's records: staff overseeing it, or the leader of the team that served. */
function mayKeep(actor: Actor, path: string, teamId: string | null): boolean {
  if (new OrgScope(actor).administers(path)) return true;
  return teamId !== null && actor.memberships.some((m) => m.role === 'teamLeader' && m.teamId === teamId);
}

async function revise(db: Kysely<Database>, record: ServiceRecordRow, action: string, reason: string | null, actor: Actor, at: string): Promise<void> {
  const last = await db.selectFrom('service_record_revisions').select((eb) => eb.fn.max<number>('seq').as('seq')).where('record_id', '=', record.id).executeTakeFirst();
  await db
    .insertInto('service_record_revisions')
    .values({ record_id: record.id, seq: Number(last?.seq ?? 0) + 1, action, hours: record.hours, status: record.status, reason, actor_id: actor.userId, at })
    .execute();
}

export async function createServiceRecord(db: Kysely<Database>, actor: Actor, input: NewServiceRecord, at: string): Promise<ServiceRecordRow> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('org_units').select(['id', 'path']).where('id', '=', input.orgUnitId).where('active', '=', 1).executeTakeFirst();
    if (unit === undefined) throw problems.notFound('org unit');
    if (!mayKeep(actor, unit.path, input.teamId ?? null)) throw problems.forbidden('You keep service records only for your units or your team.');
    const volunteer = await trx.selectFrom('users').select('id').where('id', '=', input.volunteerId).executeTakeFirst();
    if (volunteer === undefined) throw problems.validation([{ pointer: '/volunteerId', code: 'unknown-user', message: '没有这个志愿者 / no such volunteer' }]);
    const row: ServiceRecordRow = {
      id: newId(),
      org_unit_id: unit.id,
      org_path: unit.path,
      volunteer_user_id: input.volunteerId,
      team_id: input.teamId ?? null,
      activity_date: input.activityDate,
      activity_id: input.activityId ?? null,
      hours: input.hours,
      description: input.description ?? null,
      status: 'draft',
      noticed_at: null,
      finalised_at: null,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await trx.insertInto('service_records').values(row).execute();
    await revise(trx, row, 'create', null, actor, at);
    return row;
  });
}

export async function findVisibleRecord(db: Kysely<Database>, actor: Actor, id: string): Promise<ServiceRecordRow> {
  const row = await db.selectFrom('service_records').selectAll().where('id', '=', id).executeTakeFirst();
  // Readable by whoever oversees the unit (as the list shows it), its keepers and the volunteer; changed by keepers only.
  if (row === undefined || !(new OrgScope(actor).covers(row.org_path) || mayKeep(actor, row.org_path, row.team_id) || row.volunteer_user_id === actor.userId)) throw problems.notFound('service record');
  return row;
}

export type RecordChange = { action: 'correct'; hours: number; reason: string } | { action: 'notice' } | { action: 'finalise' };

const nextStatus: Record<'notice' | 'finalise', { from: ServiceRecordRow['status']; to: ServiceRecordRow['status'] }> = {
  notice: { from: 'draft', to: 'noticed' },
  finalise: { from: 'noticed', to: 'final' },
};

export async function changeServiceRecord(db: Kysely<Database>, actor: Actor, id: string, expectedVersion: number, change: RecordChange, at: string): Promise<ServiceRecordRow> {
  return db.transaction().execute(async (trx) => {
    const row = await findVisibleRecord(trx, actor, id);
    if (!mayKeep(actor, row.org_path, row.team_id)) throw problems.forbidden('Only those who keep the records may change them.');
    if (row.version !== expectedVersion) throw problems.preconditionFailed(`The record is at version ${row.version}.`, row.version);
    let next: ServiceRecordRow;
    if (change.action === 'correct') {
      next = { ...row, hours: change.hours };
    } else {
      const step = nextStatus[change.action];
      if (row.status !== step.from) throw problems.unprocessable('record-status', 'Wrong record status', `The record is ${row.status}; ${change.action} needs ${step.from}.`, { rule: 'service-record-status' });
      next = { ...row, status: step.to, ...(step.to === 'noticed' ? { noticed_at: at } : { finalised_at: at }) };
    }
    next = { ...next, updated_at: at, version: row.version + 1 };
    const updated = await trx
      .updateTable('service_records')
      .set({ hours: next.hours, status: next.status, noticed_at: next.noticed_at, finalised_at: next.finalised_at, updated_at: at, version: next.version })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw problems.preconditionFailed('The record changed meanwhile.');
    await revise(trx, next, change.action, change.action === 'correct' ? change.reason : null, actor, at);
    const base = { user_id: row.volunteer_user_id, org_unit_id: row.org_unit_id, org_path: row.org_path, record_id: row.id, actor_id: actor.userId, at };
    if (change.action === 'finalise') {
      await book(trx, { ...base, points: pointsForHours(next.hours), kind: 'credit', reference: `service-record:${row.id}` });
    } else if (change.action === 'correct' && row.status === 'final') {
      const delta = pointsForHours(next.hours) - pointsForHours(row.hours);
      if (delta !== 0) await book(trx, { ...base, points: delta, kind: 'correction', reference: `service-record:${row.id}:v${next.version}` });
    }
    return next;
  });
}

export async function revisionsOf(db: Kysely<Database>, id: string) {
  return db.selectFrom('service_record_revisions').selectAll().where('record_id', '=', id).orderBy('seq').execute();
}
