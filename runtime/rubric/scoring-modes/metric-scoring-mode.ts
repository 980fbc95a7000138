import type { z } from 'zod';
import type { LinearScale, SteppedScale } from '../../schema/rubric';
import { automaticEntry, defineScoringMode, fmt } from './types';

type Scale = z.infer<typeof LinearScale> | z.infer<typeof SteppedScale>;

/** Share of the item earned by a value: linear between zeroAt and fullAt, or the highest band reached. */
export function scaleShare(scale: Scale, value: number): number {
  if (scale.type === 'linear') {
    if (scale.fullAt === scale.zeroAt) return value >= scale.fullAt ? 1 : 0;
    const share = (value - scale.zeroAt) / (scale.fullAt - scale.zeroAt);
    return share <= 0 ? 0 : share >= 1 ? 1 : share;
  }
  let share = 0;
  for (const band of scale.bands) if (value >= band.atLeast && band.share > share) share = band.share;
  return share;
}

/** The value that earns the whole item. */
function target(scale: Scale): number {
  if (scale.type === 'linear') return scale.fullAt;
  const top = scale.bands.reduce((best, band) => (band.share > best.share ? band : best));
  return top.atLeast;
}

/** A value computed from platform data, frozen at opening, scored against thresholds. Never needs a reviewer. */
export const metricScoringMode = defineScoringMode({
  mode: 'metric',
  title: { 'zh-CN': '指标计算', en: 'Metric' },
  metricRefs: (config) => [{ ref: config.metric, path: ['metric'] }],
  prepare(config, max, resolve) {
    const metric = { ...resolve(config.metric), key: config.metric.key };
    const goal = target(config.scale);
    return {
      usesReview: false,
      score(_entry, values) {
        const value = values[metric.id] ?? 0;
        const share = scaleShare(config.scale, value);
        return { points: max * share, inputs: { share, metrics: [{ key: metric.key, id: metric.id, value }] } };
      },
      improve(outcome) {
        const gain = max - outcome.points;
        if (gain <= 1e-9) return undefined;
        const value = outcome.inputs.metrics?.[0]?.value ?? 0;
        const direction = config.scale.type === 'linear' && config.scale.zeroAt > config.scale.fullAt;
        return {
          gain,
          steps: 1,
          hint: {
            'zh-CN': `将「${metric.title['zh-CN']}」从 ${fmt(value)} ${direction ? '降低' : '提高'}到 ${fmt(goal)}`,
            en: `${direction ? 'Lower' : 'Raise'} "${metric.title.en ?? metric.title['zh-CN']}" from ${fmt(value)} to ${fmt(goal)}`,
          },
        };
      },
    };
  },
  check(config, _item, report) {
    const scale = config.scale;
    if (scale.type === 'linear') {
      if (scale.zeroAt === scale.fullAt) {
        report(['scale', 'fullAt'], 'rubric-metric-scale', { 'zh-CN': 'zeroAt 与 fullAt 相同，线性区间为空', en: 'zeroAt equals fullAt: the linear range is empty' });
      }
      return;
    }
    scale.bands.forEach((band, index) => {
      const previous = scale.bands[index - 1];
      if (previous && band.atLeast <= previous.atLeast) {
        report(['scale', 'bands', index, 'atLeast'], 'rubric-thresholds-order', { 'zh-CN': '分段阈值必须严格递增', en: 'Band thresholds must be strictly ascending' });
      }
      if (previous && band.share < previous.share) {
        report(['scale', 'bands', index, 'share'], 'rubric-thresholds-order', { 'zh-CN': '更高的阈值不能得更少的分', en: 'A higher threshold must not give a smaller share' });
      }
    });
    if (!scale.bands.some((band) => band.share === 1)) {
      report(['scale', 'bands'], 'rubric-metric-scale', { 'zh-CN': '没有得满分的分段，该项永远拿不到满分', en: 'No band gives 100 %: the item can never reach its points' });
    }
  },
  validateEntry(_config, entry, report) {
    for (const field of ['met', 'grade', 'defects', 'ticked', 'value'] as const) {
      if (entry[field] !== undefined) report([field], 'rubric-entry-automatic', automaticEntry, 'warning');
    }
  },
});
