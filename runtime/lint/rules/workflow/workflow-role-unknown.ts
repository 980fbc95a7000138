import { knownRoles } from '../../../workflow/roles';
import { defineRule } from '../../types';
import { rules } from './walk';

/** A role name must be one of the platform's roles; a misspelt role would match nobody. */
export const workflowRoleUnknown = defineRule({
  name: 'workflow-role-unknown',
  kinds: ['workflow'],
  check({ definition }, _context, report) {
    for (const site of rules(definition)) {
      if (!('role' in site.value) || (knownRoles as readonly string[]).includes(site.value.role)) continue;
      report({ pointer: `${site.pointer}/role`, code: 'workflow-role-unknown', message: { 'zh-CN': `未知角色“${site.value.role}”`, en: `Unknown role "${site.value.role}"` }, params: { role: site.value.role } });
    }
  },
});
