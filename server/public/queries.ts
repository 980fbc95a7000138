/**
 * The queries behind the public pages. Each returns only what a resident may read without signing in:
 * unit names and tiers, the published rubric and menu, activity titles, times and places, and counts.
 * Nothing here selects a user's name, a form's personal field or free text written about a person.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { problems } from '../errors';

type Localized = Record<string, string>;

/** Instance states of an assessment whose tier has been published (公示 and after). */
export const publishedStates = ['public_notice', 'appeal_review', 'final'] as const;
/** Five-order states an order reaches once the service was delivered. */
const servedStates = ['awaiting_rating', 'closed', 'archived'];

export interface PublicUnit {
  id: string;
  name: string;
  nameEn: string | null;
  level: string;
  parentId: string | null;
}

export async function publicUnits(db: Kysely<Database>): Promise<PublicUnit[]> {
  const rows = await db.selectFrom('org_units').select(['id', 'name', 'name_en', 'level', 'parent_id']).where('active', '=', 1).orderBy('path').execute();
  return rows.map((row) => ({ id: row.id, name: row.name, nameEn: row.name_en, level: row.level, parentId: row.parent_id }));
}

interface RubricBody {
  key: string;
  version: number;
  title: Localized;
  appliesTo?: unknown;
  totalPoints?: number;
  sections?: { key: string; title: Localized; points: number; items?: { key: string; title: Localized; points: number }[] }[];
  bonus?: unknown;
  tiers?: { key: string; title: Localized; minScore?: number }[];
}

/** The public part of a rubric: titles, sections, items and points, tier thresholds. */
function publicRubric(level: string, body: RubricBody) {
  return {
    level,
    key: body.key,
    version: body.version,
    title: body.title,
    totalPoints: body.totalPoints ?? null,
    sections: (body.sections ?? []).map((section) => ({
      key: section.key,
      title: section.title,
      points: section.points,
      items: (section.items ?? []).map((item) => ({ key: item.key, title: item.title, points: item.points })),
    })),
    tiers: (body.tiers ?? []).map((tier) => ({ key: tier.key, title: tier.title, minScore: tier.minScore ?? null })),
  };
}

