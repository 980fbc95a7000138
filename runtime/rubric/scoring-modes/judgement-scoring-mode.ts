import { defineScoringMode, fmt } from './types';

/** The reviewer picks one of the allowed values; anything else scores zero and is marked invalid. */
export const judgementScoringMode = defineScoringMode({
  mode: 'judgement',
  title: { 'zh-CN': '评审判定', en: 'Judgement' },
  metricRefs: () => [],
  prepare(config, max) {
    const options = config.options;
    const best = options.reduce((top, option) => (option.points > top.points ? option : top));
    return {
      usesReview: true,
      score(entry) {
        if (entry?.value === undefined) return { points: 0, inputs: { missing: true } };
        const value = entry.value;
        const option = options.find((candidate) => Math.abs(candidate.points - value) < 1e-9);
        if (!option) return { points: 0, inputs: { value, invalid: true } };
        return { points: Math.min(max, option.points), inputs: { value } };
      },
      improve(outcome) {
        const gain = Math.min(max, best.points) - outcome.points;
        if (gain <= 1e-9) return undefined;
        return {
          gain,
          steps: 1,
          hint: { 'zh-CN': `达到“${best.title['zh-CN']}”（${fmt(best.points)} 分）`, en: `Reach "${best.title.en ?? best.title['zh-CN']}" (${fmt(best.points)} points)` },
        };
      },
    };
  },
  check(config, item, report) {
    const seen = new Set<number>();
    config.options.forEach((option, index) => {
      if (option.points > item.points + 1e-9) {
        report(['options', index, 'points'], 'rubric-judgement-options', { 'zh-CN': `可选分值 ${fmt(option.points)} 超过该项分值 ${fmt(item.points)}`, en: `Option ${fmt(option.points)} exceeds the item's ${fmt(item.points)} points` });
      }
      if (seen.has(option.points)) report(['options', index, 'points'], 'rubric-duplicate-key', { 'zh-CN': `可选分值 ${fmt(option.points)} 重复`, en: `Option ${fmt(option.points)} appears twice` });
      seen.add(option.points);
    });
    if (!config.options.some((option) => Math.abs(option.points - item.points) < 1e-9)) {
      report(['options'], 'rubric-judgement-options', { 'zh-CN': '没有等于该项分值的选项，该项永远拿不到满分', en: 'No option equals the item\'s points: it can never reach them' });
    }
  },
  validateEntry(config, entry, report) {
    const value = entry.value;
    if (value === undefined || !config.options.some((option) => Math.abs(option.points - value) < 1e-9)) {
      const allowed = config.options.map((option) => fmt(option.points)).join(', ');
      report(['value'], 'rubric-entry-invalid', { 'zh-CN': `评定值应为 ${allowed} 之一`, en: `The value must be one of ${allowed}` });
    }
  },
});
