import { defineScoringMode, fmt, isCount } from './types';

/** Start at the item's maximum and subtract per recorded defect (up to each defect's maxCount); floor zero. */
export const deductionScoringMode = defineScoringMode({
  mode: 'deduction',
  title: { 'zh-CN': '扣分', en: 'Deduction' },
  metricRefs: () => [],
  prepare(config, max) {
    const defects = config.defects;
    return {
      usesReview: true,
      score(entry) {
        if (entry === undefined) return { points: 0, inputs: { missing: true } };
        const recorded = typeof entry.defects === 'object' ? entry.defects : {};
        const counted: Record<string, number> = {};
        let deducted = 0;
        for (const defect of defects) {
          const raw = Math.max(0, Math.floor(recorded[defect.key] ?? 0));
          const count = defect.maxCount === undefined ? raw : Math.min(raw, defect.maxCount);
          if (count > 0) counted[defect.key] = count;
          deducted += count * defect.points;
        }
        return { points: Math.max(0, max - deducted), inputs: { defects: counted } };
      },
      improve(outcome) {
        const gain = max - outcome.points;
        if (gain <= 1e-9) return undefined;
        const counted = outcome.inputs.defects ?? {};
        // Full points come back only when every recorded defect is fixed.
        const fixed = defects.filter((defect) => (counted[defect.key] ?? 0) > 0);
        const steps = fixed.reduce((sum, defect) => sum + (counted[defect.key] ?? 0), 0);
        const titles = fixed.map((defect) => defect.title);
        return {
          gain,
          steps: Math.max(steps, 1),
          hint: {
            'zh-CN': `整改 ${steps} 处问题（${titles.map((title) => title['zh-CN']).join('、')}），可得 ${fmt(gain)} 分`,
            en: `Fix ${steps} defect(s) (${titles.map((title) => title.en ?? title['zh-CN']).join(', ')}) to regain ${fmt(gain)} points`,
          },
        };
      },
    };
  },
  check(config, item, report) {
    const seen = new Set<string>();
    config.defects.forEach((defect, index) => {
      if (seen.has(defect.key)) report(['defects', index, 'key'], 'rubric-duplicate-key', { 'zh-CN': `扣分项“${defect.key}”重复`, en: `Defect "${defect.key}" appears twice` });
      seen.add(defect.key);
      if (defect.points > item.points) {
        report(['defects', index, 'points'], 'rubric-deduction-points', { 'zh-CN': `单次扣分 ${defect.points} 超过该项分值 ${item.points}`, en: `One defect deducts ${defect.points}, more than the item's ${item.points} points` }, 'warning');
      }
    });
  },
  validateEntry(config, entry, report) {
    const defects = entry.defects;
    if (defects === undefined) return;
    if (typeof defects !== 'object') {
      report(['defects'], 'rubric-entry-invalid', { 'zh-CN': '应按扣分项填写次数', en: 'Record a count per defect key' });
      return;
    }
    for (const [key, count] of Object.entries(defects)) {
      const defect = config.defects.find((candidate) => candidate.key === key);
      if (!defect) report(['defects', key], 'rubric-entry-invalid', { 'zh-CN': `未定义的扣分项“${key}”`, en: `Unknown defect "${key}"` });
      else if (!isCount(count)) report(['defects', key], 'rubric-entry-invalid', { 'zh-CN': '次数应为非负整数', en: 'A count must be a whole number ≥ 0' });
      else if (defect.maxCount !== undefined && count > defect.maxCount) {
        report(['defects', key], 'rubric-entry-capped', { 'zh-CN': `最多扣 ${defect.maxCount} 次，超出部分不计`, en: `At most ${defect.maxCount} count; the rest is ignored` }, 'warning');
      }
    }
  },
});
