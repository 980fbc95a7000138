import type { Quota, RubricDefinition } from '../schema/rubric';
import { compiled, type CompiledRubric } from './compile';
import { cents, decideTier } from './tier';
import type { UnitScore } from './types';

/** What ranking needs of a unit's score; `UnitScore` has it, and so do the compact results of a preview. */
export type Rankable = Pick<UnitScore, 'unitId' | 'parentId' | 'score' | 'vetoed' | 'tier'> & {
  sections: readonly { points: number }[];
  items: readonly { points: number }[];
};

/** How many units of a scope may hold the quota's tier. */
export function quotaLimit(quota: Quota, unitsInScope: number): number {
  let limit = Number.POSITIVE_INFINITY;
  if (quota.maxShare !== undefined) {
    const raw = quota.maxShare * unitsInScope;
    // A share like 0.3 × 10 is 3.0000000000000004 in floating point; round that noise away first.
    const exact = Math.round(raw * 1e9) / 1e9;
    limit = quota.rounding === 'ceil' ? Math.ceil(exact) : quota.rounding === 'round' ? Math.round(exact) : Math.floor(exact);
  }
  if (quota.maxCount !== undefined) limit = Math.min(limit, quota.maxCount);
  return limit;
}

/**
 * Applies the rubric's quotas to the tiers of a set of units scored together (one cycle), highest tier
 * first. In each scope, units holding the tier are ranked by score, then by the tie-breakers (a section's
 * or an item's points, higher first), then by unit id; those beyond the limit go down to the next tier
 * they qualify for, where that tier's quota applies in turn. A vetoed unit keeps its forced tier.
 * Returns new results; the inputs are not changed.
 */
export function applyQuotas<T extends Rankable>(rubric: RubricDefinition | CompiledRubric, scores: readonly T[]): T[] {
  const plan = compiled(rubric);
  const results = scores.map((score) => ({ ...score, tier: { ...score.tier } }));
  const quotas = plan.definition.quotas;
  if (quotas.length === 0) return results;
  const excluded = results.map(() => new Set<string>());
  const sectionIndex = new Map(plan.sections.map((section, index) => [section.key, index]));
  const itemIndex = new Map(plan.items.map((item, index) => [item.key, index]));

  for (const tier of plan.tiers.slice(0, -1)) {
    for (const quota of quotas) {
      if (quota.tier !== tier.key) continue;
      const groups = new Map<string, number[]>();
      results.forEach((result, index) => {
        const scope = quota.scope === 'all' ? '' : (result.parentId ?? '');
        const group = groups.get(scope);
        if (group) group.push(index);
        else groups.set(scope, [index]);
      });
      for (const members of groups.values()) {
        const limit = quotaLimit(quota, members.length);
        const holders = members.filter((index) => results[index]!.tier.tier === tier.key);
        if (holders.length <= limit) continue;
        // Vetoed holders cannot move, so they take their places first.
        holders.sort((a, b) => Number(results[b]!.vetoed) - Number(results[a]!.vetoed) || compareRank(results[a]!, results[b]!, quota, sectionIndex, itemIndex));
        for (const index of holders.slice(limit)) {
          const result = results[index]!;
          if (result.vetoed) continue;
          excluded[index]!.add(tier.key);
          const decision = decideTier(plan, cents(result.score), result.sections.map((section) => cents(section.points)), false, excluded[index]);
          result.tier = { tier: decision.tier, rule: 'quota', qualified: result.tier.qualified };
        }
      }
    }
  }
  return results;
}

function compareRank(
  a: Rankable,
  b: Rankable,
  quota: Quota,
  sectionIndex: ReadonlyMap<string, number>,
  itemIndex: ReadonlyMap<string, number>,
): number {
  if (a.score !== b.score) return b.score - a.score;
  for (const breaker of quota.tieBreakers) {
    const [left, right] =
      'section' in breaker
        ? [a.sections[sectionIndex.get(breaker.section) ?? -1]?.points ?? 0, b.sections[sectionIndex.get(breaker.section) ?? -1]?.points ?? 0]
        : [a.items[itemIndex.get(breaker.item) ?? -1]?.points ?? 0, b.items[itemIndex.get(breaker.item) ?? -1]?.points ?? 0];
    if (left !== right) return right - left;
  }
  return a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;
}
