/**
 * A team's load and record for dispatch (派单), aggregated in SQL over five-order instances. An order is
 * a team's when it was dispatched to the team, or, taken from a pool (抢单), when the team's leader
 * accepted it. Figures:
 *  - openOrders: its orders now dispatched, accepted or in service;
 *  - completed30d: services it completed in the last 30 days;
 *  - averageRating / ratedOrders: the residents' stars over its orders rated in the last 365 days (a team
 *    serves about twenty orders a year, so a shorter window would leave most teams unrated);
 *  - onTimeRate: of its accept (接单, 24 h window) and arrival (签到, by the expected time) tasks that closed
 *    in the last 30 days, the share closed by their due time; null when there were none.
 *
 * Each figure reads only its own window through an index (migration 0110): open orders by definition and
 * state, completions and ratings by their history rows, closed tasks with a due time by closing time. The
 * cost follows the recent activity, not every order ever served.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
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
const RECENT_DAYS = 30;
const RATING_DAYS = 365;
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

/** The team an order is with: the one it was dispatched to, else the team its accepting leader leads. */
function orderTeam(capabilities: DialectCapabilities): RawBuilder<string | null> {
  const dispatchedTo = jsonText(capabilities, 'workflow_instances.data', ['data', 'dispatch', 'teamId']);
  const leader = jsonText(capabilities, 'workflow_instances.data', ['vars', 'teamLeaderId']);
  return sql<string | null>`coalesce(${dispatchedTo}, (select min(teams.id) from teams where teams.leader_user_id = ${leader}))`;
}

export const emptyStats: TeamStats = { openOrders: 0, completed30d: 0, averageRating: null, ratedOrders: 0, onTimeRate: null };

const isFiveOrder = sql<SqlBool>`workflow_instances.definition_key = ${sql.lit('five-order')}`;
/**
 * The same test, kept from steering the plan: where the rows come from a window of history or tasks, the
 * planner must start from that window's index, and SQLite without statistics would rather walk every
 * five-order instance by `instances_definition_state` and look up each one's history.
 */
const isFiveOrderRow = sql<SqlBool>`(workflow_instances.definition_key || '') = ${sql.lit('five-order')}`;
/** Literal, so that SQLite can prove the partial index of the event's history rows applies. */
const historyEvent = (event: 'complete' | 'rate') => sql<SqlBool>`history.event = ${sql.lit(event)}`;

/** The four figures' queries, one per window; exported so that tests can read their plans. */
export function teamFigureQueries(db: Kysely<Database>, capabilities: DialectCapabilities, teamIds: readonly string[], now: Date) {
  const recent = new Date(now.getTime() - RECENT_DAYS * DAY_MS).toISOString();
  const ratedSince = new Date(now.getTime() - RATING_DAYS * DAY_MS).toISOString();
  const team = orderTeam(capabilities);
  const stars = sql<number>`cast(coalesce(${jsonText(capabilities, 'workflow_instances.data', ['vars', 'stars'])}, '0') as integer)`;

  // Each figure lists its rows' teams in a derived table and groups outside it: PostgreSQL would not
  // match a GROUP BY expression whose parameters are numbered apart from the select list's.
  const openOrders = db.selectFrom('workflow_instances').select(team.as('team_id')).where(isFiveOrder).where('workflow_instances.state', 'in', OPEN_STATES);
  const completions = db
    .selectFrom('history')
    .innerJoin('workflow_instances', 'workflow_instances.id', 'history.instance_id')
    .select(team.as('team_id'))
    .where(historyEvent('complete'))
    .where('history.at', '>=', recent)
    .where(isFiveOrderRow);
  // An order rated, reopened and rated again counts once, with its latest stars.
  const ratings = db
    .selectFrom('workflow_instances')
    .select([team.as('team_id'), stars.as('stars')])
    .where('workflow_instances.id', 'in', (eb) => eb.selectFrom('history').select('history.instance_id').where(historyEvent('rate')).where('history.at', '>=', ratedSince))
    .where(isFiveOrderRow);
  const timedSteps = db
    .selectFrom('tasks')
    .innerJoin('workflow_instances', 'workflow_instances.id', 'tasks.instance_id')
    .select([team.as('team_id'), sql<number>`case when ${sql.ref('tasks.closed_at')} <= ${sql.ref('tasks.due_at')} then 1 else 0 end`.as('on_time')])
    // Literal, like the partial index of closed tasks with a due time.
    .where(sql<SqlBool>`tasks.status = ${sql.lit('done')} and tasks.due_at is not null`)
    .where('tasks.closed_at', '>=', recent)
    .where('tasks.name', 'in', TIMED_STEPS)
    .where(isFiveOrderRow);
  const count = sql<number>`count(*)`.as('n');
  return {
    open: db.selectFrom(openOrders.as('o')).select(['o.team_id', count]).where('o.team_id', 'in', teamIds).groupBy('o.team_id'),
    completed: db.selectFrom(completions.as('o')).select(['o.team_id', count]).where('o.team_id', 'in', teamIds).groupBy('o.team_id'),
    rated: db
      .selectFrom(ratings.as('o'))
      .select(['o.team_id', count, sql<number>`sum(o.stars)`.as('star_sum')])
      .where('o.team_id', 'in', teamIds)
      .where('o.stars', '>', 0)
      .groupBy('o.team_id'),
    timed: db
      .selectFrom(timedSteps.as('o'))
      .select(['o.team_id', count, sql<number>`sum(o.on_time)`.as('on_time')])
      .where('o.team_id', 'in', teamIds)
      .groupBy('o.team_id'),
  };
}

export async function teamStats(db: Kysely<Database>, capabilities: DialectCapabilities, teamIds: readonly string[], now: Date): Promise<Map<string, TeamStats>> {
  const result = new Map<string, TeamStats>();
  if (teamIds.length === 0) return result;
  const queries = teamFigureQueries(db, capabilities, teamIds, now);
  const [open, completed, rated, timed] = await Promise.all([queries.open.execute(), queries.completed.execute(), queries.rated.execute(), queries.timed.execute()]);

  const figures = (teamId: string) => {
    let entry = result.get(teamId);
    if (entry === undefined) result.set(teamId, (entry = { ...emptyStats }));
    return entry;
  };
  for (const row of open) if (row.team_id !== null) figures(row.team_id).openOrders = Number(row.n);
  for (const row of completed) if (row.team_id !== null) figures(row.team_id).completed30d = Number(row.n);
  for (const row of rated) {
    if (row.team_id === null) continue;
    const count = Number(row.n);
    Object.assign(figures(row.team_id), { ratedOrders: count, averageRating: Math.round((Number(row.star_sum) / count) * 10) / 10 });
  }
  for (const row of timed) {
    if (row.team_id === null) continue;
    figures(row.team_id).onTimeRate = Math.round((Number(row.on_time) / Number(row.n)) * 100) / 100;
  }
  return result;
}
