import { compileExpression } from '../expression/index';
import type { LocalizedText } from '../schema/common';
import type { MetricRef, ReviewLevel, RubricDefinition, Tier } from '../schema/rubric';
import { metricInstanceId } from './metrics/instance';
import { findMetric } from './metrics/registry';
import type { MetricDefinition } from './metrics/types';
import { modeOf } from './scoring-modes/registry';
import type { PreparedItem } from './scoring-modes/types';

/** One metric value to compute when freezing: from the registry, or a rubric's own expression over others. */
export type MetricPlanStep =
  | { id: string; key: string; title: LocalizedText; source: 'registry'; metric: MetricDefinition<Record<string, unknown>>; params: Record<string, unknown> }
  | { id: string; key: string; title: LocalizedText; source: 'derived'; inputs: { name: string; id: string }[]; expression: string; program: ReturnType<typeof compileExpression> };

export interface CompiledItem {
  key: string;
  title: LocalizedText;
  /** Index into `sections`, or -1 for a bonus item. */
  section: number;
  max: number;
  mode: string;
  prepared: PreparedItem;
}

export interface CompiledSection {
  key: string;
  title: LocalizedText;
  max: number;
  /** Indexes into `items`. */
  items: number[];
}

/**
 * A rubric version prepared for scoring many units: items flattened with their scoring closures, metric
 * references resolved to instance ids in dependency order, tiers and quotas indexed. Compile once per
 * version, then score units in a loop.
 */
export interface CompiledRubric {
  definition: RubricDefinition;
  items: CompiledItem[];
  sections: CompiledSection[];
  bonusCap: number;
  vetoes: { key: string; title: LocalizedText }[];
  tiers: Tier[];
  vetoTier: string | undefined;
  reviewLevels: ReviewLevel[];
  metricPlan: MetricPlanStep[];
}

export class RubricCompileError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
    this.name = 'RubricCompileError';
  }
}

/**
 * Compiles a parsed rubric definition. Throws `RubricCompileError` only for what the linter reports as
 * errors (unknown metric, invalid metric parameters, a cycle among the rubric's own metrics), so a
 * published rubric always compiles.
 *
 * @example
 * const compiled = compileRubric(RubricDefinition.parse(json));
 * const frozen = freezeMetrics(compiled, snapshot, { from: '2025-01-01', to: '2025-12-31' });
 */
export function compileRubric(definition: RubricDefinition): CompiledRubric {
  const plan: MetricPlanStep[] = [];
  const planned = new Map<string, MetricPlanStep>();
  const derived = new Map(definition.metrics.map((metric) => [metric.key, metric]));
  const visiting = new Set<string>();

  function resolve(ref: MetricRef, pointer: string): MetricPlanStep {
    const own = derived.get(ref.key);
    if (own) {
      const existing = planned.get(own.key);
      if (existing) return existing;
      if (visiting.has(own.key)) throw new RubricCompileError(pointer, `metric cycle through "${own.key}"`);
      visiting.add(own.key);
      const index = definition.metrics.indexOf(own);
      const inputs = Object.entries(own.inputs).map(([name, input]) => ({
        name,
        id: resolve(input, `/metrics/${index}/inputs/${name}`).id,
      }));
      visiting.delete(own.key);
      const step: MetricPlanStep = { id: own.key, key: own.key, title: own.title, source: 'derived', inputs, expression: own.expression, program: compileExpression(own.expression) };
      planned.set(step.id, step);
      plan.push(step);
      return step;
    }
    const metric = findMetric(ref.key);
    if (!metric) throw new RubricCompileError(pointer, `unknown metric "${ref.key}"`);
    const parsed = metric.params.safeParse(ref.params ?? {});
    if (!parsed.success) throw new RubricCompileError(pointer, `invalid parameters for metric "${ref.key}"`);
    const params = parsed.data;
    // The id follows the params as written, so ids stay short and readable in frozen values.
    const id = metricInstanceId(ref.key, ref.params);
    const existing = planned.get(id);
    if (existing) return existing;
    const step: MetricPlanStep = { id, key: ref.key, title: metric.title, source: 'registry', metric, params };
    planned.set(id, step);
    plan.push(step);
    return step;
  }

  const items: CompiledItem[] = [];
  const sections: CompiledSection[] = [];
  const compileItem = (item: RubricDefinition['sections'][number]['items'][number], section: number, pointer: string) => {
    const mode = modeOf(item.scoring);
    const prepared = mode.prepare(item.scoring, item.points, (ref) => {
      const step = resolve(ref, `${pointer}/scoring`);
      return { id: step.id, title: step.title };
    });
    items.push({ key: item.key, title: item.title, section, max: item.points, mode: item.scoring.mode, prepared });
    return items.length - 1;
  };
  definition.sections.forEach((section, sectionIndex) => {
    const indexes = section.items.map((item, itemIndex) => compileItem(item, sectionIndex, `/sections/${sectionIndex}/items/${itemIndex}`));
    sections.push({ key: section.key, title: section.title, max: section.points, items: indexes });
  });
  definition.bonus?.items.forEach((item, itemIndex) => compileItem(item, -1, `/bonus/items/${itemIndex}`));
  // Metrics defined but not used by any item are still frozen, so a later rubric edit can read them.
  definition.metrics.forEach((metric, index) => resolve({ key: metric.key }, `/metrics/${index}`));

  return {
    definition,
    items,
    sections,
    bonusCap: definition.bonus?.cap ?? 0,
    vetoes: definition.vetoes.map((veto) => ({ key: veto.key, title: veto.title })),
    tiers: definition.tiers,
    vetoTier: definition.vetoTier,
    reviewLevels: definition.review.levels,
    metricPlan: plan,
  };
}

const compiledCache = new WeakMap<RubricDefinition, CompiledRubric>();

/** Compiles a definition once and remembers it, so callers may pass either form. */
export function compiled(rubric: RubricDefinition | CompiledRubric): CompiledRubric {
  if ('metricPlan' in rubric) return rubric;
  let result = compiledCache.get(rubric);
  if (!result) {
    result = compileRubric(rubric);
    compiledCache.set(rubric, result);
  }
  return result;
}
