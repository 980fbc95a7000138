import type { ReviewLevel, RubricDefinition } from '../schema/rubric';
import { compiled, type CompiledItem, type CompiledRubric } from './compile';
import { cents, decideTier } from './tier';
import type { AssessmentInput, ItemScore, ReviewSheet, UnitScore } from './types';

/**
 * Scores one unit: every item by its mode from the counting review level's entry (or frozen metrics),
 * sections capped at their max, bonus capped, vetoes, and the tier before quotas. Pure and total: missing
 * or invalid entries score zero and are flagged, never thrown.
 *
 * Points are kept in hundredths, so the item points of the explanation add up to the score exactly.
 *
 * @example
 * const result = scoreUnit(rubric, { unitId: 'st-1', metrics: frozen, reviews: { self: { items: { a1: { met: true } } } } });
 * result.score // 86.5
 * result.tier  // { tier: 'standard', rule: 'threshold', qualified: 'standard' }
 */
export function scoreUnit(rubric: RubricDefinition | CompiledRubric, input: AssessmentInput): UnitScore {
  const plan = compiled(rubric);
  const values = 'values' in input.metrics && 'period' in input.metrics ? (input.metrics.values as Record<string, number>) : (input.metrics as Record<string, number>);
  const reviews = input.reviews ?? {};
  const { counts, disagreementGap } = plan.definition.review;
  const order = plan.reviewLevels;

  const items: ItemScore[] = new Array(plan.items.length);
  const sectionCents = new Array<number>(plan.sections.length).fill(0);
  let bonusCents = 0;
  const flags: UnitScore['flags'] = { disagreements: [], missing: [], invalid: [] };

  for (let index = 0; index < plan.items.length; index++) {
    const item = plan.items[index]!;
    const picked = pickEntry(reviews, order, counts, (sheet) => sheet.items?.[item.key]);
    const outcome = item.prepared.score(picked?.entry, values);
    const points = cents(outcome.points);
    const score: ItemScore = {
      key: item.key,
      section: item.section < 0 ? null : plan.sections[item.section]!.key,
      mode: item.mode,
      max: item.max,
      points: points / 100,
      level: item.prepared.usesReview ? (picked?.level ?? null) : 'auto',
      inputs: outcome.inputs,
    };
    if (picked?.entry.comment !== undefined) score.comment = picked.entry.comment;
    if (picked?.entry.evidence !== undefined) score.evidence = picked.entry.evidence;
    if (item.prepared.usesReview && picked && picked.level !== 'self') {
      const self = reviews.self?.items?.[item.key];
      if (self !== undefined) {
        const selfPoints = cents(item.prepared.score(self, values).points);
        if (exceedsGap(Math.abs(selfPoints - points) / 100, item, disagreementGap)) {
          score.disagreement = { self: selfPoints / 100, reviewer: points / 100, level: picked.level };
          flags.disagreements.push(item.key);
        }
      }
    }
    if (outcome.inputs.missing) flags.missing.push(item.key);
    if (outcome.inputs.invalid) flags.invalid.push(item.key);
    items[index] = score;
    if (item.section < 0) bonusCents += points;
    else sectionCents[item.section]! += points;
  }

  let totalCents = 0;
  let ceilingCents = cents(plan.bonusCap);
  const sections = plan.sections.map((section, index) => {
    const raw = sectionCents[index]!;
    ceilingCents += cents(section.max);
    const capped = Math.min(raw, cents(section.max));
    sectionCents[index] = capped;
    totalCents += capped;
    return { key: section.key, max: section.max, raw: raw / 100, points: capped / 100 };
  });
  const bonusPoints = Math.min(bonusCents, cents(plan.bonusCap));
  totalCents += bonusPoints;
  const rawCents = totalCents;
  // Reported and compared at the rubric's precision (DOMAIN §8.3: one decimal), rounding half up.
  const step = 10 ** (2 - plan.definition.scoreDecimals);
  // Never above the most a unit can get, when the total itself is finer than the precision.
  totalCents = Math.min(Math.floor((totalCents + step / 2) / step) * step, ceilingCents);

  let vetoed = false;
  const vetoes = plan.vetoes.map((veto) => {
    const picked = pickEntry(reviews, order, counts, (sheet) => sheet.vetoes?.[veto.key]);
    const confirmed = picked?.entry.confirmed === true;
    if (confirmed) vetoed = true;
    return { key: veto.key, confirmed, level: picked?.level ?? null };
  });

  const result: UnitScore = {
    unitId: input.unitId,
    score: totalCents / 100,
    rawScore: rawCents / 100,
    sections,
    bonus: { raw: bonusCents / 100, points: bonusPoints / 100, cap: plan.bonusCap },
    items,
    vetoes,
    vetoed,
    tier: decideTier(plan, totalCents, sectionCents, vetoed),
    flags,
  };
  if (input.parentId !== undefined) result.parentId = input.parentId;
  return result;
}

/**
 * The entry that counts: the named level's, or with `last` the last level (in review order) that
 * recorded one.
 */
function pickEntry<T>(
  reviews: Partial<Readonly<Record<ReviewLevel, ReviewSheet>>>,
  order: readonly ReviewLevel[],
  counts: ReviewLevel | 'last',
  read: (sheet: ReviewSheet) => T | undefined,
): { level: ReviewLevel; entry: T } | undefined {
  if (counts !== 'last') {
    const sheet = reviews[counts];
    const entry = sheet ? read(sheet) : undefined;
    return entry === undefined ? undefined : { level: counts, entry };
  }
  for (let index = order.length - 1; index >= 0; index--) {
    const level = order[index]!;
    const sheet = reviews[level];
    const entry = sheet ? read(sheet) : undefined;
    if (entry !== undefined) return { level, entry };
  }
  return undefined;
}

function exceedsGap(difference: number, item: CompiledItem, gap: { points?: number | undefined; share?: number | undefined }): boolean {
  if (gap.points !== undefined && difference > gap.points + 1e-9) return true;
  if (gap.share !== undefined && difference > gap.share * item.max + 1e-9) return true;
  return false;
}

