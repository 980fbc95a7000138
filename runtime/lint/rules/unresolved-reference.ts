import { referencesOf } from '../references';
import { defineRule } from '../types';
import { kindLabels } from './messages';

/**
 * A key that names another definition must name one that exists in the set being linted. A target that
 * is present but fails its schema is reported on its own file only, not again at every reference.
 */
export const unresolvedReference = defineRule({
  name: 'unresolved-reference',
  kinds: ['serviceItem', 'stationType', 'teamType'],
  check(parsed, context, report) {
    for (const reference of referencesOf(parsed)) {
      if (context.resolve(reference.kind, reference.key) || context.failedSchema?.(reference.kind, reference.key)) continue;
      const label = kindLabels[reference.kind];
      report({
        pointer: reference.pointer,
        code: 'unresolved-reference',
        message: {
          'zh-CN': `引用的${label['zh-CN']}“${reference.key}”不存在`,
          en: `Referenced ${label.en} "${reference.key}" does not exist`,
        },
        params: { kind: reference.kind, key: reference.key },
      });
    }
  },
});
