import { defineRule } from '../../types';

/** A quota caps a real, non-fallback tier, states a limit, and breaks ties by real sections or items. */
export const rubricQuota = defineRule({
  name: 'rubric-quota',
  kinds: ['rubric'],
  check({ definition: rubric }, _context, report) {
    const tiers = rubric.tiers.map((tier) => tier.key);
    const sections = new Set(rubric.sections.map((section) => section.key));
    const items = new Set(rubric.sections.flatMap((section) => section.items.map((item) => item.key)));
    rubric.quotas.forEach((quota, index) => {
      const at = tiers.indexOf(quota.tier);
      if (at < 0) {
        report({ pointer: `/quotas/${index}/tier`, code: 'rubric-quota-tier', message: { 'zh-CN': `名额指向不存在的等次“${quota.tier}”`, en: `Quota names an unknown tier "${quota.tier}"` } });
      } else if (at === tiers.length - 1) {
        report({ pointer: `/quotas/${index}/tier`, code: 'rubric-quota-tier', message: { 'zh-CN': '兜底等次不能限额：超额单位无处可去', en: 'The fallback tier cannot have a quota: demoted units would have nowhere to go' } });
      } else if (quota.tier === rubric.vetoTier) {
        report({ pointer: `/quotas/${index}/tier`, code: 'rubric-quota-tier', severity: 'warning', message: { 'zh-CN': '一票否决强制的等次不会因名额下调，名额可能被突破', en: 'Vetoed units keep the veto tier, so its quota may be exceeded' } });
      }
      if (quota.maxShare === undefined && quota.maxCount === undefined) {
        report({ pointer: `/quotas/${index}`, code: 'rubric-quota-limit', message: { 'zh-CN': '名额须设置 maxShare 或 maxCount', en: 'A quota needs maxShare or maxCount' } });
      }
      quota.tieBreakers.forEach((breaker, breakerIndex) => {
        const known = 'section' in breaker ? sections.has(breaker.section) : items.has(breaker.item);
        if (!known) {
          const name = 'section' in breaker ? breaker.section : breaker.item;
          report({
            pointer: `/quotas/${index}/tieBreakers/${breakerIndex}`,
            code: 'rubric-quota-tie-breaker',
            message: { 'zh-CN': `并列排序依据“${name}”不存在`, en: `Tie-breaker "${name}" names no section or item` },
          });
        }
      });
    });
  },
});
