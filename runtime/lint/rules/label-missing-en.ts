import { isObject, resolveScope, schemaProperties, type SchemaObject } from '../form-schema';
import { escapeToken } from '../pointer';
import { defineRule } from '../types';
import { walkUiSchema } from '../ui-schema';

/**
 * Every label carries both languages. Four places hold labels: bilingual text objects anywhere in a
 * definition, a form's zh-CN translations, a form field's `title` (read as its zh-CN label, since
 * Shijian is Chinese first) whose English comes from `i18n.en["<field>.label"]`, and the text written in
 * a UI schema (a group's `label`, a Label's `text`), which JSON Forms translates by key.
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
    for (const { pointer, element } of walkUiSchema(form.uischema, form.schema).elements) {
      // Inside an array's detail layout scopes are relative to the item, so the data path is not known here.
      if (pointer.includes('/options/detail') && element.type === 'Control') continue;
      const key = uiTranslationKey(element, form.schema);
      if (key && !Object.hasOwn(en, key.key)) warn(`${pointer}/${key.field}`, `界面文字（请在 i18n.en 中添加 "${key.key}"）`, `UI text (add i18n.en "${key.key}")`, key.text);
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

/**
 * The translation key JSON Forms looks up for a UI element's own text: `<i18n>.label` (`.text` for a
 * Label) when the element names an i18n key, a Control's field prefix, else the text itself.
 */
function uiTranslationKey(element: SchemaObject, schema: unknown): { key: string; field: 'label' | 'text'; text: string } | undefined {
  const field = element.type === 'Label' ? 'text' : 'label';
  const text = element[field];
  if (typeof text !== 'string' || text.length === 0) return undefined;
  const suffix = field === 'text' ? 'text' : 'label';
  if (typeof element.i18n === 'string') return { key: `${element.i18n}.${suffix}`, field, text };
  if (element.type === 'Control' && typeof element.scope === 'string') {
    const target = resolveScope(schema, element.scope);
    const named = isObject(target) && typeof target.i18n === 'string' ? target.i18n : undefined;
    const path = element.scope.split('/').filter((segment, index) => index > 0 && segment !== 'properties' && segment !== 'items');
    return { key: `${named ?? path.join('.')}.label`, field, text };
  }
  return { key: text, field, text };
}
