import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import { mayGrant } from '../../auth/grants';
import { hashPassword } from '../../auth/passwords';
import { isRole, type Role } from '../../auth/roles';
import { appendAudit } from '../../db/repositories/audit-repository';
import type { Database } from '../../db/types';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { newRouter } from '../../http/router';
import { hashOf } from '../../util/canonical-json';
import { newId } from '../../util/ids';
import { createUserRoute, grantRoleRoute, revokeRoleRoute } from './schema';

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

export const userRoutes = newRouter()
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
    return c.json(membership, 201);
  })
  .openapi(revokeRoleRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    await deps.database.db.transaction().execute(async (trx) => {
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
    });
    return c.body(null, 204);
  });
