import type { ReviewLevel, RubricDefinition } from '../schema/rubric';
import { compiled, type CompiledRubric } from './compile';
import { freezeMetrics } from './metrics/freeze';
import { applyQuotas, type Rankable } from './quota';
import { scoreUnit } from './score';
import type { Period, UnitSnapshot } from './snapshot';
import { cents, decideTier } from './tier';
import type { AssessmentInput, ReviewSheet, UnitScore } from './types';

/** A unit's current data, as the preview scores it under both versions. */
export interface PreviewUnit {
  unitId: string;
  parentId?: string;
  snapshot: UnitSnapshot;
  reviews?: Partial<Readonly<Record<ReviewLevel, ReviewSheet>>>;
}

export interface UnitChange {
  unitId: string;
  parentId?: string;
  before: { score: number; tier: string };
  after: { score: number; tier: string };
}

export type TierCounts = Record<string, number>;

export interface ImpactSummary {
  changed: UnitChange[];
  tiers: { before: TierCounts; after: TierCounts };
  byParent: Record<string, { before: TierCounts; after: TierCounts; changed: number }>;
}

/**
 * What publishing `after` in place of `before` would do to every unit: the units whose score or tier
 * changes, counts per tier and per parent org unit, and `thresholdsOnly`: the same when only the tier
 * rules (thresholds, floors, veto tier, quotas) of `after` are applied to the scores of `before`.
 */
export interface ImpactPreview extends ImpactSummary {
  units: number;
  /** True when the two versions differ only in tier rules, so the scores were computed once. */
  scoringUnchanged: boolean;
  thresholdsOnly: ImpactSummary;
}

/**
 * Scores every unit under two rubric versions (a draft against the published one) from current data.
 * Each version is compiled once; metrics shared by both versions are computed once per unit.
 *
 * @example
 * const impact = previewImpact(published, draft, units, { from: '2025-01-01', to: '2025-12-31' });
 * impact.tiers.before.demonstration - impact.tiers.after.demonstration // 12 stations drop from 示范级
 */
export function previewImpact(
  before: RubricDefinition | CompiledRubric,
  after: RubricDefinition | CompiledRubric,
  units: readonly PreviewUnit[],
  period: Period,
): ImpactPreview {
  const old = compiled(before);
  const next = compiled(after);
  const scoringUnchanged = scoringPart(old.definition) === scoringPart(next.definition);

  // Only what tiers, quotas and the summary need is kept per unit, so memory stays flat in the unit count.
  const itemBreakers = [old, next].some((rubric) => rubric.definition.quotas.some((quota) => quota.tieBreakers.some((breaker) => 'item' in breaker)));
  const compact = (score: UnitScore): Rankable => ({
    unitId: score.unitId,
    parentId: score.parentId,
    score: score.score,
    vetoed: score.vetoed,
    tier: score.tier,
    sections: score.sections,
    items: itemBreakers ? score.items : [],
  });
  const oldScores: Rankable[] = new Array(units.length);
  const newScores: Rankable[] = new Array(units.length);
  for (let index = 0; index < units.length; index++) {
    const unit = units[index]!;
    const frozen = freezeMetrics(old, unit.snapshot, period);
    const input: AssessmentInput = { unitId: unit.unitId, parentId: unit.parentId, metrics: frozen.values, reviews: unit.reviews };
    oldScores[index] = compact(scoreUnit(old, input));
    if (scoringUnchanged) continue;
    const nextFrozen = freezeMetrics(next, unit.snapshot, period, frozen.values);
    newScores[index] = compact(scoreUnit(next, { ...input, metrics: nextFrozen.values }));
  }
  const beforeFinal = applyQuotas(old, oldScores);
  const hybrid = withTierRules(old, next);
  const retiered = applyQuotas(hybrid, oldScores.map((score) => retier(hybrid, score)));
  const afterFinal = scoringUnchanged ? retiered : applyQuotas(next, newScores);

  return {
    units: units.length,
    scoringUnchanged,
    ...summarize(beforeFinal, afterFinal),
    thresholdsOnly: summarize(beforeFinal, retiered),
  };
}

/** The rubric's scoring with another version's tier rules: what "thresholds only" means. */
function withTierRules(scoring: CompiledRubric, rules: CompiledRubric): CompiledRubric {
  return {
    ...scoring,
    tiers: rules.tiers,
    vetoTier: rules.vetoTier,
    definition: { ...scoring.definition, tiers: rules.definition.tiers, vetoTier: rules.definition.vetoTier, quotas: rules.definition.quotas },
  };
}

function retier(rubric: CompiledRubric, score: Rankable): Rankable {
  const tier = decideTier(rubric, cents(score.score), score.sections.map((section) => cents(section.points)), score.vetoed);
  return { ...score, tier };
}

function scoringPart(definition: RubricDefinition): string {
  const { sections, bonus, vetoes, review, metrics, scoreDecimals } = definition;
  return JSON.stringify({ sections, bonus, vetoes, review, metrics, scoreDecimals });
}

function summarize(before: readonly Rankable[], after: readonly Rankable[]): ImpactSummary {
  const changed: UnitChange[] = [];
  const tiers = { before: {} as TierCounts, after: {} as TierCounts };
  const byParent: ImpactSummary['byParent'] = {};
  for (let index = 0; index < before.length; index++) {
    const old = before[index]!;
    const next = after[index]!;
    tiers.before[old.tier.tier] = (tiers.before[old.tier.tier] ?? 0) + 1;
    tiers.after[next.tier.tier] = (tiers.after[next.tier.tier] ?? 0) + 1;
    const parent = old.parentId ?? '';
    const group = (byParent[parent] ??= { before: {}, after: {}, changed: 0 });
    group.before[old.tier.tier] = (group.before[old.tier.tier] ?? 0) + 1;
    group.after[next.tier.tier] = (group.after[next.tier.tier] ?? 0) + 1;
    if (old.score === next.score && old.tier.tier === next.tier.tier) continue;
    group.changed++;
    const change: UnitChange = {
      unitId: old.unitId,
      before: { score: old.score, tier: old.tier.tier },
      after: { score: next.score, tier: next.tier.tier },
    };
    if (old.parentId !== undefined) change.parentId = old.parentId;
    changed.push(change);
  }
  return { changed, tiers, byParent };
}
