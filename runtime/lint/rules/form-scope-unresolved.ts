import { resolveScope } from '../form-schema';
import { defineRule } from '../types';
import { walkUiSchema } from '../ui-schema';

/**
 * Every scope a form writes — UI schema controls, UI schema rule conditions, expression rules and
 * computed fields — must point at a property of the form's data schema; otherwise the control renders
 * nothing, or the rule silently never fires.
 */
export const formScopeUnresolved = defineRule({
  name: 'form-scope-unresolved',
  kinds: ['form'],
  check(parsed, _context, report) {
    const form = parsed.definition;
    const scopes = walkUiSchema(form.uischema, form.schema).scopes;
    form.rules.forEach((rule, index) => scopes.push({ pointer: `/rules/${index}/scope`, scope: rule.scope, base: form.schema }));
    form.computed.forEach((field, index) => scopes.push({ pointer: `/computed/${index}/scope`, scope: field.scope, base: form.schema }));
    for (const { pointer, scope, base } of scopes) {
      if (resolveScope(base, scope, form.schema) !== undefined) continue;
      report({
        pointer,
        code: 'form-scope-unresolved',
        message: {
          'zh-CN': `作用域“${scope}”在表单数据结构中找不到对应字段`,
          en: `Scope "${scope}" does not point at a property of the form's schema`,
        },
        params: { scope },
      });
    }
  },
});
