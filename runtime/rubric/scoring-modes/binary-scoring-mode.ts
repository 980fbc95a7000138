import { automaticEntry, defineScoringMode, fmt } from './types';

/** Full points or none. With a metric the requirement is checked automatically (value ≥ atLeast). */
export const binaryScoringMode = defineScoringMode({
  mode: 'binary',
  title: { 'zh-CN': '是否达标', en: 'Binary' },
  metricRefs: (config) => (config.metric ? [{ ref: config.metric, path: ['metric'] }] : []),
  prepare(config, max, resolve) {
    const metric = config.metric ? { ...resolve(config.metric), key: config.metric.key } : undefined;
    if (metric) {
      return {
        usesReview: false,
        score(_entry, values) {
          const value = values[metric.id] ?? 0;
          const met = value >= config.atLeast;
          return { points: met ? max : 0, inputs: { met, metrics: [{ key: metric.key, id: metric.id, value }] } };
        },
        improve(outcome) {
          if (outcome.inputs.met) return undefined;
          const value = outcome.inputs.metrics?.[0]?.value ?? 0;
          return {
            gain: max,
            steps: 1,
            hint: {
              'zh-CN': `将「${metric.title['zh-CN']}」从 ${fmt(value)} 提高到 ${fmt(config.atLeast)}`,
              en: `Raise "${metric.title.en ?? metric.title['zh-CN']}" from ${fmt(value)} to ${fmt(config.atLeast)}`,
            },
          };
        },
      };
    }
    return {
      usesReview: true,
      score(entry) {
        if (entry?.met === undefined) return { points: 0, inputs: { missing: true } };
        return { points: entry.met ? max : 0, inputs: { met: entry.met } };
      },
      improve(outcome) {
        if (outcome.inputs.met) return undefined;
        return { gain: max, steps: 1, hint: { 'zh-CN': '达到该项要求', en: 'Meet the requirement' } };
      },
    };
  },
  check() {},
  validateEntry(config, entry, report) {
    if (config.metric) {
      if (entry.met !== undefined) report(['met'], 'rubric-entry-automatic', automaticEntry, 'warning');
      return;
    }
    if (typeof entry.met !== 'boolean') report(['met'], 'rubric-entry-invalid', { 'zh-CN': '应填写是否达到要求（true/false）', en: 'Record met: true or false' });
  },
});