/** Published tiers of institutes and stations for a year (the newest year with a cycle when none is given), with the year's rubrics. */
export async function publishedTiers(db: Kysely<Database>, year: number | undefined) {
  const years = (await db.selectFrom('assessment_cycles').select('year').distinct().orderBy('year', 'desc').execute()).map((row) => Number(row.year));
  const chosen = year ?? years[0];
  if (chosen === undefined) return { year: null, years, rubrics: [], units: [] };
  const cycles = await db.selectFrom('assessment_cycles').select(['id', 'rubrics']).where('year', '=', chosen).orderBy('created_at', 'desc').execute();
  const rubrics = [];
  const seen = new Set<string>();
  for (const cycle of cycles) {
    for (const pin of JSON.parse(cycle.rubrics) as { level: string; key: string; version: number }[]) {
      const id = `${pin.level}|${pin.key}@${pin.version}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const row = await db.selectFrom('definitions').select('body').where('kind', '=', 'rubric').where('key', '=', pin.key).where('version', '=', pin.version).executeTakeFirst();
      if (row !== undefined) rubrics.push(publicRubric(pin.level, JSON.parse(row.body) as RubricBody));
    }
  }
  const cycleIds = cycles.map((cycle) => cycle.id);
  const rows =
    cycleIds.length === 0
      ? []
      : await db
          .selectFrom('assessments')
          .innerJoin('workflow_instances', 'workflow_instances.id', 'assessments.instance_id')
          .innerJoin('org_units', 'org_units.id', 'assessments.org_unit_id')
          .select(['assessments.org_unit_id', 'assessments.parent_id', 'assessments.level', 'assessments.tier', 'assessments.score', 'workflow_instances.state', 'org_units.name', 'org_units.name_en', 'org_units.path'])
          .where('assessments.cycle_id', 'in', cycleIds)
          .where('workflow_instances.state', 'in', [...publishedStates])
          .where('assessments.tier', 'is not', null)
          .orderBy('org_units.path')
          .execute();
  const units = rows.map((row) => ({
    unitId: row.org_unit_id,
    name: row.name,
    nameEn: row.name_en,
    level: row.level,
    parentId: row.parent_id,
    tier: row.tier!,
    score: row.score === null ? null : Number(row.score),
    status: row.state === 'final' ? ('final' as const) : ('notice' as const),
  }));
  return { year: chosen, years, rubrics, units };
}

interface MenuBody {
  key: string;
  title: Localized;
  description?: Localized;
  order?: number;
  icon?: string;
  color?: string;
  category?: string;
  targetGroups?: string[];
  deliveryModes?: string[];
  durationMinutes?: number;
}

/** Published service categories and items, newest version of each (retired ones are off the menu). */
export async function publicMenu(db: Kysely<Database>) {
  const rows = await db.selectFrom('definitions').select(['kind', 'key', 'version', 'body']).where('kind', 'in', ['serviceCategory', 'serviceItem']).where('status', '=', 'published').orderBy('version').execute();
  const newest = new Map<string, MenuBody>();
  for (const row of rows) newest.set(`${row.kind}|${row.key}`, JSON.parse(row.body) as MenuBody);
  const categories = [];
  const items = [];
  for (const [id, body] of newest) {
    if (id.startsWith('serviceCategory|')) categories.push({ key: body.key, title: body.title, description: body.description ?? null, order: body.order ?? 0, icon: body.icon ?? null, color: body.color ?? null });
    else items.push({ key: body.key, title: body.title, description: body.description ?? null, category: body.category ?? null, targetGroups: body.targetGroups ?? [], deliveryModes: body.deliveryModes ?? [], durationMinutes: body.durationMinutes ?? null });
  }
  categories.sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
  items.sort((a, b) => a.key.localeCompare(b.key));
  return { categories, items };
}

export interface Figures {
  volunteers: number;
  volunteerHours: number;
  ordersServed: number;
  ratings: number;
  /** Average stars of rated orders, null before the first rating. */
  satisfaction: number | null;
}

const idsOfPath = (path: string) => path.split('/').filter((id) => id.length > 0);
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Counts per unit (its whole subtree) and for the district: volunteers, final service hours, orders served, average rating. */
export async function publicFigures(db: Kysely<Database>): Promise<{ district: Figures; units: Record<string, Figures> }> {
  const units = await db.selectFrom('org_units').select(['id', 'parent_id']).where('active', '=', 1).execute();
  const volunteers = new Map<string, Set<string>>();
  const sums = new Map<string, { hours: number; served: number; stars: number; ratings: number }>();
  const sumOf = (id: string) => {
    let sum = sums.get(id);
    if (sum === undefined) sums.set(id, (sum = { hours: 0, served: 0, stars: 0, ratings: 0 }));
    return sum;
  };
  const memberships = await db.selectFrom('role_memberships').innerJoin('org_units', 'org_units.id', 'role_memberships.org_unit_id').select(['role_memberships.user_id', 'org_units.path']).where('role_memberships.role', '=', 'volunteer').execute();
  for (const row of memberships) {
    for (const id of idsOfPath(row.path)) {
      let set = volunteers.get(id);
      if (set === undefined) volunteers.set(id, (set = new Set()));
      set.add(row.user_id);
    }
  }
  const hours = await db.selectFrom('service_records').select(['org_path', 'hours']).where('status', '=', 'final').execute();
  for (const row of hours) for (const id of idsOfPath(row.org_path)) sumOf(id).hours += Number(row.hours);
  // Ratings are the `rate` command's form data, stored per event in the instance's data (`data.rate.stars`).
  const served = await db.selectFrom('workflow_instances').select(['org_path', 'data']).where('definition_key', '=', 'five-order').where('state', 'in', servedStates).execute();
  for (const row of served) {
    const rate = (JSON.parse(row.data) as { data?: { rate?: { stars?: unknown } } }).data?.rate;
    const stars = typeof rate?.stars === 'number' && Number.isFinite(rate.stars) ? rate.stars : undefined;
    for (const id of idsOfPath(row.org_path)) {
      const sum = sumOf(id);
      sum.served += 1;
      if (stars === undefined) continue;
      sum.stars += stars;
      sum.ratings += 1;
    }
  }
  const figuresOf = (id: string): Figures => {
    const sum = sums.get(id);
    return {
      volunteers: volunteers.get(id)?.size ?? 0,
      volunteerHours: round(sum?.hours ?? 0, 1),
      ordersServed: sum?.served ?? 0,
      ratings: sum?.ratings ?? 0,
      satisfaction: sum === undefined || sum.ratings === 0 ? null : round(sum.stars / sum.ratings, 2),
    };
  };
  const result: Record<string, Figures> = {};
  for (const unit of units) result[unit.id] = figuresOf(unit.id);
  const root = units.find((unit) => unit.parent_id === null);
  return { district: root === undefined ? figuresOf('') : result[root.id]!, units: result };
}

export interface UpcomingActivity {
  title: string;
  /** ISO date-time, or a `YYYY-MM-DD` day for a plan item. */
  start: string;
  end: string | null;
  place: string | null;
  category: string | null;
  unitId: string;
  unitName: string;
}

const chinaDay = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const text = (value: unknown, max = 200) => (typeof value === 'string' && value.trim().length > 0 ? value.trim().slice(0, max) : null);

/** A unit with its parent and children, the next activities in its subtree, and its figures. */
export async function unitPage(db: Kysely<Database>, id: string, now: Date, figures: Record<string, Figures>) {
  const unit = await db.selectFrom('org_units').select(['id', 'name', 'name_en', 'level', 'parent_id', 'path']).where('id', '=', id).where('active', '=', 1).executeTakeFirst();
  if (unit === undefined) throw problems.notFound('org unit');
  const parent = unit.parent_id === null ? undefined : await db.selectFrom('org_units').select(['id', 'name', 'name_en', 'level']).where('id', '=', unit.parent_id).executeTakeFirst();
  const children = await db.selectFrom('org_units').select(['id', 'name', 'name_en', 'level']).where('parent_id', '=', unit.id).where('active', '=', 1).orderBy('path').execute();
  const names = new Map<string, string>();
  const end = `${unit.path}~`;
  const today = chinaDay(now);
  const upcoming: UpcomingActivity[] = [];
  const unitName = async (unitId: string) => {
    if (!names.has(unitId)) names.set(unitId, (await db.selectFrom('org_units').select('name').where('id', '=', unitId).executeTakeFirst())?.name ?? '');
    return names.get(unitId)!;
  };
  const plans = await db
    .selectFrom('activity_plans')
    .select(['org_unit_id', 'items'])
    .where('activity_plans.org_path', '>=', unit.path)
    .where('activity_plans.org_path', '<', end)
    .where('year', '>=', Number(today.slice(0, 4)))
    .execute();
  for (const plan of plans) {
    for (const item of JSON.parse(plan.items) as { title?: unknown; date?: unknown; category?: unknown }[]) {
      const title = text(item.title);
      const date = typeof item.date === 'string' ? item.date : null;
      if (title === null || date === null || date.slice(0, 10) < today) continue;
      upcoming.push({ title, start: date, end: null, place: null, category: text(item.category, 80), unitId: plan.org_unit_id, unitName: await unitName(plan.org_unit_id) });
    }
  }
  const records = await db
    .selectFrom('form_submissions')
    .select(['org_unit_id', 'data'])
    .where('form_key', '=', 'activity-record')
    .where('form_submissions.org_path', '>=', unit.path)
    .where('form_submissions.org_path', '<', end)
    .where('submitted_at', '>=', new Date(now.getTime() - 366 * 86_400_000).toISOString())
    .execute();
  for (const record of records) {
    const data = JSON.parse(record.data) as Record<string, unknown>;
    const title = text(data.title);
    const start = typeof data.startTime === 'string' ? data.startTime : null;
    if (title === null || start === null || !(Date.parse(start) >= now.getTime())) continue;
    upcoming.push({ title, start, end: typeof data.endTime === 'string' ? data.endTime : null, place: text(data.place), category: text(data.category, 80), unitId: record.org_unit_id, unitName: await unitName(record.org_unit_id) });
  }
  const startMs = (activity: UpcomingActivity) => (activity.start.length === 10 ? Date.parse(`${activity.start}T00:00:00+08:00`) : Date.parse(activity.start));
  upcoming.sort((a, b) => startMs(a) - startMs(b) || a.title.localeCompare(b.title));
  const present = (row: { id: string; name: string; name_en: string | null; level: string }) => ({ id: row.id, name: row.name, nameEn: row.name_en, level: row.level });
  return {
    unit: present(unit),
    parent: parent === undefined ? null : present(parent),
    children: children.map(present),
    upcoming: upcoming.slice(0, 50),
    figures: figures[unit.id] ?? null,
  };
}
