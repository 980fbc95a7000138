import { defineRule } from '../../types';
import { fmt } from './walk';

/**
 * Tiers run from the highest down: thresholds strictly descending, each reachable within total + bonus
 * cap, the last a fallback at 0, and floors naming real sections.
 */
export const rubricTierOrder = defineRule({
  name: 'rubric-tier-order',
  kinds: ['rubric'],
  check({ definition: rubric }, _context, report) {
    const reachable = rubric.totalPoints + (rubric.bonus?.cap ?? 0);
    const sections = new Set(rubric.sections.map((section) => section.key));
    rubric.tiers.forEach((tier, index) => {
      const previous = rubric.tiers[index - 1];
      if (previous && tier.minScore >= previous.minScore) {
        report({
          pointer: `/tiers/${index}/minScore`,
          code: 'rubric-tier-order',
          message: {
            'zh-CN': `等次须从高到低排列：“${tier.key}”的分数线 ${fmt(tier.minScore)} 不低于上一等次的 ${fmt(previous.minScore)}`,
            en: `Tiers run from highest to lowest: "${tier.key}" needs ${fmt(tier.minScore)}, not less than the ${fmt(previous.minScore)} of the tier above`,
          },
        });
      }
      if (tier.minScore > reachable) {
        report({
          pointer: `/tiers/${index}/minScore`,
          code: 'rubric-tier-unreachable',
          message: {
            'zh-CN': `分数线 ${fmt(tier.minScore)} 高于总分加加分上限 ${fmt(reachable)}，无人能达到`,
            en: `Threshold ${fmt(tier.minScore)} exceeds the total plus bonus cap (${fmt(reachable)}): no unit can reach it`,
          },
        });
      }
      for (const key of Object.keys(tier.sectionFloors ?? {})) {
        if (!sections.has(key)) {
          report({
            pointer: `/tiers/${index}/sectionFloors/${key}`,
            code: 'rubric-floor-section',
            message: { 'zh-CN': `底线指向不存在的部分“${key}”`, en: `Floor names an unknown section "${key}"` },
          });
        }
      }
    });
    const last = rubric.tiers.length - 1;
    if (rubric.tiers[last]!.minScore !== 0) {
      report({
        pointer: `/tiers/${last}/minScore`,
        code: 'rubric-tier-fallback',
        severity: 'warning',
        message: { 'zh-CN': '最后一个等次是兜底等次，分数线应为 0', en: 'The last tier is the fallback: its threshold should be 0' },
      });
    }
  },
});
