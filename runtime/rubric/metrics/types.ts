import type { z } from 'zod';
import type { LocalizedText } from '../../schema/common';
import type { Period, UnitSnapshot } from '../snapshot';

/** What a metric value measures, for display and for authors picking thresholds. */
export type MetricUnit = 'count' | 'ratio' | 'share' | 'perMonth' | 'stars' | 'seats' | 'hours' | 'flag';

/** How a metric aggregates over the assessment period. */
export type MetricPeriod = 'cycle' | 'month' | 'quarter' | 'snapshot';

/**
 * A named metric: a pure function of one unit's snapshot, its parameters and the period. Its value is
 * always a finite number, so frozen values are plain JSON and thresholds apply uniformly.
 */
export interface MetricDefinition<P = Record<string, unknown>> {
  key: string;
  title: LocalizedText;
  unit: MetricUnit;
  period: MetricPeriod;
  /** What is counted and how, in words an author can check against the source rule. */
  definition: LocalizedText;
  /** Parameters; the linter checks a rubric's params against this schema. */
  params: z.ZodType<P>;
  compute(snapshot: UnitSnapshot, params: P, period: Period): number;
}

/** Helper that keeps a metric's params type and its schema in step. */
export function defineMetric<P>(metric: MetricDefinition<P>): MetricDefinition<P> {
  return metric;
}
