import { defineRule } from '../../types';

/** The counting level must be one of the review levels, each level listed once, and a gap must flag something. */
export const rubricReview = defineRule({
  name: 'rubric-review',
  kinds: ['rubric'],
  check({ definition: rubric }, _context, report) {
    const { levels, counts, disagreementGap } = rubric.review;
    levels.forEach((level, index) => {
      if (levels.indexOf(level) !== index) {
        report({ pointer: `/review/levels/${index}`, code: 'rubric-review-levels', message: { 'zh-CN': `评审层级“${level}”重复`, en: `Review level "${level}" appears twice` } });
      }
    });
    if (counts !== 'last' && !levels.includes(counts)) {
      report({
        pointer: '/review/counts',
        code: 'rubric-review-levels',
        message: { 'zh-CN': `计分层级“${counts}”不在评审层级中，任何评分都不会计入`, en: `The counting level "${counts}" is not a review level: no score would count` },
      });
    }
    if (disagreementGap.points === undefined && disagreementGap.share === undefined) {
      report({
        pointer: '/review/disagreementGap',
        code: 'rubric-review-gap',
        severity: 'warning',
        message: { 'zh-CN': '未设置分差阈值（points 或 share），自评与审核分差永远不会被标记', en: 'No gap (points or share) is set: self/reviewer differences are never flagged' },
      });
    }
  },
});
