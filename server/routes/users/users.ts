import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import { mayGrant } from '../../auth/grants';
import { hashPassword } from '../../auth/passwords';
import { isRole, type Role } from '../../auth/roles';
import { OrgScope, subtreeCondition } from '../../db/scope';
import { appendAudit } from '../../db/repositories/audit-repository';
import type { Database } from '../../db/types';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { newRouter } from '../../http/router';
import { hashOf } from '../../util/canonical-json';
import { newId } from '../../util/ids';
import { requireIfMatch } from '../../http/preconditions';
import { adminRoles } from '../../auth/roles';
import { createUserRoute, deactivateUserRoute, grantRoleRoute, listUsersRoute, revokeRoleRoute, updateUserRoute, userNamesRoute } from './schema';
import { visibleUserNames } from './user-names';

async function grant(trx: Kysely<Database>, actor: Actor, input: { userId: string; role: Role; orgUnitId: string; teamId?: string | undefined }, at: string) {
  const unit = await trx.selectFrom('org_units').select(['id', 'path', 'active']).where('id', '=', input.orgUnitId).executeTakeFirst();
  if (unit === undefined) throw problems.notFound('org unit');
  if (!mayGrant(actor, input.role, unit.path)) throw problems.forbidden(`You may not grant ${input.role} at this unit: only roles at or below your own admin role, inside your scope.`);
  const user = await trx.selectFrom('users').select(['id', 'username', 'display_name']).where('id', '=', input.userId).executeTakeFirst();
  if (user === undefined) throw problems.notFound('user');
  const existing = await trx.selectFrom('role_memberships').select('id').where('user_id', '=', input.userId).where('role', '=', input.role).where('org_unit_id', '=', input.orgUnitId).executeTakeFirst();
  if (existing !== undefined) throw problems.conflict('The user already holds this role at this unit.');
  const row = { id: newId(), user_id: input.userId, role: input.role, org_unit_id: input.orgUnitId, team_id: input.teamId ?? null, created_at: at };
  await trx.insertInto('role_memberships').values(row).execute();
  await appendAudit(trx, { actorId: actor.userId, action: 'role.grant', targetType: 'user', targetId: input.userId, beforeHash: null, afterHash: hashOf(row), at });
  return { id: row.id, userId: user.id, username: user.username, displayName: user.display_name, role: row.role, teamId: row.team_id };
}

/** A user with their memberships and the paths of their units. */
async function loadUser(db: Kysely<Database>, id: string) {
  const user = await db.selectFrom('users').select(['id', 'username', 'display_name', 'active', 'version']).where('id', '=', id).executeTakeFirst();
  if (user === undefined) return undefined;
  const roles = await db
    .selectFrom('role_memberships')
    .innerJoin('org_units', 'org_units.id', 'role_memberships.org_unit_id')
    .select(['role_memberships.id', 'role_memberships.role', 'role_memberships.org_unit_id', 'role_memberships.team_id', 'org_units.path'])
    .where('role_memberships.user_id', '=', id)
    .execute();
  return { user, roles };
}

function presentUser(loaded: NonNullable<Awaited<ReturnType<typeof loadUser>>>) {
  const { user, roles } = loaded;
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    active: user.active === 1,
    version: user.version,
    roles: roles.map((r) => ({ id: r.id, role: r.role, orgUnitId: r.org_unit_id, teamId: r.team_id })),
  };
}

/**
 * The user if the actor manages them: visible when a role of theirs lies in the actor's admin subtree
 * (404 otherwise), manageable only when the actor could have granted every role they hold (403).
 */
async function manageableUser(db: Kysely<Database>, actor: Actor, id: string) {
  const loaded = await loadUser(db, id);
  const scope = new OrgScope(actor);
  if (loaded === undefined || !loaded.roles.some((r) => scope.coversFor(r.path, adminRoles))) throw problems.notFound('user');
  if (!loaded.roles.every((r) => isRole(r.role) && mayGrant(actor, r.role, r.path))) throw problems.forbidden('This user holds a role you could not grant.');
  return loaded;
}

