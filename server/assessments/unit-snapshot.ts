/**
 * Builds the rubric engine's `UnitSnapshot` for one unit from what the server stores: the unit and its
 * rooms and teams, the activity / meeting / training records filed as form submissions, the year plan and
 * monthly arrangements, the service records, the orders of
 * the five-order flow, and the tiers its child units received in an earlier cycle. Metrics read only the
 * snapshot, so whatever is frozen from it explains every automatic score.
 */
import type { Kysely } from 'kysely';
import type { Period, SnapshotOrder, UnitSnapshot } from '../../runtime/rubric/index';
import type { OrgLevel } from '../../runtime/schema/station-type';
import type { Database } from '../db/types';

export interface SnapshotUnit {
  id: string;
  parent_id: string | null;
  path: string;
  level: string;
}

const orderStatuses = new Set<string>(['submitted', 'pending_dispatch', 'dispatched', 'accepted', 'in_service', 'awaiting_rating', 'closed', 'rejected', 'cancelled']);

/** The calendar-year period of a cycle year. */
export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

function parse(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/**
 * Snapshots of many units at once (one query per source, not per unit): opening a cycle or previewing a
 * rubric reads the whole district.
 */
export async function buildSnapshots(db: Kysely<Database>, units: readonly SnapshotUnit[], period: Period): Promise<Map<string, UnitSnapshot>> {
  const ids = units.map((unit) => unit.id);
  const result = new Map<string, UnitSnapshot>();
  if (ids.length === 0) return result;
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 500) chunks.push(ids.slice(i, i + 500));
  const from = period.from;
  const toExclusive = `${period.to}~`;

  const rooms = (await Promise.all(chunks.map((chunk) => db.selectFrom('rooms').select(['org_unit_id', 'room_type', 'capacity']).where('org_unit_id', 'in', chunk).execute()))).flat();
  const teams = (await Promise.all(chunks.map((chunk) => db.selectFrom('teams').select(['id', 'org_unit_id', 'team_type']).where('org_unit_id', 'in', chunk).execute()))).flat();
  const teamIds = teams.map((team) => team.id);
  const members = teamIds.length === 0 ? [] : (await Promise.all(chunkOf(teamIds).map((chunk) => db.selectFrom('team_members').select(['team_id']).where('team_id', 'in', chunk).execute()))).flat();
  const records = (
    await Promise.all(
      chunks.map((chunk) =>
        db
          .selectFrom('form_submissions')
          .select(['org_unit_id', 'form_key', 'data', 'submitted_at'])
          .where('org_unit_id', 'in', chunk)
          .where('form_key', 'in', ['activity-record', 'meeting-record', 'training-record'])
          .execute(),
      ),
    )
  ).flat();
  const orders = (
    await Promise.all(
      chunks.map((chunk) =>
        db
          .selectFrom('workflow_instances')
          .select(['org_unit_id', 'state', 'data', 'created_at', 'updated_at'])
          .where('definition_key', '=', 'five-order')
          .where('org_unit_id', 'in', chunk)
          .where('created_at', '>=', from)
          .where('created_at', '<', toExclusive)
          .execute(),
      ),
    )
  ).flat();
  const serviceRecords = (
    await Promise.all(
      chunks.map((chunk) =>
        db
          .selectFrom('service_records')
          .select(['org_unit_id', 'activity_date', 'finalised_at'])
          .where('org_unit_id', 'in', chunk)
          .where('activity_date', '>=', from)
          .where('activity_date', '<', toExclusive)
          .execute(),
      ),
    )
  ).flat();
  const plans = (
    await Promise.all(
      chunks.map((chunk) =>
        db
          .selectFrom('activity_plans')
          .select(['org_unit_id', 'year', 'month', 'filed_at'])
          .where('org_unit_id', 'in', chunk)
          .where('year', '>=', Number(period.from.slice(0, 4)))
          .where('year', '<=', Number(period.to.slice(0, 4)))
          .execute(),
      ),
    )
  ).flat();
  const childTiers = await previousChildTiers(db, ids);

  const teamUnit = new Map(teams.map((team) => [team.id, team.org_unit_id]));
  const volunteers = new Map<string, number>();
  for (const member of members) {
    const unit = teamUnit.get(member.team_id);
    if (unit !== undefined) volunteers.set(unit, (volunteers.get(unit) ?? 0) + 1);
  }

  for (const unit of units) {
    result.set(unit.id, {
      unit: { id: unit.id, ...(unit.parent_id === null ? {} : { parentId: unit.parent_id }), level: unit.level as OrgLevel },
      rooms: [],
      teams: [],
      activities: [],
      meetings: [],
      trainings: [],
      orders: [],
      monthArrangements: [],
      serviceRecords: [],
      volunteers: { registered: volunteers.get(unit.id) ?? 0 },
      children: units.filter((child) => child.parent_id === unit.id).map((child) => ({ unitId: child.id, ...(childTiers.has(child.id) ? { tier: childTiers.get(child.id)! } : {}) })),
    });
  }
  for (const room of rooms) result.get(room.org_unit_id)?.rooms?.push({ type: room.room_type, capacity: room.capacity });
  for (const team of teams) result.get(team.org_unit_id)?.teams?.push({ type: team.team_type, ...(team.team_type === 'emergency' ? { emergency: true } : {}) });
  for (const record of records) {
    const snapshot = result.get(record.org_unit_id);
    if (snapshot === undefined) continue;
    const data = parse(record.data);
    if (record.form_key === 'activity-record') {
      const date = str(data.startTime);
      if (date !== undefined && inPeriod(date, period)) snapshot.activities!.push({ date, ...(str(data.category) === undefined ? {} : { category: str(data.category)! }) });
    } else if (record.form_key === 'meeting-record') {
      const date = str(data.date);
      const type = str(data.type);
      if (date !== undefined && type !== undefined && inPeriod(date, period)) snapshot.meetings!.push({ type, date });
    } else {
      const date = str(data.date);
      if (date !== undefined && inPeriod(date, period)) snapshot.trainings!.push({ date });
    }
  }
  for (const plan of plans) {
    const snapshot = result.get(plan.org_unit_id);
    if (snapshot === undefined) continue;
    if (plan.month === 0) snapshot.yearPlan ??= { filedAt: plan.filed_at };
    else snapshot.monthArrangements!.push({ month: `${plan.year}-${String(plan.month).padStart(2, '0')}` });
  }
  for (const record of serviceRecords) {
    result.get(record.org_unit_id)?.serviceRecords?.push({ activityDate: record.activity_date, ...(record.finalised_at === null ? {} : { finalisedAt: record.finalised_at }) });
  }
  for (const order of orders) {
    const snapshot = result.get(order.org_unit_id);
    if (snapshot === undefined) continue;
    const status = order.state === 'archived' ? 'closed' : order.state;
    if (!orderStatuses.has(status)) continue;
    const data = parse(order.data);
    const entry: SnapshotOrder = { status: status as SnapshotOrder['status'], submittedAt: order.created_at };
    if (status === 'closed') entry.closedAt = order.updated_at;
    if (typeof data.stars === 'number' && data.stars >= 1 && data.stars <= 5) entry.rating = data.stars;
    snapshot.orders!.push(entry);
  }
  return result;
}

function chunkOf(ids: readonly string[]): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 500) chunks.push(ids.slice(i, i + 500));
  return chunks;
}

function inPeriod(date: string, period: Period): boolean {
  const day = date.slice(0, 10);
  return day >= period.from && day <= period.to;
}

/** The latest final tier of each unit from earlier cycles (an institute's section G reads its stations'). */
async function previousChildTiers(db: Kysely<Database>, unitIds: readonly string[]): Promise<Map<string, string>> {
  const tiers = new Map<string, string>();
  for (const chunk of chunkOf(unitIds)) {
    const rows = await db
      .selectFrom('assessments')
      .innerJoin('assessment_cycles', 'assessment_cycles.id', 'assessments.cycle_id')
      .select(['assessments.org_unit_id', 'assessments.tier', 'assessment_cycles.year'])
      .where('assessments.parent_id', 'in', chunk)
      .where('assessments.tier', 'is not', null)
      .orderBy('assessment_cycles.year')
      .execute();
    for (const row of rows) if (row.tier !== null) tiers.set(row.org_unit_id, row.tier);
  }
  return tiers;
}
