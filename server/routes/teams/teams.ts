import { OrgScope } from '../../db/scope';
import { requireActor } from '../../http/env';
import { newRouter } from '../../http/router';
import { listTeamsRoute } from './schema';

export const teamRoutes = newRouter().openapi(listTeamsRoute, async (c) => {
  const scope = new OrgScope(requireActor(c));
  const { teamType } = c.req.valid('query');
  let query = c
    .get('deps')
    .database.db.selectFrom('teams')
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
  const rows = await query.orderBy('teams.org_path').orderBy('teams.team_type').limit(2000).execute();
  return c.json(
    { items: rows.map((row) => ({ id: row.id, orgUnitId: row.org_unit_id, teamType: row.team_type, name: row.name, leaderUserId: row.leader_user_id, memberCount: Number(row.member_count ?? 0) })) },
    200,
  );
});
