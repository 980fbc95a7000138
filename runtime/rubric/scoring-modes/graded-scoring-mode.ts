import { defineScoringMode, fmt, isCount } from './types';

/**
 * Status-description scoring: a grade gives a share of the item (A/B/C/C# = 100/66/33/0 % by default).
 * With `byDefects`, a count of defects picks the grade (0 → A, 1 → B, …; more → the last).
 */
export const gradedScoringMode = defineScoringMode({
  mode: 'graded',
  title: { 'zh-CN': '分档评定', en: 'Graded' },
  metricRefs: () => [],
  prepare(config, max) {
    const shares = new Map(config.levels.map((level) => [level.key, level.share]));
    const best = config.levels.reduce((top, level) => (level.share > top.share ? level : top));
    const byDefects = config.byDefects;
    return {
      usesReview: true,
      score(entry) {
        let grade = entry?.grade;
        let defects: number | undefined;
        if (grade === undefined && byDefects && typeof entry?.defects === 'number') {
          defects = Math.max(0, Math.floor(entry.defects));
          grade = byDefects[Math.min(defects, byDefects.length - 1)];
        }
        if (grade === undefined) return { points: 0, inputs: { missing: true } };
        const share = shares.get(grade);
        if (share === undefined) return { points: 0, inputs: { grade, invalid: true } };
        return { points: max * share, inputs: defects === undefined ? { grade, share } : { grade, share, defects: { total: defects } } };
      },
      improve(outcome) {
        const gain = max * best.share - outcome.points;
        if (gain <= 1e-9) return undefined;
        const defects = outcome.inputs.defects?.total;
        return {
          gain,
          steps: defects ?? 1,
          hint:
            defects === undefined
              ? { 'zh-CN': `达到 ${best.key} 档（当前 ${outcome.inputs.grade ?? '未评'}）`, en: `Reach grade ${best.key} (now ${outcome.inputs.grade ?? 'not graded'})` }
              : { 'zh-CN': `整改全部 ${fmt(defects)} 处问题以达到 ${best.key} 档`, en: `Fix all ${fmt(defects)} defect(s) to reach grade ${best.key}` },
        };
      },
    };
  },
  check(config, _item, report) {
    const seen = new Set<string>();
    config.levels.forEach((level, index) => {
      if (seen.has(level.key)) report(['levels', index, 'key'], 'rubric-duplicate-key', { 'zh-CN': `档次“${level.key}”重复`, en: `Grade "${level.key}" appears twice` });
      seen.add(level.key);
    });
    if (!config.levels.some((level) => level.share === 1)) {
      report(['levels'], 'rubric-graded-levels', { 'zh-CN': '没有得满分（100%）的档次，该项永远拿不到满分', en: 'No grade gives 100 %: the item can never reach its points' });
    }
    config.byDefects?.forEach((grade, index) => {
      if (!seen.has(grade)) report(['byDefects', index], 'rubric-graded-levels', { 'zh-CN': `未定义的档次“${grade}”`, en: `Unknown grade "${grade}"` });
    });
  },
  validateEntry(config, entry, report) {
    if (entry.grade !== undefined) {
      if (!config.levels.some((level) => level.key === entry.grade)) {
        const known = config.levels.map((level) => level.key).join(', ');
        report(['grade'], 'rubric-entry-invalid', { 'zh-CN': `档次应为 ${known} 之一`, en: `The grade must be one of ${known}` });
      }
      return;
    }
    if (config.byDefects) {
      if (!isCount(entry.defects)) report(['defects'], 'rubric-entry-invalid', { 'zh-CN': '应填写档次或问题数（非负整数）', en: 'Record a grade or the number of defects (a whole number ≥ 0)' });
      return;
    }
    report(['grade'], 'rubric-entry-invalid', { 'zh-CN': '应填写档次', en: 'Record a grade' });
  },
});
