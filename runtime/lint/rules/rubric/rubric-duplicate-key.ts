import { defineRule, type Report } from '../../types';
import { itemsOf } from './walk';
import { toPointer, type PathSegment } from '../../pointer';

/** Keys name things in reviews, explanations and tie-breakers, so each must be unique in its kind. */
export const rubricDuplicateKey = defineRule({
  name: 'rubric-duplicate-key',
  kinds: ['rubric'],
  check({ definition: rubric }, _context, report) {
    unique(rubric.sections.map((section, index) => ({ key: section.key, path: ['sections', index, 'key'] })), report);
    unique(itemsOf(rubric).map(({ item, path }) => ({ key: item.key, path: [...path, 'key'] })), report);
    unique(rubric.vetoes.map((veto, index) => ({ key: veto.key, path: ['vetoes', index, 'key'] })), report);
    unique(rubric.tiers.map((tier, index) => ({ key: tier.key, path: ['tiers', index, 'key'] })), report);
    unique(rubric.metrics.map((metric, index) => ({ key: metric.key, path: ['metrics', index, 'key'] })), report);
  },
});

function unique(entries: { key: string; path: PathSegment[] }[], report: Report): void {
  const seen = new Set<string>();
  for (const { key, path } of entries) {
    if (seen.has(key)) {
      report({ pointer: toPointer(path), code: 'rubric-duplicate-key', message: { 'zh-CN': `键“${key}”重复`, en: `Key "${key}" appears more than once` }, params: { key } });
    }
    seen.add(key);
  }
}