export const userRoutes = newRouter()
  .openapi(userNamesRoute, async (c) => {
    const actor = requireActor(c);
    const items = await visibleUserNames(c.get('deps').database.db, actor, c.req.valid('query').ids);
    return c.json({ items }, 200);
  })
  .openapi(listUsersRoute, async (c) => {
    const actor = requireActor(c);
    const scope = new OrgScope(actor);
    const roots = scope.rootsFor(adminRoles);
    if (roots.length === 0) throw problems.forbidden('Only administrators list users.');
    const { q, limit } = c.req.valid('query');
    const db = c.get('deps').database.db;
    let query = db
      .selectFrom('users')
      .select('users.id')
      .distinct()
      .innerJoin('role_memberships', 'role_memberships.user_id', 'users.id')
      .innerJoin('org_units', 'org_units.id', 'role_memberships.org_unit_id')
      .where(subtreeCondition('org_units.path', roots));
    if (q !== undefined) query = query.where('users.username', 'like', `${q.replace(/[%_]/g, '')}%`);
    const ids = await query.orderBy('users.id').limit(limit).execute();
    const items = [];
    for (const { id } of ids) {
      const loaded = await loadUser(db, id);
      if (loaded !== undefined) items.push(presentUser(loaded));
    }
    items.sort((a, b) => (a.username < b.username ? -1 : 1));
    return c.json({ items }, 200);
  })
  .openapi(updateUserRoute, async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const expected = requireIfMatch(c.req.header('if-match'));
    const body = c.req.valid('json');
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
    const updated = await deps.database.db.transaction().execute(async (trx) => {
      const before = await manageableUser(trx, actor, id);
      if (before.user.version !== expected) throw problems.preconditionFailed('The user changed since you read them.', before.user.version);
      const changes = { ...(body.displayName === undefined ? {} : { display_name: body.displayName }), ...(passwordHash === undefined ? {} : { password_hash: passwordHash }), version: expected + 1 };
      const result = await trx.updateTable('users').set(changes).where('id', '=', id).where('version', '=', expected).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw problems.preconditionFailed('The user changed since you read them.');
      // A new password ends every session of the old one.
      if (passwordHash !== undefined) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      const after = (await loadUser(trx, id))!;
      await appendAudit(trx, { actorId: actor.userId, action: 'user.update', targetType: 'user', targetId: id, beforeHash: hashOf(before.user), afterHash: hashOf(after.user), at });
      return after;
    });
    if (body.password !== undefined) c.get('sessionCache').dropUser(id);
    return c.json(presentUser(updated), 200);
  })
  .openapi(deactivateUserRoute, async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const expected = requireIfMatch(c.req.header('if-match'));
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const updated = await deps.database.db.transaction().execute(async (trx) => {
      const before = await manageableUser(trx, actor, id);
      if (before.user.active !== 1) throw problems.conflict('The user is already deactivated.');
      if (before.user.version !== expected) throw problems.preconditionFailed('The user changed since you read them.', before.user.version);
      await trx.updateTable('users').set({ active: 0, version: expected + 1 }).where('id', '=', id).where('version', '=', expected).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      const after = (await loadUser(trx, id))!;
      await appendAudit(trx, { actorId: actor.userId, action: 'user.deactivate', targetType: 'user', targetId: id, beforeHash: hashOf(before.user), afterHash: hashOf(after.user), at });
      return after;
    });
    c.get('sessionCache').dropUser(id);
    return c.json(presentUser(updated), 200);
  })
  .openapi(createUserRoute, async (c) => {
    const actor = requireActor(c);
    const body = c.req.valid('json');
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const passwordHash = body.password === undefined ? null : await hashPassword(body.password);
    const created = await deps.database.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom('users').select('id').where('username', '=', body.username).executeTakeFirst();
      if (taken !== undefined) throw problems.conflict('The username is taken.');
      const id = newId();
      await trx.insertInto('users').values({ id, username: body.username, display_name: body.displayName, password_hash: passwordHash, residence_org_unit_id: null, active: 1, version: 1, created_at: at }).execute();
      const membership = await grant(trx, actor, { userId: id, role: body.role, orgUnitId: body.orgUnitId }, at);
      await appendAudit(trx, { actorId: actor.userId, action: 'user.create', targetType: 'user', targetId: id, beforeHash: null, afterHash: hashOf({ id, username: body.username }), at });
      return { id, username: body.username, displayName: body.displayName, roles: [membership] };
    });
    return c.json(created, 201);
  })
  .openapi(grantRoleRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const membership = await deps.database.db.transaction().execute((trx) => grant(trx, actor, c.req.valid('json'), at));
    // The user's cached sessions carry their roles: the new one applies from their next request.
    c.get('sessionCache').dropUser(c.req.valid('json').userId);
    return c.json(membership, 201);
  })
  .openapi(revokeRoleRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const userId = await deps.database.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('role_memberships')
        .innerJoin('org_units', 'org_units.id', 'role_memberships.org_unit_id')
        .select(['role_memberships.id', 'role_memberships.role', 'role_memberships.user_id', 'org_units.path'])
        .where('role_memberships.id', '=', c.req.valid('param').id)
        .executeTakeFirst();
      if (row === undefined) throw problems.notFound('role assignment');
      if (!isRole(row.role) || !mayGrant(actor, row.role, row.path)) throw problems.forbidden('You could not have granted this role, so you may not revoke it.');
      await trx.deleteFrom('role_memberships').where('id', '=', row.id).execute();
      await appendAudit(trx, { actorId: actor.userId, action: 'role.revoke', targetType: 'user', targetId: row.user_id, beforeHash: hashOf(row), afterHash: null, at });
      return row.user_id;
    });
    // A revoked role stops working at once on this server (other servers' caches follow within their TTL).
    c.get('sessionCache').dropUser(userId);
    return c.body(null, 204);
  });
