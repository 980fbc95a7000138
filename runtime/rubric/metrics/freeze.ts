import type { LocalizedText } from '../../schema/common';
import { compiled, type CompiledRubric } from '../compile';
import type { Period, UnitSnapshot } from '../snapshot';
import type { RubricDefinition } from '../../schema/rubric';

/**
 * Metric values of one unit for one period, frozen into an assessment when it opens. Scoring reads only
 * these, so a later change of platform data never silently moves a published score.
 */
export interface FrozenMetrics {
  period: Period;
  /** Value per metric instance id (`metricInstanceId`). */
  values: Record<string, number>;
  /** Rubric metrics whose expression failed; their value is frozen as 0 and the reason kept. */
  problems: { id: string; code: string; message: LocalizedText }[];
}

/**
 * Computes every metric a rubric uses from one unit's snapshot for the period. Pure. `reuse` may hold
 * values already computed for the same snapshot and period (e.g. by another rubric version): registry
 * metrics with the same instance id are taken from it instead of recomputed.
 *
 * @example
 * freezeMetrics(rubric, snapshot, { from: '2025-01-01', to: '2025-12-31' }).values['activity-cadence-months'] // 0.75
 */
export function freezeMetrics(
  rubric: RubricDefinition | CompiledRubric,
  snapshot: UnitSnapshot,
  period: Period,
  reuse?: Readonly<Record<string, number>>,
): FrozenMetrics {
  const values: Record<string, number> = {};
  const problems: FrozenMetrics['problems'] = [];
  for (const step of compiled(rubric).metricPlan) {
    if (step.source === 'registry') {
      const known = reuse?.[step.id];
      const value = known ?? step.metric.compute(snapshot, step.params, period);
      values[step.id] = Number.isFinite(value) ? value : 0;
      continue;
    }
    const variables: Record<string, number> = {};
    for (const input of step.inputs) variables[input.name] = values[input.id] ?? 0;
    const result = step.program.evaluate(variables);
    if (!result.ok) {
      values[step.id] = 0;
      problems.push({ id: step.id, code: result.code, message: result.message });
      continue;
    }
    const value = toNumber(result.value);
    if (value === undefined) {
      values[step.id] = 0;
      problems.push({
        id: step.id,
        code: 'metric-not-a-number',
        message: { 'zh-CN': `指标“${step.key}”的表达式结果不是数字`, en: `The expression of metric "${step.key}" did not give a number` },
      });
      continue;
    }
    values[step.id] = value;
  }
  return { period, values, problems };
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return undefined;
}
