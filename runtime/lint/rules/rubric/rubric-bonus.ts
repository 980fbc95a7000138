import { defineRule } from '../../types';
import { fmt } from './walk';

/** Bonus items should be able to fill the cap, and no single bonus item should exceed it. */
export const rubricBonus = defineRule({
  name: 'rubric-bonus',
  kinds: ['rubric'],
  check({ definition: rubric }, _context, report) {
    const bonus = rubric.bonus;
    if (!bonus) return;
    const sum = bonus.items.reduce((acc, item) => acc + item.points, 0);
    if (sum < bonus.cap - 1e-9) {
      report({
        pointer: '/bonus/cap',
        code: 'rubric-bonus-cap',
        severity: 'warning',
        message: { 'zh-CN': `加分项合计 ${fmt(sum)} 分，达不到上限 ${fmt(bonus.cap)}`, en: `Bonus items add up to ${fmt(sum)}, below the cap of ${fmt(bonus.cap)}` },
      });
    }
    bonus.items.forEach((item, index) => {
      if (item.points > bonus.cap + 1e-9) {
        report({
          pointer: `/bonus/items/${index}/points`,
          code: 'rubric-bonus-cap',
          message: { 'zh-CN': `加分项“${item.key}”的 ${fmt(item.points)} 分超过加分上限 ${fmt(bonus.cap)}`, en: `Bonus item "${item.key}" gives ${fmt(item.points)}, more than the cap of ${fmt(bonus.cap)}` },
        });
      }
    });
  },
});
