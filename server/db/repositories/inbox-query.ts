import { sql, type Kysely } from 'kysely';
import type { OrgScope } from '../scope';
import type { Database } from '../types';

/**
 * The caller's open tasks, soonest due first. One sub-select per branch of the scope's task condition,
 * each reading at most `limit` rows in index order, then a merge: the page costs the same with ten open
 * tasks or ten thousand (a single OR would collect every match and sort them). The status is a literal so
 * the planner can use the partial open-task indexes (migration 0108).
 */
export function inboxPage(db: Kysely<Database>, scope: OrgScope, limit: number) {
  const branches = scope.taskBranches().map((branch) =>
    db
      .selectFrom((inner) =>
        inner.selectFrom('tasks').select(['tasks.id as task_id']).where('tasks.status', '=', sql.lit('open')).where(branch).orderBy('tasks.due_at').orderBy('tasks.id').limit(limit).as('branch'),
      )
      .select('branch.task_id'),
  );
  let union = branches[0]!;
  for (const branch of branches.slice(1)) union = union.union(branch);
  return db
    .selectFrom(union.as('open_tasks'))
    .innerJoin('tasks', 'tasks.id', 'open_tasks.task_id')
    .innerJoin('workflow_instances', 'workflow_instances.id', 'tasks.instance_id')
    .select([
      'tasks.id',
      'tasks.instance_id',
      'tasks.name',
      'tasks.assignee_user_id',
      'tasks.pool_role',
      'tasks.pool_org_unit_id',
      'tasks.pool_team_id',
      'tasks.due_at',
      'tasks.created_at',
      'workflow_instances.definition_key',
      'workflow_instances.state',
      'workflow_instances.org_unit_id',
      'workflow_instances.version',
    ])
    .orderBy('tasks.due_at')
    .orderBy('tasks.id')
    .limit(limit)
    .execute();
}
