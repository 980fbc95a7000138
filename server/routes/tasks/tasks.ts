import { runCommand } from '../../commands/instance-commands';
import { inboxPage } from '../../db/repositories/inbox-query';
import { subjectsOf } from '../../presenters/instance-subject';
import { OrgScope } from '../../db/scope';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { etag } from '../../http/preconditions';
import { newRouter } from '../../http/router';
import type { Database } from '../../db/types';
import type { Kysely } from 'kysely';
import { decodeInboxCursor, encodeInboxCursor } from './cursor';
import { claimRoute, inboxRoute } from './schema';

export const taskRoutes = newRouter()
  .openapi(inboxRoute, async (c) => {
    const scope = new OrgScope(requireActor(c));
    const query = c.req.valid('query');
    const deps = c.get('deps');
    const db = deps.database.db;
    const filter = { workflow: query.workflow, state: query.state, kind: query.kind, dueBefore: query.overdue === '1' ? deps.clock().toISOString() : undefined };
    const found = await inboxPage(db, scope, filter, query.cursor === undefined ? null : decodeInboxCursor(query.cursor), query.limit);
    const rows = found.slice(0, query.limit);
    const last = rows.at(-1);
    const nextCursor = found.length > query.limit && last !== undefined ? encodeInboxCursor({ dueAt: last.due_at, id: last.id }) : null;
    const [reminders, unitNames, subjects] = await Promise.all([remindersOf(db, rows.map((row) => row.instance_id)), unitNamesOf(db, rows.map((row) => row.org_unit_id)), subjectsOf(deps, rows, (row) => row.id)]);
    return c.json(
      {
        items: rows.map((row) => ({
          id: row.id,
          instanceId: row.instance_id,
          workflow: row.definition_key,
          state: row.state,
          orgUnitId: row.org_unit_id,
          orgUnitName: unitNames.get(row.org_unit_id) ?? null,
          subject: subjects.get(row.id) ?? null,
          instanceVersion: row.version,
          name: row.name,
          assigneeUserId: row.assignee_user_id,
          pool: row.pool_role === null ? null : { role: row.pool_role, orgUnitId: row.pool_org_unit_id, teamId: row.pool_team_id },
          dueAt: row.due_at,
          createdAt: row.created_at,
          reminders: reminders.get(row.instance_id) ?? null,
        })),
        nextCursor,
      },
      200,
    );
  })
  .openapi(claimRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const task = await deps.database.db
      .selectFrom('tasks')
      .innerJoin('workflow_instances', 'workflow_instances.id', 'tasks.instance_id')
      .select(['tasks.id', 'tasks.status', 'tasks.pool_role', 'tasks.instance_id', 'workflow_instances.version'])
      .where('tasks.id', '=', c.req.valid('param').id)
      .where(new OrgScope(actor).tasks())
      .executeTakeFirst();
    if (task === undefined) throw problems.notFound('task');
    if (task.status !== 'open' || task.pool_role === null) throw problems.conflict('Only an open pool task can be claimed.');
    const result = await runCommand(deps, actor, { instanceId: task.instance_id, event: 'claim', expectedVersion: task.version });
    c.header('etag', etag(result.body.version));
    return c.json(result.body, 200);
  });

/** The page's units by name, in one read. */
async function unitNamesOf(db: Kysely<Database>, unitIds: string[]): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', [...new Set(unitIds)]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** 催办 per instance (count and latest), one grouped read over the history primary key for the whole page. */
async function remindersOf(db: Kysely<Database>, instanceIds: string[]): Promise<Map<string, { count: number; lastAt: string }>> {
  if (instanceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('history')
    .select(['instance_id', (eb) => eb.fn.countAll<number | string>().as('count'), (eb) => eb.fn.max('at').as('last_at')])
    .where('instance_id', 'in', [...new Set(instanceIds)])
    .where('event', '=', 'remind')
    .groupBy('instance_id')
    .execute();
  return new Map(rows.map((row) => [row.instance_id, { count: Number(row.count), lastAt: row.last_at }]));
}
