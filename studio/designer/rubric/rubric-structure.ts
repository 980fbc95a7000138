/**
 * Pure edits of a rubric's structure: sections (add, rename, move, remove), an item's scoring mode with
 * parameters that lint clean for its points, veto items and bonus items. Every edit returns a new body.
 */
import type { LocalizedText } from '../../../runtime/schema/common';
import { defaultGrades, type RubricItem, type Scoring, type ScoringModeName } from '../../../runtime/schema/rubric';
import { cloneJson } from '../text';
import type { RubricBody } from './rubric-model';

export const scoringModes: ScoringModeName[] = ['binary', 'graded', 'deduction', 'metric', 'checklist', 'judgement'];

/** The metric a new metric-scored item reads until the author picks one: present in every pack. */
export const DEFAULT_METRIC = 'activities-count';

/** Where an item lives: in a section, or among the bonus items. */
export type ItemPlace = { where: 'section'; section: number; item: number } | { where: 'bonus'; item: number };

export const itemPointer = (place: ItemPlace) => (place.where === 'section' ? `/sections/${place.section}/items/${place.item}` : `/bonus/items/${place.item}`);

export function itemAt(body: RubricBody, place: ItemPlace): RubricItem | undefined {
  return place.where === 'section' ? body.sections[place.section]?.items[place.item] : body.bonus?.items[place.item];
}

export function putItem(body: RubricBody, place: ItemPlace, patch: Partial<RubricItem>): RubricBody {
  const current = itemAt(body, place);
  if (!current) return body;
  const next = cloneJson(body);
  const merged = { ...current, ...patch } as RubricItem;
  if (place.where === 'section') next.sections[place.section]!.items[place.item] = merged;
  else next.bonus!.items[place.item] = merged;
  return next;
}

const half = (n: number) => Math.max(0.5, Math.round(n) / 2);

/**
 * Parameters for `mode` that the linter accepts for an item of `points`: judgement options reach the
 * item's points, checklist elements add up to it, a deduction never exceeds it, a metric scale is not empty.
 * What the item already reads (its metric) is kept across the switch.
 */
export function defaultScoring(mode: ScoringModeName, points: number, previous?: Scoring): Scoring {
  const metric = previous && 'metric' in previous && previous.metric ? previous.metric : undefined;
  switch (mode) {
    case 'binary':
      return { mode, atLeast: 1, ...(metric ? { metric } : {}) };
    case 'graded':
      return { mode, levels: defaultGrades.map((grade) => ({ ...grade })) };
    case 'deduction':
      return { mode, defects: [{ key: 'd1', title: { 'zh-CN': '发现一处问题', en: 'One shortcoming found' }, points: half(points) }] };
    case 'metric':
      return { mode, metric: metric ?? { key: DEFAULT_METRIC }, scale: { type: 'linear', zeroAt: 0, fullAt: 10 } };
    case 'checklist':
      return { mode, elements: [{ key: 'e1', title: { 'zh-CN': '要素一', en: 'Element 1' }, points, atLeast: 1 }] };
    case 'judgement':
      return {
        mode,
        options: [
          { points: 0, title: { 'zh-CN': '未达到', en: 'Not met' } },
          { points, title: { 'zh-CN': '完全达到', en: 'Fully met' } },
        ],
      };
  }
}

export function setMode(body: RubricBody, place: ItemPlace, mode: ScoringModeName): RubricBody {
  const item = itemAt(body, place);
  if (!item || item.scoring.mode === mode) return body;
  return putItem(body, place, { scoring: defaultScoring(mode, item.points, item.scoring) });
}

// ---- sections ---------------------------------------------------------------------------------------

