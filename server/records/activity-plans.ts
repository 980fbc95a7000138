import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { OrgScope } from '../db/scope';
import type { Database } from '../db/types';
import { problems } from '../errors';
import { newId } from '../util/ids';

export interface PlanInput {
  orgUnitId: string;
  year: number;
  /** 0 (or absent) for the year plan, 1–12 for a monthly arrangement. */
  month?: number | undefined;
  title: string;
  items: { title: string; date?: string | undefined; category?: string | undefined }[];
}

/** Files a plan; filing the same unit/year/month again is refused (plans are records, not drafts). */
export async function filePlan(db: Kysely<Database>, actor: Actor, input: PlanInput, at: string) {
  const unit = await db.selectFrom('org_units').select(['id', 'path']).where('id', '=', input.orgUnitId).where('active', '=', 1).executeTakeFirst();
  if (unit === undefined) throw problems.notFound('org unit');
  if (!new OrgScope(actor).administers(unit.path)) throw problems.forbidden('You file plans only for units you administer.');
  const month = input.month ?? 0;
  const exists = await db.selectFrom('activity_plans').select('id').where('org_unit_id', '=', unit.id).where('year', '=', input.year).where('month', '=', month).executeTakeFirst();
  if (exists !== undefined) throw problems.conflict(month === 0 ? 'The year plan is already filed.' : `The arrangement for month ${month} is already filed.`);
  const row = { id: newId(), org_unit_id: unit.id, org_path: unit.path, year: input.year, month, title: input.title, items: JSON.stringify(input.items), filed_by: actor.userId, filed_at: at };
  await db.insertInto('activity_plans').values(row).execute();
  return row;
}
