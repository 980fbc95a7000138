import type { Selectable } from 'kysely';
import { hashToken, newTokenSecret } from '../../auth/api-tokens';
import { adminRoles } from '../../auth/roles';
import { appendAudit } from '../../db/repositories/audit-repository';
import { OrgScope } from '../../db/scope';
import type { ApiTokenTable } from '../../db/types-assessments';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { newRouter } from '../../http/router';
import { newId } from '../../util/ids';
import { createTokenRoute, listTokensRoute, revokeTokenRoute } from './schema';

function presentToken(row: Selectable<ApiTokenTable>, orgUnitId: string | null) {
  return { id: row.id, name: row.name, scope: row.scope, orgUnitId, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}

/** The org unit id at the end of a materialized path. */
const unitOfPath = (path: string | null) => (path === null ? null : (path.split('/').filter((part) => part.length > 0).at(-1) ?? null));

export const tokenRoutes = newRouter()
  .openapi(createTokenRoute, async (c) => {
    const actor = requireActor(c);
    const scope = new OrgScope(actor);
    if (!actor.memberships.some((m) => adminRoles.has(m.role))) throw problems.forbidden('Only admins create API tokens.');
    const body = c.req.valid('json');
    const deps = c.get('deps');
    const db = deps.database.db;
    let orgPath: string | null = null;
    if (body.orgUnitId !== undefined) {
      const unit = await db.selectFrom('org_units').select(['id', 'path']).where('id', '=', body.orgUnitId).executeTakeFirst();
      if (unit === undefined || !scope.covers(unit.path)) throw problems.notFound('org unit');
      orgPath = unit.path;
    }
    const secret = newTokenSecret();
    const at = deps.clock().toISOString();
    const row: Selectable<ApiTokenTable> = { id: newId(), token_hash: hashToken(secret), name: body.name, user_id: actor.userId, scope: body.scope, org_path: orgPath, created_at: at, last_used_at: null, revoked_at: null };
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('api_tokens').values(row).execute();
      await appendAudit(trx, { actorId: actor.userId, action: 'token.create', targetType: 'apiToken', targetId: row.id, beforeHash: null, afterHash: null, at });
    });
    return c.json({ ...presentToken(row, body.orgUnitId ?? null), token: secret }, 201);
  })
  .openapi(listTokensRoute, async (c) => {
    const actor = requireActor(c);
    const rows = await c.get('deps').database.db.selectFrom('api_tokens').selectAll().where('user_id', '=', actor.userId).orderBy('id', 'desc').execute();
    return c.json({ items: rows.map((row) => presentToken(row, unitOfPath(row.org_path))) }, 200);
  })
  .openapi(revokeTokenRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const db = deps.database.db;
    const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', c.req.valid('param').id).executeTakeFirst();
    const districtAdmin = actor.memberships.some((m) => m.role === 'districtAdmin');
    if (row === undefined || (row.user_id !== actor.userId && !districtAdmin)) throw problems.notFound('token');
    const at = deps.clock().toISOString();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('api_tokens').set({ revoked_at: row.revoked_at ?? at }).where('id', '=', row.id).execute();
      await appendAudit(trx, { actorId: actor.userId, action: 'token.revoke', targetType: 'apiToken', targetId: row.id, beforeHash: null, afterHash: null, at });
    });
    return c.json(presentToken({ ...row, revoked_at: row.revoked_at ?? at }, unitOfPath(row.org_path)), 200);
  });
