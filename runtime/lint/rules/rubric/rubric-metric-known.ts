import { defineRule } from '../../types';
import { findMetric } from '../../../rubric/metrics/registry';
import { metricRefsOf } from './walk';

/**
 * Every metric reference names a registry metric or one of the rubric's own, with parameters the metric
 * accepts; the rubric's own metrics must not depend on themselves nor hide a registry metric.
 */
export const rubricMetricKnown = defineRule({
  name: 'rubric-metric-known',
  kinds: ['rubric'],
  check({ definition: rubric }, _context, report) {
    const own = new Map(rubric.metrics.map((metric) => [metric.key, metric]));
    for (const { ref, pointer } of metricRefsOf(rubric)) {
      if (own.has(ref.key)) {
        if (ref.params !== undefined && Object.keys(ref.params).length > 0) {
          report({ pointer: `${pointer}/params`, code: 'rubric-metric-params', message: { 'zh-CN': `细则自定义指标“${ref.key}”不接受参数`, en: `The rubric's own metric "${ref.key}" takes no parameters` } });
        }
        continue;
      }
      const metric = findMetric(ref.key);
      if (!metric) {
        report({ pointer: `${pointer}/key`, code: 'rubric-metric-unknown', message: { 'zh-CN': `未知指标“${ref.key}”`, en: `Unknown metric "${ref.key}"` }, params: { metric: ref.key } });
        continue;
      }
      const parsed = metric.params.safeParse(ref.params ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.filter((segment) => typeof segment !== 'symbol').join('/') ?? '';
        report({
          pointer: `${pointer}/params${where ? `/${where}` : ''}`,
          code: 'rubric-metric-params',
          message: { 'zh-CN': `指标“${ref.key}”的参数无效：${issue?.message ?? ''}`, en: `Invalid parameters for metric "${ref.key}": ${issue?.message ?? ''}` },
          params: { metric: ref.key },
        });
      }
    }
    rubric.metrics.forEach((metric, index) => {
      if (findMetric(metric.key)) {
        report({
          pointer: `/metrics/${index}/key`,
          code: 'rubric-metric-shadowed',
          severity: 'warning',
          message: { 'zh-CN': `自定义指标“${metric.key}”与内置指标同名，将覆盖内置指标`, en: `Metric "${metric.key}" hides the registry metric of the same name` },
        });
      }
      if (dependsOn(metric.key, metric.key, own, new Set())) {
        report({ pointer: `/metrics/${index}/inputs`, code: 'rubric-metric-cycle', message: { 'zh-CN': `指标“${metric.key}”循环依赖自身`, en: `Metric "${metric.key}" depends on itself` } });
      }
    });
  },
});

function dependsOn(target: string, key: string, own: ReadonlyMap<string, { inputs: Record<string, { key: string }> }>, seen: Set<string>): boolean {
  const metric = own.get(key);
  if (!metric || seen.has(key)) return false;
  seen.add(key);
  return Object.values(metric.inputs).some((input) => input.key === target || dependsOn(target, input.key, own, seen));
}
