import { referencesOf } from '../references';
import { defineRule } from '../types';
import { kindLabels } from './messages';

/**
 * A bundle is what a district publishes as one consistent set: every reference between its members must
 * land inside the bundle, and a definition may be pinned at one version only.
 */
export const bundleInconsistent = defineRule({
  name: 'bundle-inconsistent',
  kinds: ['bundle'],
  check(parsed, context, report) {
    const members = parsed.definition.members;
    const pinned = new Map<string, number>();
    members.forEach((member, index) => {
      const id = `${member.kind}/${member.key}`;
      const earlier = pinned.get(id);
      if (earlier === undefined) {
        pinned.set(id, index);
        return;
      }
      report({
        pointer: `/members/${index}`,
        code: 'bundle-inconsistent',
        message: {
          'zh-CN': `“${member.key}”已在 /members/${earlier} 列出，同一定义只能收录一个版本`,
          en: `"${member.key}" is already listed at /members/${earlier}; a bundle pins one version of each definition`,
        },
        params: { kind: member.kind, key: member.key },
      });
    });

    members.forEach((member, index) => {
      const resolved = context.resolve(member.kind, member.key, member.version);
      if (!resolved) return;
      for (const reference of referencesOf(resolved)) {
        if (pinned.has(`${reference.kind}/${reference.key}`)) continue;
        // A reference that resolves nowhere is reported on the member's own file (unresolved-reference).
        if (!context.resolve(reference.kind, reference.key)) continue;
        const label = kindLabels[reference.kind];
        report({
          pointer: `/members/${index}`,
          code: 'bundle-inconsistent',
          message: {
            'zh-CN': `成员“${member.key}”在 ${reference.pointer} 引用的${label['zh-CN']}“${reference.key}”不在本定义包中`,
            en: `Member "${member.key}" refers at ${reference.pointer} to ${label.en} "${reference.key}", which is not in the bundle`,
          },
          params: { kind: reference.kind, key: reference.key, from: reference.pointer },
        });
      }
    });
  },
});
