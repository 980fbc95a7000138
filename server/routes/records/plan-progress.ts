/**
 * A unit's month: the activities its arrangement (月度安排) planned and what was done. An activity counts
 * as done when an activity record (活动记录) of the unit starts in that month, or a check-in window was
 * opened there that month, under the planned title; done activities that match no planned title are
 * listed as unplanned. Months are China's calendar months (UTC+8), as people read them.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import { OrgScope } from '../../db/scope';
import type { Database } from '../../db/types';
import { problems } from '../../errors';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const ACTIVITY_FORM = 'activity-record';

export interface DoneActivity {
  kind: 'record' | 'attendance';
  id: string;
  title: string;
  at: string;
}

export interface PlanProgress {
  orgUnitId: string;
  year: number;
  month: number;
  plan: { id: string; title: string; filedBy: string; filedAt: string } | null;
  items: { title: string; date: string | null; category: string | null; done: DoneActivity[] }[];
  unplanned: DoneActivity[];
  planned: number;
  completed: number;
}

/** The instants a China calendar month starts and ends (exclusive), as ISO strings. */
export function chinaMonth(year: number, month: number): { from: string; to: string } {
  const start = Date.UTC(year, month - 1, 1) - CHINA_OFFSET_MS;
  const end = Date.UTC(year, month, 1) - CHINA_OFFSET_MS;
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

const sameTitle = (a: string) => a.trim().replace(/\s+/g, ' ').toLowerCase();

export async function planProgress(db: Kysely<Database>, actor: Actor, orgUnitId: string, year: number, month: number): Promise<PlanProgress> {
  const unit = await db.selectFrom('org_units').select(['id', 'path']).where('id', '=', orgUnitId).executeTakeFirst();
  if (unit === undefined || !new OrgScope(actor).covers(unit.path)) throw problems.notFound('org unit');
  const { from, to } = chinaMonth(year, month);
  const plan = await db.selectFrom('activity_plans').selectAll().where('org_unit_id', '=', unit.id).where('year', '=', year).where('month', '=', month).executeTakeFirst();
  // A record is filed after its activity, so one filed before the month cannot start in it.
  const records = await db
    .selectFrom('form_submissions')
    .select(['id', 'data'])
    .where('form_key', '=', ACTIVITY_FORM)
    .where('org_unit_id', '=', unit.id)
    .where('submitted_at', '>=', from)
    .orderBy('submitted_at')
    .limit(5000)
    .execute();
  const sessions = await db
    .selectFrom('attendance_sessions')
    .select(['id', 'title', 'opens_at'])
    .where('org_unit_id', '=', unit.id)
    .where('opens_at', '>=', from)
    .where('opens_at', '<', to)
    .orderBy('opens_at')
    .execute();
  const done: DoneActivity[] = [];
  for (const record of records) {
    const data = JSON.parse(record.data) as { title?: unknown; startTime?: unknown };
    if (typeof data.title !== 'string' || typeof data.startTime !== 'string') continue;
    const at = Date.parse(data.startTime);
    if (Number.isNaN(at) || at < Date.parse(from) || at >= Date.parse(to)) continue;
    done.push({ kind: 'record', id: record.id, title: data.title, at: new Date(at).toISOString() });
  }
  done.push(...sessions.map((session) => ({ kind: 'attendance' as const, id: session.id, title: session.title, at: session.opens_at })));
  done.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const planned = plan === undefined ? [] : (JSON.parse(plan.items) as { title: string; date?: string; category?: string }[]);
  const titles = new Set(planned.map((item) => sameTitle(item.title)));
  const items = planned.map((item) => ({
    title: item.title,
    date: item.date ?? null,
    category: item.category ?? null,
    done: done.filter((activity) => sameTitle(activity.title) === sameTitle(item.title)),
  }));
  return {
    orgUnitId: unit.id,
    year,
    month,
    plan: plan === undefined ? null : { id: plan.id, title: plan.title, filedBy: plan.filed_by, filedAt: plan.filed_at },
    items,
    unplanned: done.filter((activity) => !titles.has(sameTitle(activity.title))),
    planned: items.length,
    completed: items.filter((item) => item.done.length > 0).length,
  };
}

/** Check-in windows of a unit, newest first, with how many checked in. */
export async function listSessions(db: Kysely<Database>, actor: Actor, orgUnitId: string, now: string, openOnly: boolean) {
  const unit = await db.selectFrom('org_units').select(['id', 'path']).where('id', '=', orgUnitId).executeTakeFirst();
  if (unit === undefined || !new OrgScope(actor).covers(unit.path)) throw problems.notFound('org unit');
  let query = db
    .selectFrom('attendance_sessions')
    .select((eb) => [
      'attendance_sessions.id',
      'attendance_sessions.org_unit_id',
      'attendance_sessions.activity_id',
      'attendance_sessions.title',
      'attendance_sessions.code',
      'attendance_sessions.opens_at',
      'attendance_sessions.closes_at',
      eb.selectFrom('attendance').select((inner) => inner.fn.countAll<number>().as('n')).whereRef('attendance.session_id', '=', 'attendance_sessions.id').as('checked_in'),
    ])
    .where('attendance_sessions.org_unit_id', '=', unit.id);
  if (openOnly) query = query.where('attendance_sessions.closes_at', '>', now);
  return query.orderBy('attendance_sessions.opens_at', 'desc').orderBy('attendance_sessions.id').limit(100).execute();
}
