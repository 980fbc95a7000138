import { defineRule } from '../../types';

/** A veto must say which tier it forces, and that tier must exist. */
export const rubricVeto = defineRule({
  name: 'rubric-veto',
  kinds: ['rubric'],
  check({ definition: rubric }, _context, report) {
    if (rubric.vetoTier === undefined) {
      if (rubric.vetoes.length > 0) {
        report({
          pointer: '/vetoes',
          code: 'rubric-veto-tier',
          message: { 'zh-CN': '有一票否决项时必须设置 vetoTier', en: 'Veto items need a vetoTier to force' },
        });
      }
      return;
    }
    if (!rubric.tiers.some((tier) => tier.key === rubric.vetoTier)) {
      report({
        pointer: '/vetoTier',
        code: 'rubric-veto-tier',
        message: { 'zh-CN': `vetoTier“${rubric.vetoTier}”不是已定义的等次`, en: `vetoTier "${rubric.vetoTier}" is not one of the tiers` },
      });
    }
  },
});
