import { defineRule } from '../../types';
import { fmt } from './walk';

/** Items must fill their section's points and sections the rubric's total, or some points can never be earned (or exceed the max). */
export const rubricPointsMismatch = defineRule({
  name: 'rubric-points-mismatch',
  kinds: ['rubric'],
  check({ definition: rubric }, _context, report) {
    let total = 0;
    rubric.sections.forEach((section, index) => {
      total += section.points;
      const sum = section.items.reduce((acc, item) => acc + item.points, 0);
      if (Math.abs(sum - section.points) > 1e-9) {
        report({
          pointer: `/sections/${index}/points`,
          code: 'rubric-points-mismatch',
          message: {
            'zh-CN': `“${section.key}”各项合计 ${fmt(sum)} 分，与本部分分值 ${fmt(section.points)} 不符`,
            en: `Items of "${section.key}" add up to ${fmt(sum)}, not the section's ${fmt(section.points)} points`,
          },
          params: { section: section.key, items: sum, points: section.points },
        });
      }
    });
    if (Math.abs(total - rubric.totalPoints) > 1e-9) {
      report({
        pointer: '/totalPoints',
        code: 'rubric-points-mismatch',
        message: { 'zh-CN': `各部分合计 ${fmt(total)} 分，与总分 ${fmt(rubric.totalPoints)} 不符`, en: `Sections add up to ${fmt(total)}, not the total of ${fmt(rubric.totalPoints)}` },
        params: { sections: total, totalPoints: rubric.totalPoints },
      });
    }
  },
});
