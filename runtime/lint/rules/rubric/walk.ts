import type { MetricRef, RubricDefinition, RubricItem } from '../../../schema/rubric';
import { toPointer, type PathSegment } from '../../pointer';
import { modeOf } from '../../../rubric/scoring-modes/registry';

/** Every item of a rubric with its JSON path: section items first, then bonus items. */
export function itemsOf(rubric: RubricDefinition): { item: RubricItem; path: PathSegment[]; bonus: boolean }[] {
  const items = rubric.sections.flatMap((section, sectionIndex) =>
    section.items.map((item, itemIndex) => ({ item, path: ['sections', sectionIndex, 'items', itemIndex] as PathSegment[], bonus: false })),
  );
  rubric.bonus?.items.forEach((item, itemIndex) => items.push({ item, path: ['bonus', 'items', itemIndex], bonus: true }));
  return items;
}

/** Every metric reference of a rubric (items' scoring and derived metrics' inputs) with its pointer. */
export function metricRefsOf(rubric: RubricDefinition): { ref: MetricRef; pointer: string }[] {
  const refs: { ref: MetricRef; pointer: string }[] = [];
  for (const { item, path } of itemsOf(rubric)) {
    for (const found of modeOf(item.scoring).metricRefs(item.scoring)) refs.push({ ref: found.ref, pointer: toPointer([...path, 'scoring', ...found.path]) });
  }
  rubric.metrics.forEach((metric, index) => {
    for (const [name, ref] of Object.entries(metric.inputs)) refs.push({ ref, pointer: toPointer(['metrics', index, 'inputs', name]) });
  });
  return refs;
}

export function fmt(value: number): string {
  return String(Math.round(value * 100) / 100);
}
