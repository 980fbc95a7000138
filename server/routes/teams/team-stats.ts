/**
 * A team's load and record for dispatch (派单), aggregated in SQL over five-order instances. An order is
 * a team's when it was dispatched to the team, or, taken from a pool (抢单), when the team's leader
 * accepted it. Figures:
 *  - openOrders: its orders now dispatched, accepted or in service;
 *  - completed30d: services it completed in the last 30 days;
 *  - averageRating / ratedOrders: the residents' stars over its rated orders;
 *  - onTimeRate: of its accept (接单, 24 h window) and arrival (签到, by the expected time) tasks that closed
 *    in the last 30 days, the share closed by their due time; null when there were none.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectCapabilities } from '../../db/dialects/dialect';
import type { Database } from '../../db/types';

export interface TeamStats {
  openOrders: number;
  completed30d: number;
  averageRating: number | null;
  ratedOrders: number;
  onTimeRate: number | null;
}

const DAY_MS = 86_400_000;
const OPEN_STATES = ['dispatched', 'accepted', 'in_service'];
const TIMED_STEPS = ['dispatched', 'accepted'];

/**
 * Text at `keys` inside a JSON text column. The dialects expose no JSON capability yet, and the two
 * engines spell this differently, so this is the one place here that branches on the engine.
 */
function jsonText(capabilities: DialectCapabilities, column: string, keys: readonly string[]): RawBuilder<string | null> {
  if (capabilities.name === 'postgres') return sql<string | null>`(${sql.ref(column)}::jsonb #>> ${`{${keys.join(',')}}`})`;
  return sql<string | null>`cast(json_extract(${sql.ref(column)}, ${`$.${keys.join('.')}`}) as text)`;
}

export const emptyStats: TeamStats = { openOrders: 0, completed30d: 0, averageRating: null, ratedOrders: 0, onTimeRate: null };

export async function teamStats(db: Kysely<Database>, capabilities: DialectCapabilities, teamIds: readonly string[], now: Date): Promise<Map<string, TeamStats>> {
  const result = new Map<string, TeamStats>();
  if (teamIds.length === 0) return result;
  const since = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const dispatchedTo = jsonText(capabilities, 'workflow_instances.data', ['data', 'dispatch', 'teamId']);
  const leader = jsonText(capabilities, 'workflow_instances.data', ['vars', 'teamLeaderId']);
  const stars = jsonText(capabilities, 'workflow_instances.data', ['vars', 'stars']);
  const orders = db
    .selectFrom('workflow_instances')
    .select((eb) => [
      'workflow_instances.state',
      sql<string | null>`coalesce(${dispatchedTo}, (select min(teams.id) from teams where teams.leader_user_id = ${leader}))`.as('team_id'),
      sql<number>`cast(coalesce(${stars}, '0') as integer)`.as('stars'),
      eb
        .selectFrom('history')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('history.instance_id', '=', 'workflow_instances.id')
        .where('history.event', '=', 'complete')
        .where('history.at', '>=', since)
        .as('completed'),
      eb
        .selectFrom('tasks')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('tasks.instance_id', '=', 'workflow_instances.id')
        .where('tasks.name', 'in', TIMED_STEPS)
        .where('tasks.status', '=', 'done')
        .where('tasks.due_at', 'is not', null)
        .where('tasks.closed_at', '>=', since)
        .as('timed'),
      eb
        .selectFrom('tasks')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('tasks.instance_id', '=', 'workflow_instances.id')
        .where('tasks.name', 'in', TIMED_STEPS)
        .where('tasks.status', '=', 'done')
        .where('tasks.due_at', 'is not', null)
        .where('tasks.closed_at', '>=', since)
        .whereRef('tasks.closed_at', '<=', 'tasks.due_at')
        .as('on_time'),
    ])
    .where('workflow_instances.definition_key', '=', 'five-order')
    .as('orders');
  const rows = await db
    .selectFrom(orders)
    .select((eb) => [
      'orders.team_id',
      eb.fn.sum<number>(sql`case when ${sql.ref('orders.state')} in (${sql.join(OPEN_STATES)}) then 1 else 0 end`).as('open_orders'),
      eb.fn.sum<number>('orders.completed').as('completed'),
      eb.fn.sum<number>(sql`case when ${sql.ref('orders.stars')} > 0 then 1 else 0 end`).as('rated'),
      eb.fn.sum<number>(sql`case when ${sql.ref('orders.stars')} > 0 then ${sql.ref('orders.stars')} else 0 end`).as('star_sum'),
      eb.fn.sum<number>('orders.timed').as('timed'),
      eb.fn.sum<number>('orders.on_time').as('on_time'),
    ])
    .where('orders.team_id', 'in', [...teamIds])
    .groupBy('orders.team_id')
    .execute();
  for (const row of rows) {
    if (row.team_id === null) continue;
    const rated = Number(row.rated);
    const timed = Number(row.timed);
    result.set(row.team_id, {
      openOrders: Number(row.open_orders),
      completed30d: Number(row.completed),
      ratedOrders: rated,
      averageRating: rated === 0 ? null : Math.round((Number(row.star_sum) / rated) * 10) / 10,
      onTimeRate: timed === 0 ? null : Math.round((Number(row.on_time) / timed) * 100) / 100,
    });
  }
  return result;
}

