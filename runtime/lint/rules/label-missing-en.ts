import { isObject, schemaProperties } from '../form-schema';
import { escapeToken } from '../pointer';
import { defineRule } from '../types';

/**
 * Every label carries both languages. Three places hold labels: bilingual text objects anywhere in a
 * definition, a form's zh-CN translations, and a form field's `title` (read as its zh-CN label, since
 * Shijian is Chinese first), whose English comes from `i18n.en["<field>.label"]`.
 */
export const labelMissingEn = defineRule({
  name: 'label-missing-en',
  kinds: ['stationType', 'functionRoom', 'serviceCategory', 'serviceItem', 'teamType', 'form', 'workflow', 'rubric', 'bundle'],
  check(parsed, _context, report) {
    const warn = (pointer: string, zh: string, en: string, text: string) =>
      report({ pointer, code: 'label-missing-en', severity: 'warning', message: { 'zh-CN': `${zh}“${text}”缺少英文（en）`, en: `${en} "${text}" has no English (en)` } });

    walkLocalizedText(parsed.definition, '', (pointer, zh) => warn(pointer, '文本', 'Text', zh));

    if (parsed.kind !== 'form') return;
    const form = parsed.definition;
    const zh = form.i18n?.['zh-CN'] ?? {};
    const en = form.i18n?.en ?? {};
    for (const [key, text] of Object.entries(zh)) {
      if (!Object.hasOwn(en, key)) warn(`/i18n/zh-CN/${escapeToken(key)}`, '翻译', 'Translation', text);
    }
    for (const property of schemaProperties(form.schema)) {
      const labelKey = `${property.i18nPrefix}.label`;
      // A field labelled through zh-CN translations is covered by the translation check above.
      if (Object.hasOwn(zh, labelKey) || Object.hasOwn(en, labelKey)) continue;
      const title = property.schema.title;
      if (typeof title === 'string' && title.length > 0) {
        warn(`${property.pointer}/title`, `字段标题（请在 i18n.en 中添加 "${labelKey}"）`, `Field title (add i18n.en "${labelKey}")`, title);
      }
    }
  },
});

/** Calls `found` for every `{ "zh-CN": "…" }` text without `en`, with its pointer. */
function walkLocalizedText(node: unknown, pointer: string, found: (pointer: string, zh: string) => void, depth = 0): void {
  if (node === null || typeof node !== 'object' || depth > 64) return;
  if (Array.isArray(node)) {
    node.forEach((child, index) => walkLocalizedText(child, `${pointer}/${index}`, found, depth + 1));
    return;
  }
  if (isObject(node) && typeof node['zh-CN'] === 'string' && Object.keys(node).every((key) => key === 'zh-CN' || key === 'en')) {
    if (typeof node.en !== 'string' || node.en.length === 0) found(pointer, node['zh-CN']);
    return;
  }
  for (const [key, child] of Object.entries(node)) walkLocalizedText(child, `${pointer}/${escapeToken(key)}`, found, depth + 1);
}
