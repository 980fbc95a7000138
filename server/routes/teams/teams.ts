import { sql, type SqlBool } from 'kysely';
import { OrgScope } from '../../db/scope';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { newRouter } from '../../http/router';
import { listTeamsRoute, teamStatsRoute } from './schema';
import { emptyStats, teamStats } from './team-stats';

/** `/a/b/c/` → ['/a/', '/a/b/', '/a/b/c/']: the unit and every unit above it. */
function selfAndAncestors(path: string): string[] {
  const ids = path.split('/').filter((id) => id.length > 0);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

export const teamRoutes = newRouter()
  .openapi(listTeamsRoute, async (c) => {
    const scope = new OrgScope(requireActor(c));
    const { teamType, unit, stats } = c.req.valid('query');
    const deps = c.get('deps');
    const db = deps.database.db;
    let query = db
      .selectFrom('teams')
      .select((eb) => [
        'teams.id',
        'teams.org_unit_id',
        'teams.team_type',
        'teams.name',
        'teams.leader_user_id',
        eb.selectFrom('team_members').select((inner) => inner.fn.countAll<number>().as('n')).whereRef('team_members.team_id', '=', 'teams.id').as('member_count'),
      ])
      .where(scope.visibleTeams());
    if (teamType !== undefined) query = query.where('teams.team_type', '=', teamType);
    if (unit !== undefined) {
      const row = await db.selectFrom('org_units').select('path').where('id', '=', unit).executeTakeFirst();
      if (row === undefined) throw problems.notFound('org unit');
      query = query.where(sql<SqlBool>`teams.org_path in (${sql.join(selfAndAncestors(row.path))})`);
    }
    const rows = await query.orderBy('teams.org_path').orderBy('teams.team_type').limit(2000).execute();
    const figures = stats === '1' ? await teamStats(db, deps.database.capabilities, rows.map((row) => row.id), deps.clock()) : undefined;
    return c.json(
      {
        items: rows.map((row) => ({
          id: row.id,
          orgUnitId: row.org_unit_id,
          teamType: row.team_type,
          name: row.name,
          leaderUserId: row.leader_user_id,
          memberCount: Number(row.member_count ?? 0),
          ...(figures === undefined ? {} : { stats: figures.get(row.id) ?? emptyStats }),
        })),
      },
      200,
    );
  })
  .openapi(teamStatsRoute, async (c) => {
    const scope = new OrgScope(requireActor(c));
    const { id } = c.req.valid('param');
    const deps = c.get('deps');
    const team = await deps.database.db.selectFrom('teams').select('id').where('id', '=', id).where(scope.visibleTeams()).executeTakeFirst();
    if (team === undefined) throw problems.notFound('team');
    const figures = await teamStats(deps.database.db, deps.database.capabilities, [id], deps.clock());
    return c.json({ teamId: id, ...(figures.get(id) ?? emptyStats) }, 200);
  });
