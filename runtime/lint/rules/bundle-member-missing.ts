import { defineRule } from '../types';
import { kindLabels } from './messages';

/** A bundle pins exact versions; each pinned (kind, key, version) must exist in the set. */
export const bundleMemberMissing = defineRule({
  name: 'bundle-member-missing',
  kinds: ['bundle'],
  check(parsed, context, report) {
    parsed.definition.members.forEach((member, index) => {
      if (context.resolve(member.kind, member.key, member.version) || context.failedSchema?.(member.kind, member.key)) return;
      const present = context.find(member.kind, member.key).map((other) => other.definition.version);
      const label = kindLabels[member.kind];
      const zhHint = present.length > 0 ? `（现有版本：${present.join('、')}）` : '';
      const enHint = present.length > 0 ? ` (versions present: ${present.join(', ')})` : '';
      report({
        pointer: `/members/${index}`,
        code: 'bundle-member-missing',
        message: {
          'zh-CN': `成员${label['zh-CN']}“${member.key}”第 ${member.version} 版不存在${zhHint}`,
          en: `Member ${label.en} "${member.key}" version ${member.version} does not exist${enHint}`,
        },
        params: { kind: member.kind, key: member.key, version: member.version },
      });
    });
  },
});
