import type { Tier } from '../schema/rubric';
import type { CompiledRubric } from './compile';
import type { TierDecision } from './types';

/** The floor of a section under a tier, as a share of the section's max (0 when none applies). */
export function floorOf(tier: Tier, sectionKey: string): number {
  return tier.sectionFloors?.[sectionKey] ?? tier.sectionFloor ?? 0;
}

/** Hundredths, so comparisons with thresholds are exact. */
export function cents(points: number): number {
  return Math.round(points * 100);
}

/** Whether a score and its section points reach a tier (ignoring vetoes and quotas). */
export function qualifies(rubric: CompiledRubric, tier: Tier, scoreCents: number, sectionCents: readonly number[]): boolean {
  if (scoreCents < cents(tier.minScore)) return false;
  for (let index = 0; index < rubric.sections.length; index++) {
    const floor = floorOf(tier, rubric.sections[index]!.key);
    if (floor > 0 && sectionCents[index]! < cents(floor * rubric.sections[index]!.max)) return false;
  }
  return true;
}

/**
 * The tier a unit earns before quotas: a confirmed veto forces `vetoTier`; otherwise the first tier
 * (highest first) whose threshold and section floors are met; otherwise the last tier. `excluded` tiers
 * are skipped, which is how a quota demotes a unit to the next tier it qualifies for.
 */
export function decideTier(
  rubric: CompiledRubric,
  scoreCents: number,
  sectionCents: readonly number[],
  vetoed: boolean,
  excluded?: ReadonlySet<string>,
): TierDecision {
  const tiers = rubric.tiers;
  if (vetoed) {
    const forced = rubric.vetoTier ?? tiers[tiers.length - 1]!.key;
    return { tier: forced, rule: 'veto', qualified: forced };
  }
  for (let index = 0; index < tiers.length - 1; index++) {
    const tier = tiers[index]!;
    if (excluded?.has(tier.key)) continue;
    if (qualifies(rubric, tier, scoreCents, sectionCents)) return { tier: tier.key, rule: 'threshold', qualified: tier.key };
  }
  const last = tiers[tiers.length - 1]!.key;
  return { tier: last, rule: 'fallback', qualified: last };
}
