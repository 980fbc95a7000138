/**
 * The reports district leaders ask for, each a query over the actor's org scope and a period
 * (inclusive `YYYY-MM-DD` days). Figures are computed in TypeScript from plain rows, so they are the same
 * on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';
import type { OrgScope } from '../db/scope';
import type { Database } from '../db/types';
import { percentile, round2, type Cell, type ReportTable } from './report-table';

export interface ReportPeriod {
  from: string;
  to: string;
}

const dayOf = (iso: string) => iso.slice(0, 10);
const endExclusive = (period: ReportPeriod) => `${period.to}~`;
const hoursBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;

async function unitsInScope(db: Kysely<Database>, scope: OrgScope) {
  return db.selectFrom('org_units').select(['id', 'parent_id', 'name', 'level', 'path']).where(scope.subtree('org_units.path')).where('active', '=', 1).orderBy('path').execute();
}

/**
 * Tier distribution of a cycle's results, per parent unit and level (an institute's stations; the center's
 * institutes); no rows when there is no cycle yet (`null`).
 */
export async function tierDistribution(db: Kysely<Database>, scope: OrgScope, cycleId: string | null): Promise<ReportTable> {
  const rows =
    cycleId === null
      ? []
      : await db
          .selectFrom('assessments')
          .leftJoin('org_units as parent', 'parent.id', 'assessments.parent_id')
          .select(['assessments.parent_id', 'parent.name as parent_name', 'assessments.level', 'assessments.tier'])
          .where('assessments.cycle_id', '=', cycleId)
          .where(scope.subtree('assessments.org_path'))
          .execute();
  const groups = new Map<string, Record<string, Cell>>();
  for (const row of rows) {
    const key = `${row.parent_id ?? ''}|${row.level}`;
    const group = groups.get(key) ?? { parentId: row.parent_id, parentName: row.parent_name ?? null, level: row.level, units: 0, demonstration: 0, standard: 0, creation: 0, pending: 0 };
    group.units = Number(group.units) + 1;
    const tier = row.tier ?? 'pending';
    group[tier] = Number(group[tier] ?? 0) + 1;
    groups.set(key, group);
  }
  return {
    title: { 'zh-CN': '等级分布', en: 'Tier distribution' },
    columns: [
      { key: 'parentName', zh: '上级单位', en: 'Parent unit' },
      { key: 'level', zh: '层级', en: 'Level' },
      { key: 'units', zh: '参评单位数', en: 'Units' },
      { key: 'demonstration', zh: '示范级', en: 'Demonstration' },
      { key: 'standard', zh: '达标级', en: 'Standard' },
      { key: 'creation', zh: '创建级', en: 'Creation' },
      { key: 'pending', zh: '未认定', en: 'Not final' },
    ],
    rows: [...groups.values()].sort((a, b) => String(a.parentName).localeCompare(String(b.parentName)) || String(a.level).localeCompare(String(b.level))),
  };
}

const funnelSteps = [
  { key: 'dispatched', zh: '派单', en: 'Dispatched', reached: (to: string) => to === 'dispatched' },
  { key: 'accepted', zh: '接单', en: 'Accepted', reached: (to: string) => to === 'accepted' },
  { key: 'served', zh: '服务完成', en: 'Served', reached: (to: string) => to === 'awaiting_rating' },
  { key: 'rated', zh: '评单', en: 'Rated', reached: (to: string, event: string) => event === 'rate' },
] as const;

/**
 * The five-order funnel of orders placed in the period: how many reached each step, the median and p90
 * hours from the previous step, and SLA breaches (a step's task closed after, or still open past, its due time).
 */
