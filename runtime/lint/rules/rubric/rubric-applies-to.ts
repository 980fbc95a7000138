import { defineRule } from '../../types';

/**
 * A station type must be assessed by a rubric written for its level: an institute rubric on stations
 * would ask them for 50 seats and a section of guidance they cannot earn. Runs on station types, which
 * hold the reference; an unresolved rubric is reported by the generic reference rule.
 */
export const rubricAppliesTo = defineRule({
  name: 'rubric-applies-to',
  kinds: ['stationType'],
  check({ definition: type }, context, report) {
    if (type.rubric === undefined) return;
    const rubric = context.resolve('rubric', type.rubric);
    if (!rubric) return;
    const levels = rubric.definition.appliesTo;
    if (levels.length === 0 || levels.includes(type.level)) return;
    report({
      pointer: '/rubric',
      code: 'rubric-applies-to',
      message: {
        'zh-CN': `细则“${type.rubric}”适用于 ${levels.join('、')}，不适用于本类型的层级 ${type.level}`,
        en: `Rubric "${type.rubric}" applies to ${levels.join(', ')}, not to this type's level ${type.level}`,
      },
      params: { rubric: type.rubric, level: type.level },
    });
  },
});
