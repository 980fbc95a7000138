/**
 * Attendance: staff open a check-in window for an activity and show its six-digit code; volunteers check
 * in and out with it on their phones. The minutes between check-in and check-out are the actual service
 * time (travel is not counted), from which draft service records are made.
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { OrgScope } from '../db/scope';
import type { Database } from '../db/types';
import { problems } from '../errors';
import { newId } from '../util/ids';
import { createServiceRecord } from './service-records';

export async function openSession(db: Kysely<Database>, actor: Actor, input: { orgUnitId: string; title: string; activityId?: string | undefined; validMinutes: number }, now: Date) {
  const unit = await db.selectFrom('org_units').select(['id', 'path']).where('id', '=', input.orgUnitId).where('active', '=', 1).executeTakeFirst();
  if (unit === undefined) throw problems.notFound('org unit');
  if (!new OrgScope(actor).administers(unit.path)) throw problems.forbidden('You open check-in only at units you administer.');
  const at = now.toISOString();
  // A code is unique among open windows; a few draws always find one (a million codes, few windows).
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const clash = await db.selectFrom('attendance_sessions').select('id').where('code', '=', code).where('closes_at', '>', at).executeTakeFirst();
    if (clash !== undefined) continue;
    const row = { id: newId(), activity_id: input.activityId ?? null, org_unit_id: unit.id, org_path: unit.path, title: input.title, code, opens_at: at, closes_at: new Date(now.getTime() + input.validMinutes * 60_000).toISOString(), created_by: actor.userId };
    await db.insertInto('attendance_sessions').values(row).execute();
    return row;
  }
  throw problems.conflict('No free check-in code; try again.');
}

/** Check-in is allowed while the window is open; check-out any time the same day after a check-in. */
export async function checkInOrOut(db: Kysely<Database>, actor: Actor, code: string, direction: 'in' | 'out', now: Date) {
  const at = now.toISOString();
  const session = await db.selectFrom('attendance_sessions').selectAll().where('code', '=', code).where('opens_at', '<=', at).orderBy('opens_at', 'desc').executeTakeFirst();
  if (session === undefined || (direction === 'in' && session.closes_at <= at) || (direction === 'out' && at.slice(0, 10) !== session.opens_at.slice(0, 10))) {
    throw problems.unprocessable('attendance-code', 'Unknown or expired code', 'This check-in code is not open.', { rule: 'attendance-code' });
  }
  const existing = await db.selectFrom('attendance').selectAll().where('session_id', '=', session.id).where('user_id', '=', actor.userId).executeTakeFirst();
  if (direction === 'in') {
    if (existing === undefined) await db.insertInto('attendance').values({ session_id: session.id, user_id: actor.userId, check_in_at: at, check_out_at: null }).execute();
    return { sessionId: session.id, title: session.title, checkInAt: existing?.check_in_at ?? at, checkOutAt: existing?.check_out_at ?? null };
  }
  if (existing === undefined) throw problems.unprocessable('attendance-not-checked-in', 'Not checked in', 'Check in before checking out.', { rule: 'attendance-order' });
  await db.updateTable('attendance').set({ check_out_at: at }).where('session_id', '=', session.id).where('user_id', '=', actor.userId).execute();
  return { sessionId: session.id, title: session.title, checkInAt: existing.check_in_at, checkOutAt: at };
}

/** Hours of attendance, rounded down to the quarter hour (service time is never rounded up). */
export function attendedHours(checkIn: string, checkOut: string): number {
  const minutes = Math.max(0, (Date.parse(checkOut) - Date.parse(checkIn)) / 60_000);
  return Math.floor(minutes / 15) / 4;
}

export async function sessionWithAttendance(db: Kysely<Database>, actor: Actor, id: string) {
  const session = await db.selectFrom('attendance_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (session === undefined || !new OrgScope(actor).covers(session.org_path)) throw problems.notFound('attendance session');
  const rows = await db.selectFrom('attendance').selectAll().where('session_id', '=', id).orderBy('check_in_at').execute();
  return { session, rows };
}

/** Draft service records, one per volunteer who checked out; running it twice makes none twice. */
export async function recordsFromAttendance(db: Kysely<Database>, actor: Actor, id: string, at: string): Promise<number> {
  const { session, rows } = await sessionWithAttendance(db, actor, id);
  let created = 0;
  for (const row of rows) {
    if (row.check_out_at === null) continue;
    const hours = attendedHours(row.check_in_at, row.check_out_at);
    if (hours <= 0) continue;
    const marker = `attendance:${session.id}`;
    const done = await db.selectFrom('service_records').select('id').where('volunteer_user_id', '=', row.user_id).where('description', '=', marker).executeTakeFirst();
    if (done !== undefined) continue;
    await createServiceRecord(db, actor, { orgUnitId: session.org_unit_id, volunteerId: row.user_id, activityDate: session.opens_at.slice(0, 10), activityId: session.activity_id ?? undefined, hours, description: marker }, at);
    created++;
  }
  return created;
}