export async function orderFunnel(db: Kysely<Database>, scope: OrgScope, period: ReportPeriod, now: string): Promise<ReportTable> {
  const orders = await db
    .selectFrom('workflow_instances')
    .select(['id', 'created_at'])
    .where('definition_key', '=', 'five-order')
    .where('created_at', '>=', period.from)
    .where('created_at', '<', endExclusive(period))
    .where(scope.subtree('workflow_instances.org_path'))
    .execute();
  const ids = orders.map((order) => order.id);
  const history: { instance_id: string; event: string; to_state: string; at: string }[] = [];
  const tasks: { instance_id: string; name: string; due_at: string | null; closed_at: string | null }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    history.push(...(await db.selectFrom('history').select(['instance_id', 'event', 'to_state', 'at']).where('instance_id', 'in', chunk).orderBy('instance_id').orderBy('seq').execute()));
    tasks.push(...(await db.selectFrom('tasks').select(['instance_id', 'name', 'due_at', 'closed_at']).where('instance_id', 'in', chunk).where('due_at', 'is not', null).execute()));
  }
  const byOrder = new Map<string, typeof history>();
  for (const entry of history) byOrder.set(entry.instance_id, [...(byOrder.get(entry.instance_id) ?? []), entry]);
  // A breach counts once per order and task state, whichever signer was late.
  const breachesByState = new Map<string, Set<string>>();
  for (const task of tasks) {
    const late = task.closed_at === null ? task.due_at! < now : task.closed_at > task.due_at!;
    if (late) breachesByState.set(task.name, (breachesByState.get(task.name) ?? new Set()).add(task.instance_id));
  }
  // The tasks whose work leads to each step: a late one delays that step.
  const stepStates: Record<string, string[]> = { dispatched: ['pending_dispatch'], accepted: ['dispatched'], served: ['accepted', 'in_service'], rated: ['awaiting_rating'] };
  const breaches = (states: readonly string[]) => new Set(states.flatMap((state) => [...(breachesByState.get(state) ?? [])])).size;
  const rows: Record<string, Cell>[] = [{ step: 'ordered', stepName: '点单', count: orders.length, share: orders.length === 0 ? null : 1, medianHours: null, p90Hours: null, slaBreaches: breaches(['submitted']) }];
  const previous = new Map(orders.map((order) => [order.id, order.created_at]));
  for (const step of funnelSteps) {
    const durations: number[] = [];
    const reachedAt = new Map<string, string>();
    for (const [id, entries] of byOrder) {
      const hit = entries.find((entry) => step.reached(entry.to_state, entry.event));
      const before = previous.get(id);
      if (hit === undefined || before === undefined) continue;
      reachedAt.set(id, hit.at);
      durations.push(hoursBetween(before, hit.at));
    }
    rows.push({
      step: step.key,
      stepName: step.zh,
      count: reachedAt.size,
      share: orders.length === 0 ? null : round2(reachedAt.size / orders.length),
      medianHours: round2(percentile(durations, 0.5)),
      p90Hours: round2(percentile(durations, 0.9)),
      slaBreaches: breaches(stepStates[step.key]!),
    });
    previous.clear();
    for (const [id, at] of reachedAt) previous.set(id, at);
  }
  return {
    title: { 'zh-CN': '五单流程漏斗', en: 'Order funnel' },
    columns: [
      { key: 'stepName', zh: '环节', en: 'Step' },
      { key: 'count', zh: '数量', en: 'Orders' },
      { key: 'share', zh: '占点单比例', en: 'Share of ordered' },
      { key: 'medianHours', zh: '较上一环节用时中位数(小时)', en: 'Median hours from previous step' },
      { key: 'p90Hours', zh: '用时P90(小时)', en: 'P90 hours' },
      { key: 'slaBreaches', zh: '超时数', en: 'SLA breaches' },
    ],
    rows,
  };
}

