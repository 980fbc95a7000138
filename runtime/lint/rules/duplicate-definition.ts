import { defineRule } from '../types';
import { kindLabels } from './messages';

/**
 * (kind, key, version) identifies a definition; two documents with the same identity would make every
 * reference to it ambiguous. The first file (in code-point order) keeps it; every later one is reported.
 */
export const duplicateDefinition = defineRule({
  name: 'duplicate-definition',
  kinds: ['stationType', 'functionRoom', 'serviceCategory', 'serviceItem', 'teamType', 'form', 'workflow', 'rubric', 'bundle'],
  check(parsed, context, report) {
    const { kind, key, version } = parsed.definition;
    const same = context.find(kind, key).filter((other) => other.definition.version === version);
    const first = same[0];
    if (!first || first === parsed) return;
    report({
      pointer: '/key',
      code: 'duplicate-definition',
      message: {
        'zh-CN': `${kindLabels[kind]['zh-CN']}“${key}”第 ${version} 版已在 ${first.file} 中定义`,
        en: `${kindLabels[kind].en} "${key}" version ${version} is already defined in ${first.file}`,
      },
      params: { other: first.file },
    });
  },
});
