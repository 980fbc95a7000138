import { checkJsonSchema } from '../json-schema-check';
import { defineRule } from '../types';

/**
 * A form's data schema must be a JSON Schema that ajv (the validator the form runtime and JSON Forms use)
 * accepts, or no submission can ever be validated. Unknown keywords are only a warning: integrators'
 * schemas may carry their own, and JSON Schema ignores them, but they are usually typos (`requried`).
 */
export const formSchemaInvalid = defineRule({
  name: 'form-schema-invalid',
  kinds: ['form'],
  check(parsed, _context, report) {
    for (const finding of checkJsonSchema(parsed.definition.schema)) {
      report({
        pointer: `/schema${finding.pointer}`,
        code: finding.unknownKeyword ? 'form-schema-unknown-keyword' : 'form-schema-invalid',
        severity: finding.unknownKeyword ? 'warning' : 'error',
        message: {
          'zh-CN': finding.unknownKeyword ? `未知的 JSON Schema 关键字：${finding.message}` : `JSON Schema 无效：${finding.message}`,
          en: finding.unknownKeyword ? `Unknown JSON Schema keyword: ${finding.message}` : `Invalid JSON Schema: ${finding.message}`,
        },
      });
    }
  },
});
