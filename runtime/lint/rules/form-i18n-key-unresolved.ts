import { schemaProperties } from '../form-schema';
import { escapeToken } from '../pointer';
import { defineRule } from '../types';
import { walkUiSchema } from '../ui-schema';

/**
 * A translation key that JSON Forms will never ask for is dead text, usually a renamed field. JSON Forms
 * asks for `<prefix>.<suffix>` where the prefix is a field's `i18n` or dotted data path (or a UI schema
 * element's `i18n`), for `error.<keyword>`, and for a layout's or Label's own text used as the key.
 */
export const formI18nKeyUnresolved = defineRule({
  name: 'form-i18n-key-unresolved',
  kinds: ['form'],
  check(parsed, _context, report) {
    const form = parsed.definition;
    const prefixes = new Set<string>(['error', 'root']);
    const literalKeys = new Set<string>();
    for (const property of schemaProperties(form.schema)) prefixes.add(property.i18nPrefix);
    for (const { element } of walkUiSchema(form.uischema, form.schema).elements) {
      if (typeof element.i18n === 'string') prefixes.add(element.i18n);
      if (typeof element.label === 'string') literalKeys.add(element.label);
      if (typeof element.text === 'string') literalKeys.add(element.text);
    }
    const known = (key: string) => {
      if (literalKeys.has(key)) return true;
      for (let dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
        if (prefixes.has(key.slice(0, dot))) return true;
      }
      return false;
    };
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const key of Object.keys(form.i18n?.[locale] ?? {})) {
        if (known(key)) continue;
        report({
          pointer: `/i18n/${locale}/${escapeToken(key)}`,
          code: 'form-i18n-key-unresolved',
          severity: 'warning',
          message: {
            'zh-CN': `翻译键“${key}”不对应表单中的任何字段或界面元素`,
            en: `Translation key "${key}" matches no field or UI element of the form`,
          },
        });
      }
    }
  },
});
