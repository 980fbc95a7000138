/**
 * Pure edits and running totals of a rubric body. Totals are what the linter's arithmetic rule checks
 * (items add up to their section, sections to the total); the designer shows them as the author types.
 */
import type { RubricDefinition, RubricItem } from '../../../runtime/schema/rubric';
import { cloneJson } from '../text';

export type RubricBody = RubricDefinition & Record<string, unknown>;

/** Points are compared at 2 decimals: 0.1 + 0.2 must equal 0.3 for an author. */
export const samePoints = (a: number, b: number) => Math.abs(a - b) < 0.005;
const round = (n: number) => Math.round(n * 100) / 100;

export interface SectionTotal {
  key: string;
  declared: number;
  items: number;
  ok: boolean;
}

export interface RubricTotals {
  sections: SectionTotal[];
  sectionsSum: number;
  declared: number;
  ok: boolean;
}

export function totalsOf(body: RubricBody): RubricTotals {
  const sections = body.sections.map((section) => {
    const items = round(section.items.reduce((sum, item) => sum + (Number.isFinite(item.points) ? item.points : 0), 0));
    return { key: section.key, declared: section.points, items, ok: samePoints(items, section.points) };
  });
  const sectionsSum = round(body.sections.reduce((sum, s) => sum + s.points, 0));
  return { sections, sectionsSum, declared: body.totalPoints, ok: samePoints(sectionsSum, body.totalPoints) && sections.every((s) => s.ok) };
}

export function setItem(body: RubricBody, section: number, item: number, patch: Partial<RubricItem>): RubricBody {
  const next = cloneJson(body);
  const target = next.sections[section]?.items[item];
  if (!target) return body;
  next.sections[section]!.items[item] = { ...target, ...patch };
  return next;
}

export function setSectionPoints(body: RubricBody, section: number, points: number): RubricBody {
  const next = cloneJson(body);
  if (!next.sections[section]) return body;
  next.sections[section]!.points = points;
  return next;
}

/** Makes the section's points its items' sum, and the total the sections' sum: one click after re-weighting items. */
export function balance(body: RubricBody): RubricBody {
  const next = cloneJson(body);
  for (const section of next.sections) section.points = round(section.items.reduce((sum, item) => sum + item.points, 0));
  next.totalPoints = round(next.sections.reduce((sum, s) => sum + s.points, 0));
  return next;
}

export function patch<K extends keyof RubricDefinition>(body: RubricBody, key: K, value: RubricDefinition[K]): RubricBody {
  const next = cloneJson(body);
  (next as RubricDefinition)[key] = value;
  return next;
}

/** A new item the reviewer scores as met or not; its key follows the section's codes (c5 → c6). */
export function addItem(body: RubricBody, section: number, title: { 'zh-CN': string; en?: string }, points: number): RubricBody {
  const next = cloneJson(body);
  const target = next.sections[section];
  if (!target) return body;
  const prefix = target.items[0]?.key.replace(/\d+$/, '') ?? target.key.slice(0, 1);
  const taken = new Set(body.sections.flatMap((s) => s.items.map((i) => i.key)));
  let n = target.items.length + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  target.items.push({ key: `${prefix}${n}`, title, points, evidence: ['document'], scoring: { mode: 'binary', atLeast: 1 } });
  return next;
}

export function removeItem(body: RubricBody, section: number, item: number): RubricBody {
  const next = cloneJson(body);
  const target = next.sections[section];
  if (!target || target.items.length <= 1) return body;
  target.items.splice(item, 1);
  return next;
}
