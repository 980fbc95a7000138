import { schemaProperties } from '../form-schema';
import { defineRule } from '../types';

/**
 * A field with neither a `title` nor a translated label renders under its raw property name
 * (`visitCount`), which means nothing to a village volunteer.
 */
export const formFieldUnlabelled = defineRule({
  name: 'form-field-unlabelled',
  kinds: ['form'],
  check(parsed, _context, report) {
    const zh = parsed.definition.i18n?.['zh-CN'] ?? {};
    for (const property of schemaProperties(parsed.definition.schema)) {
      const title = property.schema.title;
      if ((typeof title === 'string' && title.length > 0) || Object.hasOwn(zh, `${property.i18nPrefix}.label`)) continue;
      report({
        pointer: property.pointer,
        code: 'form-field-unlabelled',
        severity: 'warning',
        message: {
          'zh-CN': `字段“${property.dataPath.join('.')}”既没有 title，也没有 i18n 标签“${property.i18nPrefix}.label”`,
          en: `Field "${property.dataPath.join('.')}" has neither a title nor an i18n label "${property.i18nPrefix}.label"`,
        },
      });
    }
  },
});
