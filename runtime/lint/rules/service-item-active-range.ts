import { defineRule } from '../types';

/** A menu item offered from a date must not stop being offered before it starts. */
export const serviceItemActiveRange = defineRule({
  name: 'service-item-active-range',
  kinds: ['serviceItem'],
  check(parsed, _context, report) {
    const { activeFrom, activeTo } = parsed.definition;
    // ISO dates (YYYY-MM-DD) order the same as strings, and the schema guarantees the format.
    if (activeFrom === undefined || activeTo === undefined || activeFrom <= activeTo) return;
    report({
      pointer: '/activeTo',
      code: 'service-item-active-range',
      message: {
        'zh-CN': `停用日期 ${activeTo} 早于启用日期 ${activeFrom}`,
        en: `activeTo ${activeTo} is before activeFrom ${activeFrom}`,
      },
    });
  },
});
