/**
 * The org scope, enforced here and nowhere else. Every read or write of a scoped table (org units, teams,
 * instances, tasks, form submissions) builds its WHERE clause through an `OrgScope`, so a route cannot
 * forget it: repositories take a scope, not an actor.
 *
 * A subtree is the half-open text range [path, path + '~'): ids and '/' sort below '~', and path columns
 * compare bytewise (see DialectCapabilities.binaryCollation), so the range is one index seek.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../auth/actor';
import { teamIds } from '../auth/actor';
import { adminRoles, subtreeRoles, type Role } from '../auth/roles';

/**
 * `tasks.pool_org_unit_id` of a pool open to the role anywhere. A value rather than NULL, so the branch is
 * an equality seek on the pool index (NULL also marks team pools and assigned tasks, which are many).
 */
export const poolAnywhere = '*';

export class OrgScope {
  /** Subtree roots the actor sees, with nested roots removed. */
  readonly roots: string[];
  readonly teams: string[];

  constructor(readonly actor: Actor) {
    const paths = actor.system ? ['/'] : actor.memberships.filter((m) => subtreeRoles.has(m.role)).map((m) => m.orgPath);
    this.roots = [...new Set(paths)].sort().filter((path, index, sorted) => !sorted.slice(0, index).some((root) => path.startsWith(root)));
    this.teams = teamIds(actor);
  }

  covers(path: string): boolean {
    return this.roots.some((root) => path.startsWith(root));
  }

  /** The roots at which the actor holds one of `roles`, e.g. where they administer. */
  rootsFor(roles: ReadonlySet<Role>): string[] {
    if (this.actor.system) return ['/'];
    return this.actor.memberships.filter((m) => roles.has(m.role)).map((m) => m.orgPath);
  }

  coversFor(path: string, roles: ReadonlySet<Role>): boolean {
    return this.rootsFor(roles).some((root) => path.startsWith(root));
  }

  /**
   * The actor administers the unit at `path` (its station, institute or district admin) and so keeps its
   * records: plans, check-in sessions, service hours. Overseeing it (district leader, assessors, proxy
   * orderers) is reading, not keeping: an assessor must not file the records they will score.
   */
  administers(path: string): boolean {
    return this.coversFor(path, adminRoles);
  }

  /** `column` lies in one of the actor's subtrees. */
  subtree(column: string): RawBuilder<SqlBool> {
    return subtreeCondition(column, this.roots);
  }

  /**
   * Instances the actor may read: in a subtree they oversee, started by them, or one they have or had a
   * task on (assigned or claimed), or whose open task sits in a pool they may claim from.
   */
  instances(): RawBuilder<SqlBool> {
    const me = this.actor.userId;
    const pools = this.poolTaskBranches();
    const poolClause = pools.length === 0 ? sql`` : sql` or (tasks.status = 'open' and (${sql.join(pools, sql` or `)}))`;
    return sql<SqlBool>`(${this.subtree('workflow_instances.org_path')} or workflow_instances.created_by = ${me} or exists (select 1 from tasks where tasks.instance_id = workflow_instances.id and (tasks.assignee_user_id = ${me} or tasks.claimed_by = ${me}${poolClause})))`;
  }

  /**
   * Teams the actor may see and dispatch to: teams of units in their subtrees, teams of the units above
   * them (an institute's teams serve its stations), and their own teams.
   */
  visibleTeams(): RawBuilder<SqlBool> {
    const ancestors = new Set<string>();
    for (const m of this.actor.memberships) {
      const ids = m.orgPath.split('/').filter((id) => id.length > 0);
      for (let i = 1; i <= ids.length; i++) ancestors.add(`/${ids.slice(0, i).join('/')}/`);
    }
    const clauses = [this.subtree('teams.org_path')];
    if (ancestors.size > 0) clauses.push(sql<SqlBool>`teams.org_path in (${sql.join([...ancestors])})`);
    if (this.teams.length > 0) clauses.push(sql<SqlBool>`teams.id in (${sql.join(this.teams)})`);
    return sql<SqlBool>`(${sql.join(clauses, sql` or `)})`;
  }

  /** Tasks the actor may work on: assigned to them, claimed by them, or in a pool for their role, unit or team. */
  tasks(): RawBuilder<SqlBool> {
    return sql<SqlBool>`(${sql.join(this.taskBranches(), sql` or `)})`;
  }

  /** The same condition as `tasks()`, one index-friendly branch per way a task reaches the actor. */
  taskBranches(): RawBuilder<SqlBool>[] {
    return [...this.personalTaskBranches(), ...this.poolTaskBranches()];
  }

  /** The branches of tasks given to the actor in person (assigned or claimed). */
  personalTaskBranches(): RawBuilder<SqlBool>[] {
    const me = this.actor.userId;
    return [sql<SqlBool>`tasks.assignee_user_id = ${me}`, sql<SqlBool>`tasks.claimed_by = ${me}`];
  }

  /**
   * Pools the actor may claim from: their role at their unit, their role anywhere (a pool with no unit,
   * e.g. 抢单 open to every team leader), and their teams' pools.
   */
  poolTaskBranches(): RawBuilder<SqlBool>[] {
    const atUnit = this.actor.memberships.map((m) => sql<SqlBool>`(tasks.pool_org_unit_id = ${m.orgUnitId} and tasks.pool_role = ${m.role})`);
    const anywhere = [...new Set(this.actor.memberships.map((m) => m.role))].map(
      (role) => sql<SqlBool>`(tasks.pool_org_unit_id = ${poolAnywhere} and tasks.pool_role = ${role})`,
    );
    const teams = this.teams.map((team) => sql<SqlBool>`tasks.pool_team_id = ${team}`);
    return [...atUnit, ...anywhere, ...teams];
  }
}

export function subtreeCondition(column: string, roots: readonly string[]): RawBuilder<SqlBool> {
  if (roots.includes('/')) return sql<SqlBool>`1 = 1`;
  if (roots.length === 0) return sql<SqlBool>`1 = 0`;
  const ranges = roots.map((root) => sql`(${sql.ref(column)} >= ${root} and ${sql.ref(column)} < ${root + '~'})`);
  return sql<SqlBool>`(${sql.join(ranges, sql` or `)})`;
}
