import { escapeToken } from '../pointer';
import { defineRule } from '../types';

/** Chinese first: a form translation that exists in English only leaves the Chinese form showing a raw key. */
export const labelMissingZh = defineRule({
  name: 'label-missing-zh',
  kinds: ['form'],
  check(parsed, _context, report) {
    const zh = parsed.definition.i18n?.['zh-CN'] ?? {};
    for (const [key, text] of Object.entries(parsed.definition.i18n?.en ?? {})) {
      if (Object.hasOwn(zh, key)) continue;
      report({
        pointer: `/i18n/en/${escapeToken(key)}`,
        code: 'label-missing-zh',
        message: { 'zh-CN': `翻译“${key}”（${text}）缺少中文（zh-CN）`, en: `Translation "${key}" (${text}) has no zh-CN text` },
      });
    }
  },
});