function monthsOf(period: ReportPeriod): string[] {
  const months: string[] = [];
  let [year, month] = period.from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

async function submissions(db: Kysely<Database>, scope: OrgScope, formKey: string) {
  return db.selectFrom('form_submissions').select(['org_unit_id', 'data']).where('form_key', '=', formKey).where(scope.subtree('form_submissions.org_path')).execute();
}

/** "Weekly activity": per unit, the months of the period with at least `minPerMonth` activities. */
export async function activityCadence(db: Kysely<Database>, scope: OrgScope, period: ReportPeriod, minPerMonth: number): Promise<ReportTable> {
  const units = (await unitsInScope(db, scope)).filter((unit) => unit.level === 'station' || unit.level === 'institute');
  const months = monthsOf(period);
  const counts = new Map<string, Map<string, number>>();
  for (const row of await submissions(db, scope, 'activity-record')) {
    const start = (JSON.parse(row.data) as { startTime?: string }).startTime;
    if (typeof start !== 'string' || dayOf(start) < period.from || dayOf(start) > period.to) continue;
    const perMonth = counts.get(row.org_unit_id) ?? new Map<string, number>();
    perMonth.set(start.slice(0, 7), (perMonth.get(start.slice(0, 7)) ?? 0) + 1);
    counts.set(row.org_unit_id, perMonth);
  }
  return {
    title: { 'zh-CN': '活动常态化', en: 'Activity cadence' },
    columns: [
      { key: 'unitName', zh: '单位', en: 'Unit' },
      { key: 'level', zh: '层级', en: 'Level' },
      { key: 'activities', zh: '活动数', en: 'Activities' },
      { key: 'months', zh: '月数', en: 'Months' },
      { key: 'compliantMonths', zh: '达标月数', en: 'Compliant months' },
      { key: 'share', zh: '达标率', en: 'Share' },
      { key: 'compliant', zh: '是否常态化', en: 'Compliant' },
    ],
    rows: units.map((unit) => {
      const perMonth = counts.get(unit.id) ?? new Map<string, number>();
      const compliantMonths = months.filter((month) => (perMonth.get(month) ?? 0) >= minPerMonth).length;
      return {
        unitId: unit.id,
        unitName: unit.name,
        level: unit.level,
        activities: [...perMonth.values()].reduce((sum, n) => sum + n, 0),
        months: months.length,
        compliantMonths,
        share: months.length === 0 ? null : round2(compliantMonths / months.length),
        compliant: compliantMonths === months.length ? '是' : '否',
      };
    }),
  };
}

/** Final service hours and points credited in the period, per unit and team. */
export async function volunteerHours(db: Kysely<Database>, scope: OrgScope, period: ReportPeriod): Promise<ReportTable> {
  const records = await db
    .selectFrom('service_records')
    .leftJoin('teams', 'teams.id', 'service_records.team_id')
    .innerJoin('org_units', 'org_units.id', 'service_records.org_unit_id')
    .select(['service_records.org_unit_id', 'org_units.name as unit_name', 'service_records.team_id', 'teams.name as team_name', 'service_records.volunteer_user_id', 'service_records.hours'])
    .where('service_records.status', '=', 'final')
    .where('service_records.activity_date', '>=', period.from)
    .where('service_records.activity_date', '<', endExclusive(period))
    .where(scope.subtree('service_records.org_path'))
    .execute();
  const points = await db
    .selectFrom('points_ledger')
    .innerJoin('service_records', 'service_records.id', 'points_ledger.record_id')
    .select(['service_records.org_unit_id', 'service_records.team_id', 'points_ledger.points'])
    .where('service_records.activity_date', '>=', period.from)
    .where('service_records.activity_date', '<', endExclusive(period))
    .where(scope.subtree('service_records.org_path'))
    .execute();
  const groups = new Map<string, { unitName: string; teamName: string | null; records: number; hours: number; volunteers: Set<string>; points: number }>();
  for (const record of records) {
    const key = `${record.org_unit_id}|${record.team_id ?? ''}`;
    const group = groups.get(key) ?? { unitName: record.unit_name, teamName: record.team_name ?? null, records: 0, hours: 0, volunteers: new Set<string>(), points: 0 };
    group.records += 1;
    group.hours += Number(record.hours);
    group.volunteers.add(record.volunteer_user_id);
    groups.set(key, group);
  }
  for (const entry of points) {
    const group = groups.get(`${entry.org_unit_id}|${entry.team_id ?? ''}`);
    if (group !== undefined) group.points += Number(entry.points);
  }
  return {
    title: { 'zh-CN': '志愿服务时长与积分', en: 'Volunteer hours and points' },
    columns: [
      { key: 'unitName', zh: '单位', en: 'Unit' },
      { key: 'teamName', zh: '队伍', en: 'Team' },
      { key: 'volunteers', zh: '志愿者人数', en: 'Volunteers' },
      { key: 'records', zh: '服务记录数', en: 'Records' },
      { key: 'hours', zh: '服务时长(小时)', en: 'Hours' },
      { key: 'points', zh: '积分', en: 'Points' },
    ],
    rows: [...groups.values()].map((group) => ({ unitName: group.unitName, teamName: group.teamName, volunteers: group.volunteers.size, records: group.records, hours: round2(group.hours), points: group.points })),
  };
}

const meetingTypes = ['committee-study', 'main-leader-research', 'leader-in-charge', 'station-head-deploy', 'other'] as const;

/** Meetings by type and trainings per unit in the period, against the rubric's yearly cadence (station head deploys ≥ 2). */
export async function meetingCadence(db: Kysely<Database>, scope: OrgScope, period: ReportPeriod): Promise<ReportTable> {
  const units = (await unitsInScope(db, scope)).filter((unit) => unit.level === 'station' || unit.level === 'institute');
  const tally = new Map<string, Record<string, number>>();
  const bump = (unit: string, key: string) => {
    const row = tally.get(unit) ?? {};
    row[key] = (row[key] ?? 0) + 1;
    tally.set(unit, row);
  };
  for (const row of await submissions(db, scope, 'meeting-record')) {
    const data = JSON.parse(row.data) as { date?: string; type?: string };
    if (typeof data.date === 'string' && data.date >= period.from && data.date <= period.to && typeof data.type === 'string') bump(row.org_unit_id, data.type);
  }
  for (const row of await submissions(db, scope, 'training-record')) {
    const data = JSON.parse(row.data) as { date?: string };
    if (typeof data.date === 'string' && data.date >= period.from && data.date <= period.to) bump(row.org_unit_id, 'trainings');
  }
  return {
    title: { 'zh-CN': '会议与培训', en: 'Meetings and trainings' },
    columns: [
      { key: 'unitName', zh: '单位', en: 'Unit' },
      { key: 'committee-study', zh: '党委专题研究', en: 'Committee study' },
      { key: 'main-leader-research', zh: '主要领导专题调研', en: 'Main leader research' },
      { key: 'leader-in-charge', zh: '分管领导督促推进', en: 'Leader in charge' },
      { key: 'station-head-deploy', zh: '站长专题部署', en: 'Station head deploys' },
      { key: 'other', zh: '其他会议', en: 'Other meetings' },
      { key: 'trainings', zh: '骨干培训', en: 'Trainings' },
      { key: 'deployCompliant', zh: '专题部署达标(≥2次)', en: 'Deployments ≥ 2' },
    ],
    rows: units.map((unit) => {
      const row = tally.get(unit.id) ?? {};
      return {
        unitId: unit.id,
        unitName: unit.name,
        ...Object.fromEntries(meetingTypes.map((type) => [type, row[type] ?? 0])),
        trainings: row.trainings ?? 0,
        deployCompliant: (row['station-head-deploy'] ?? 0) >= 2 ? '是' : '否',
      };
    }),
  };
}
