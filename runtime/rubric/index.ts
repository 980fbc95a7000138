/**
 * The rubric engine: pure scoring of assessment units against a rubric definition.
 *
 * Typical flow of an assessment cycle (the server owns persistence and time):
 * 1. `compileRubric(definition)` once per rubric version;
 * 2. at opening, `freezeMetrics(compiled, snapshot, period)` per unit and store `values`;
 * 3. as reviews arrive, `scoreUnit(compiled, { unitId, parentId, metrics: values, reviews })`;
 * 4. at approval, `scoreUnits(compiled, inputs)` for the whole cycle (quotas need every unit);
 * 5. `explain(compiled, score)` for the "why this tier, what would lift it" page;
 * 6. before publishing a new version, `previewImpact(published, draft, units, period)`.
 *
 * @example
 * const rubric = compileRubric(RubricDefinition.parse(json));
 * const frozen = freezeMetrics(rubric, snapshot, { from: '2025-01-01', to: '2025-12-31' });
 * const score = scoreUnit(rubric, { unitId: 'st-01', parentId: 'inst-01', metrics: frozen, reviews: { self: { items: { a1: { met: true } } } } });
 * explain(rubric, score).next?.text['zh-CN'] // '距示范级：还差 4.5 分；最少改进：c2“周有活动”'
 */
import type { RubricDefinition } from '../schema/rubric';
import { compiled, type CompiledRubric } from './compile';
import { applyQuotas } from './quota';
import { scoreUnit } from './score';
import type { AssessmentInput, UnitScore } from './types';

export { compileRubric, RubricCompileError } from './compile';
export type { CompiledRubric, CompiledItem, CompiledSection, MetricPlanStep } from './compile';
export { freezeMetrics } from './metrics/freeze';
export type { FrozenMetrics } from './metrics/freeze';
export { metricInstanceId } from './metrics/instance';
export { metricRegistry, findMetric } from './metrics/registry';
export type { MetricDefinition, MetricUnit, MetricPeriod } from './metrics/types';
export { scoringModes } from './scoring-modes/registry';
export type { ReviewEntry, ItemInputs, Improvement, ScoringMode } from './scoring-modes/types';
export { scoreUnit } from './score';
export { decideTier, qualifies } from './tier';
export { applyQuotas, quotaLimit } from './quota';
export { explain } from './explain';
export type { Explanation, ExplanationLine, Shortfall, ImprovementOption } from './explain';
export { checkReviewSheet, ReviewEntrySchema, ReviewSheetSchema, VetoFindingSchema } from './review-check';
export type { EntryProblem } from './review-check';
export { previewImpact } from './preview';
export type { ImpactPreview, ImpactSummary, PreviewUnit, UnitChange, TierCounts } from './preview';
export { UnitSnapshot, SnapshotOrder, Period } from './snapshot';
export type { AssessmentInput, ReviewSheet, VetoFinding, UnitScore, ItemScore, SectionScore, TierDecision, TierRule } from './types';

/**
 * Scores every unit of a cycle and applies the rubric's quotas across them. Use this for final tiers;
 * `scoreUnit` alone gives the tier a unit qualifies for before quotas.
 */
export function scoreUnits(rubric: RubricDefinition | CompiledRubric, inputs: readonly AssessmentInput[]): UnitScore[] {
  const plan = compiled(rubric);
  return applyQuotas(plan, inputs.map((input) => scoreUnit(plan, input)));
}
