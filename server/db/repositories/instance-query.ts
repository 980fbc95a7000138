import type { Kysely } from 'kysely';
import type { OrgScope } from '../scope';
import type { Database, InstanceRow } from '../types';

export interface InstanceFilter {
  workflow?: string | undefined;
  state?: string | undefined;
  /** Path of a unit: only its subtree. */
  under?: string | undefined;
  assignee?: 'me' | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Newest first by id (ids are time-ordered), one extra row to tell whether another page exists. */
export function listVisibleInstances(db: Kysely<Database>, scope: OrgScope, filter: InstanceFilter): Promise<InstanceRow[]> {
  let query = db.selectFrom('workflow_instances').selectAll('workflow_instances').where(scope.instances());
  if (filter.workflow !== undefined) query = query.where('workflow_instances.definition_key', '=', filter.workflow);
  if (filter.state !== undefined) query = query.where('workflow_instances.state', '=', filter.state);
  if (filter.under !== undefined) query = query.where('workflow_instances.org_path', '>=', filter.under).where('workflow_instances.org_path', '<', filter.under + '~');
  if (filter.cursor !== undefined) query = query.where('workflow_instances.id', '<', filter.cursor);
  if (filter.assignee === 'me') {
    query = query.where((eb) => eb.exists(eb.selectFrom('tasks').select('tasks.id').whereRef('tasks.instance_id', '=', 'workflow_instances.id').where('tasks.status', '=', 'open').where(scope.tasks())));
  }
  return query.orderBy('workflow_instances.id', 'desc').limit(filter.limit + 1).execute();
}
