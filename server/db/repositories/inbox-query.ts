import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { OrgScope } from '../scope';
import type { Database } from '../types';

export interface InboxFilter {
  workflow?: string | undefined;
  /** The task's step (tasks.name, the instance state the task was opened in). */
  state?: string | undefined;
  kind?: 'assigned' | 'pool' | undefined;
  /** Only tasks due before this instant (ISO 8601). */
  dueBefore?: string | undefined;
}

/** Where the previous page ended: the last task's due date (null: it was undated) and id. */
export interface InboxPosition {
  dueAt: string | null;
  id: string;
}

export type InboxRow = Awaited<ReturnType<typeof readRows>>[number];

/**
 * One page of the caller's open tasks: dated ones soonest due first, then undated ones, each by id. The
 * order is spelled out rather than left to `order by due_at` because SQLite sorts NULL first and
 * PostgreSQL last; walking the dated and the undated tasks separately gives the same order on both and
 * keeps each walk a range of the partial open-task indexes (migration 0108): `(key, due_at, id)` with
 * `due_at > cursor` for the dated walk and `due_at is null and id > cursor` for the undated one.
 *
 * Each walk is one sub-select per branch of the scope's task condition, each reading at most `limit + 1`
 * rows in index order, then a merge: the page costs the same with ten open tasks or ten thousand (a
 * single OR would collect every match and sort them). The undated walk runs only when the dated one did
 * not fill the page. The status is a literal so the planner can use the partial indexes.
 *
 * The workflow and state filters are checked per index entry (the workflow through the task's instance,
 * by primary key), so with them a page reads, at worst, every open task of the caller in a branch, never
 * other people's. Tasks do not carry the workflow key and their rows are written by the command path,
 * which this query must not slow down with more columns or indexes.
 *
 * Returns up to `limit + 1` rows: the extra one only says that there is a next page.
 */
export async function inboxPage(db: Kysely<Database>, scope: OrgScope, filter: InboxFilter, after: InboxPosition | null, limit: number): Promise<InboxRow[]> {
  const branches = filter.kind === 'assigned' ? scope.personalTaskBranches() : filter.kind === 'pool' ? scope.poolTaskBranches() : scope.taskBranches();
  if (branches.length === 0) return [];
  const wanted = limit + 1;
  const dated = after === null || after.dueAt !== null ? await readRows(db, branches, datedWalk(after, filter.dueBefore), filter, wanted) : [];
  if (dated.length >= wanted || filter.dueBefore !== undefined) return dated;
  const undated = await readRows(db, branches, undatedWalk(after), filter, wanted - dated.length);
  return [...dated, ...undated];
}

interface Walk {
  where: RawBuilder<SqlBool>;
  /** Sort keys, the same inside each branch (so the index supplies the order) and for the merge. */
  order: ('tasks.due_at' | 'tasks.id')[];
}

function datedWalk(after: InboxPosition | null, dueBefore: string | undefined): Walk {
  const from = after === null ? sql<SqlBool>`tasks.due_at is not null` : sql<SqlBool>`(tasks.due_at, tasks.id) > (${after.dueAt}, ${after.id})`;
  return { where: dueBefore === undefined ? from : sql<SqlBool>`${from} and tasks.due_at < ${dueBefore}`, order: ['tasks.due_at', 'tasks.id'] };
}

function undatedWalk(after: InboxPosition | null): Walk {
  return { where: after?.dueAt === null ? sql<SqlBool>`tasks.due_at is null and tasks.id > ${after.id}` : sql<SqlBool>`tasks.due_at is null`, order: ['tasks.id'] };
}

function readRows(db: Kysely<Database>, branches: RawBuilder<SqlBool>[], walk: Walk, filter: InboxFilter, limit: number) {
  const subselects = branches.map((branch) =>
    db
      .selectFrom((inner) => {
        let query = inner.selectFrom('tasks').select(['tasks.id as task_id']).where('tasks.status', '=', sql.lit('open')).where(branch).where(walk.where);
        if (filter.state !== undefined) query = query.where('tasks.name', '=', filter.state);
        // exists, not a join: the task index stays the driving walk whatever the planner thinks of the instances.
        if (filter.workflow !== undefined) query = query.where(sql<SqlBool>`exists (select 1 from workflow_instances where workflow_instances.id = tasks.instance_id and workflow_instances.definition_key = ${filter.workflow})`);
        for (const key of walk.order) query = query.orderBy(key);
        return query.limit(limit).as('branch');
      })
      .select('branch.task_id'),
  );
  let union = subselects[0]!;
  for (const subselect of subselects.slice(1)) union = union.union(subselect);
  let page = db
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
      'workflow_instances.definition_version',
      'workflow_instances.data',
      'workflow_instances.state',
      'workflow_instances.org_unit_id',
      'workflow_instances.version',
    ]);
  for (const key of walk.order) page = page.orderBy(key);
  return page.limit(limit).execute();
}
