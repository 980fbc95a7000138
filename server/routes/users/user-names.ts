/**
 * Display names for the people a reader already meets in their work: staff and volunteers of their units,
 * members of the teams they may see, whoever acted on an instance they may read, reviewed an assessment
 * or checked in at an activity in their subtree. A private person (only resident or public roles) is named
 * only to themselves and to admins of their unit and above, as for any personal data; anyone else is left out, never refused, so
 * the answer does not tell which ids exist.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import { adminRoles } from '../../auth/roles';
import { OrgScope } from '../../db/scope';
import type { Database } from '../../db/types';

const PRIVATE_ROLES = new Set(['resident', 'public']);

export async function visibleUserNames(db: Kysely<Database>, actor: Actor, ids: readonly string[]): Promise<{ id: string; displayName: string }[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const scope = new OrgScope(actor);
  const users = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  if (users.length === 0) return [];
  const found = users.map((user) => user.id);
  const memberships = await db
    .selectFrom('role_memberships')
    .innerJoin('org_units', 'org_units.id', 'role_memberships.org_unit_id')
    .select(['role_memberships.user_id', 'role_memberships.role', 'org_units.path'])
    .where('role_memberships.user_id', 'in', found)
    .execute();
  const rolesOf = new Map<string, { role: string; path: string }[]>();
  for (const m of memberships) rolesOf.set(m.user_id, [...(rolesOf.get(m.user_id) ?? []), { role: m.role, path: m.path }]);
  const isPrivate = (id: string) => (rolesOf.get(id) ?? []).every((m) => PRIVATE_ROLES.has(m.role));

  const named = new Set<string>();
  for (const id of found) {
    const roles = rolesOf.get(id) ?? [];
    if (id === actor.userId) named.add(id);
    else if (isPrivate(id)) {
      if (roles.some((m) => scope.coversFor(m.path, adminRoles))) named.add(id);
    } else if (roles.some((m) => scope.covers(m.path))) named.add(id);
  }
  const open = found.filter((id) => !named.has(id) && !isPrivate(id));
  if (open.length > 0) for (const id of await sharedWork(db, scope, open)) named.add(id);
  return users.filter((user) => named.has(user.id)).map((user) => ({ id: user.id, displayName: user.display_name }));
}

/** Of `ids`, those met through teams, instances, assessment reviews or check-ins the reader may see. */
async function sharedWork(db: Kysely<Database>, scope: OrgScope, ids: string[]): Promise<Set<string>> {
  const leaders = await db.selectFrom('teams').select('leader_user_id as id').where('leader_user_id', 'in', ids).where(scope.visibleTeams()).execute();
  const members = await db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select('team_members.user_id as id')
    .where('team_members.user_id', 'in', ids)
    .where(scope.visibleTeams())
    .execute();
  const actors = await db
    .selectFrom('history')
    .innerJoin('workflow_instances', 'workflow_instances.id', 'history.instance_id')
    .select('history.actor_id as id')
    .distinct()
    .where('history.actor_id', 'in', ids)
    .where(scope.instances())
    .execute();
  const reviewers = await db
    .selectFrom('assessment_reviews')
    .innerJoin('assessments', 'assessments.id', 'assessment_reviews.assessment_id')
    .select('assessment_reviews.reviewer_id as id')
    .distinct()
    .where('assessment_reviews.reviewer_id', 'in', ids)
    .where(scope.subtree('assessments.org_path'))
    .execute();
  const attendees = await db
    .selectFrom('attendance')
    .innerJoin('attendance_sessions', 'attendance_sessions.id', 'attendance.session_id')
    .select('attendance.user_id as id')
    .distinct()
    .where('attendance.user_id', 'in', ids)
    .where(scope.subtree('attendance_sessions.org_path'))
    .execute();
  return new Set([...leaders, ...members, ...actors, ...reviewers, ...attendees].flatMap((row) => (row.id === null ? [] : [row.id])));
}