function freeKey(taken: Iterable<string>, prefix: string, start = 1): string {
  const used = new Set(taken);
  let n = start;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

const itemKeys = (body: RubricBody) => [...body.sections.flatMap((s) => s.items.map((i) => i.key)), ...(body.bonus?.items ?? []).map((i) => i.key)];

/**
 * A new section with one met-or-not item of `points`; the total grows by the same points so the
 * running totals stay balanced.
 */
export function addSection(body: RubricBody, title: LocalizedText, points: number): RubricBody {
  const next = cloneJson(body);
  const key = freeKey(body.sections.map((s) => s.key), 'section', body.sections.length + 1);
  const itemKey = freeKey(itemKeys(body), `${key}-`, 1);
  next.sections.push({ key, title, points, items: [{ key: itemKey, title, points, evidence: ['document'], scoring: { mode: 'binary', atLeast: 1 } }] });
  next.totalPoints = Math.round((next.totalPoints + points) * 100) / 100;
  return next;
}

export function renameSection(body: RubricBody, section: number, title: LocalizedText): RubricBody {
  if (!body.sections[section]) return body;
  const next = cloneJson(body);
  next.sections[section]!.title = title;
  return next;
}

/** Moves a section one place up (-1) or down (+1); order is what reviewers and reports show. */
export function moveSection(body: RubricBody, section: number, by: -1 | 1): RubricBody {
  const to = section + by;
  if (!body.sections[section] || to < 0 || to >= body.sections.length) return body;
  const next = cloneJson(body);
  const [moved] = next.sections.splice(section, 1);
  next.sections.splice(to, 0, moved!);
  return next;
}

/**
 * Removes a section (never the last: a rubric has at least one), the total shrinks by its points, and
 * per-section floors and tie-breakers that named it go with it, so nothing points at a missing section.
 */
export function removeSection(body: RubricBody, section: number): RubricBody {
  const gone = body.sections[section];
  if (!gone || body.sections.length <= 1) return body;
  const next = cloneJson(body);
  next.sections.splice(section, 1);
  next.totalPoints = Math.round((next.totalPoints - gone.points) * 100) / 100;
  for (const tier of next.tiers) {
    if (tier.sectionFloors && gone.key in tier.sectionFloors) {
      delete tier.sectionFloors[gone.key];
      if (Object.keys(tier.sectionFloors).length === 0) delete tier.sectionFloors;
    }
  }
  const goneItems = new Set(gone.items.map((i) => i.key));
  for (const quota of next.quotas ?? []) {
    quota.tieBreakers = (quota.tieBreakers ?? []).filter((tb) => ('section' in tb ? tb.section !== gone.key : !goneItems.has(tb.item)));
  }
  return next;
}

// ---- vetoes -----------------------------------------------------------------------------------------

/** A new veto item; the lowest tier becomes the veto tier when none is set, as the linter requires one. */
export function addVeto(body: RubricBody, title: LocalizedText): RubricBody {
  const next = cloneJson(body);
  const vetoes = next.vetoes ?? [];
  vetoes.push({ key: freeKey(vetoes.map((v) => v.key), 'v', vetoes.length + 1), title, evidence: ['document'] });
  next.vetoes = vetoes;
  if (next.vetoTier === undefined) next.vetoTier = next.tiers[next.tiers.length - 1]?.key;
  return next;
}

export function renameVeto(body: RubricBody, index: number, title: LocalizedText): RubricBody {
  if (!body.vetoes?.[index]) return body;
  const next = cloneJson(body);
  next.vetoes[index]!.title = title;
  return next;
}

export function removeVeto(body: RubricBody, index: number): RubricBody {
  if (!body.vetoes?.[index]) return body;
  const next = cloneJson(body);
  next.vetoes.splice(index, 1);
  return next;
}

// ---- bonus ------------------------------------------------------------------------------------------

export function bonusTotal(body: RubricBody): { sum: number; cap: number; reachesCap: boolean } | undefined {
  if (!body.bonus) return undefined;
  const sum = Math.round(body.bonus.items.reduce((acc, item) => acc + item.points, 0) * 100) / 100;
  return { sum, cap: body.bonus.cap, reachesCap: sum >= body.bonus.cap - 0.005 };
}

/** A bonus item scored by a reviewer (met or not); the first one creates the bonus block with its points as cap. */
export function addBonusItem(body: RubricBody, title: LocalizedText, points: number): RubricBody {
  const next = cloneJson(body);
  const item: RubricItem = { key: freeKey(itemKeys(body), 'bonus-', 1), title, points, evidence: ['document'], scoring: { mode: 'binary', atLeast: 1 } };
  if (next.bonus) next.bonus.items.push(item);
  else next.bonus = { cap: points, items: [item] };
  return next;
}

/** Removes a bonus item; removing the last removes the bonus block (the schema wants at least one item). */
export function removeBonusItem(body: RubricBody, index: number): RubricBody {
  if (!body.bonus?.items[index]) return body;
  const next = cloneJson(body);
  next.bonus!.items.splice(index, 1);
  if (next.bonus!.items.length === 0) delete next.bonus;
  return next;
}
