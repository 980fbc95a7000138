import { automaticEntry, defineScoringMode, fmt } from './types';

/**
 * Points per ticked element (e.g. the eight haves at 0.5 each), capped at the item. An element with a
 * metric ticks itself when the value reaches `atLeast`; the others are ticked by the reviewer.
 */
export const checklistScoringMode = defineScoringMode({
  mode: 'checklist',
  title: { 'zh-CN': '清单计分', en: 'Checklist' },
  metricRefs: (config) =>
    config.elements.flatMap((element, index) => (element.metric ? [{ ref: element.metric, path: ['elements', index, 'metric'] }] : [])),
  prepare(config, max, resolve) {
    const elements = config.elements.map((element) => ({
      ...element,
      slot: element.metric ? { ...resolve(element.metric), key: element.metric.key } : undefined,
    }));
    const usesReview = elements.some((element) => element.slot === undefined);
    return {
      usesReview,
      score(entry, values) {
        const ticked: string[] = [];
        const metrics: { key: string; id: string; value: number }[] = [];
        let sum = 0;
        for (const element of elements) {
          let on: boolean;
          if (element.slot) {
            const value = values[element.slot.id] ?? 0;
            metrics.push({ key: element.slot.key, id: element.slot.id, value });
            on = value >= element.atLeast;
          } else {
            on = entry?.ticked?.includes(element.key) ?? false;
          }
          if (on) {
            ticked.push(element.key);
            sum += element.points;
          }
        }
        const missing = usesReview && metrics.length === 0 && entry === undefined;
        return { points: Math.min(max, sum), inputs: missing ? { ticked, missing } : metrics.length > 0 ? { ticked, metrics } : { ticked } };
      },
      improve(outcome) {
        const gap = max - outcome.points;
        if (gap <= 1e-9) return undefined;
        const ticked = new Set(outcome.inputs.ticked ?? []);
        const open = elements.filter((element) => !ticked.has(element.key)).sort((a, b) => b.points - a.points);
        const chosen: typeof open = [];
        let gain = 0;
        for (const element of open) {
          if (gain >= gap - 1e-9) break;
          chosen.push(element);
          gain += element.points;
        }
        gain = Math.min(gain, gap);
        if (chosen.length === 0) return undefined;
        return {
          gain,
          steps: chosen.length,
          hint: {
            'zh-CN': `补齐：${chosen.map((element) => element.title['zh-CN']).join('、')}（+${fmt(gain)}）`,
            en: `Add: ${chosen.map((element) => element.title.en ?? element.title['zh-CN']).join(', ')} (+${fmt(gain)})`,
          },
        };
      },
    };
  },
  check(config, item, report) {
    const seen = new Set<string>();
    let sum = 0;
    config.elements.forEach((element, index) => {
      if (seen.has(element.key)) report(['elements', index, 'key'], 'rubric-duplicate-key', { 'zh-CN': `清单要素“${element.key}”重复`, en: `Element "${element.key}" appears twice` });
      seen.add(element.key);
      sum += element.points;
    });
    if (sum < item.points - 1e-9) {
      report(['elements'], 'rubric-checklist-points', {
        'zh-CN': `清单要素合计 ${fmt(sum)} 分，少于该项分值 ${fmt(item.points)}，永远拿不到满分`,
        en: `Elements add up to ${fmt(sum)}, less than the item's ${fmt(item.points)}: it can never reach its points`,
      });
    } else if (sum > item.points + 1e-9 && !item.bonus) {
      report(['elements'], 'rubric-checklist-points', {
        'zh-CN': `清单要素合计 ${fmt(sum)} 分，超过该项分值 ${fmt(item.points)}（超出部分不计）`,
        en: `Elements add up to ${fmt(sum)}, more than the item's ${fmt(item.points)} (the excess never counts)`,
      }, 'warning');
    }
  },
  validateEntry(config, entry, report) {
    if (entry.ticked === undefined) return;
    entry.ticked.forEach((key, index) => {
      const element = config.elements.find((candidate) => candidate.key === key);
      if (!element) report(['ticked', index], 'rubric-entry-invalid', { 'zh-CN': `未定义的清单要素“${key}”`, en: `Unknown element "${key}"` });
      else if (element.metric) report(['ticked', index], 'rubric-entry-automatic', automaticEntry, 'warning');
    });
  },
});
