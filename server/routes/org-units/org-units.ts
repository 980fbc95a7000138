import type { OrgUnitRow } from '../../db/types';
import { adminRoles } from '../../auth/roles';
import { appendAudit } from '../../db/repositories/audit-repository';
import { orgUnitRepository } from '../../db/repositories/org-unit-repository';
import { OrgScope } from '../../db/scope';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { requireIfMatch, etag } from '../../http/preconditions';
import { newRouter } from '../../http/router';
import { presentOrgUnit } from '../../presenters/org-unit-presenter';
import { hashOf } from '../../util/canonical-json';
import { newId } from '../../util/ids';
import { createOrgUnitRoute, deactivateOrgUnitRoute, getOrgUnitRoute, listMembersRoute, listOrgUnitsRoute, updateOrgUnitRoute } from './schema';

/** Which levels may sit under which (DOMAIN.md §3). */
const childLevels: Record<string, readonly string[]> = {
  center: ['subCenter', 'institute', 'practicePoint', 'practiceBase', 'servicePoint'],
  subCenter: ['practicePoint', 'practiceBase', 'servicePoint'],
  institute: ['station', 'practicePoint', 'practiceBase', 'servicePoint'],
  station: ['servicePoint', 'practicePoint', 'practiceBase'],
  servicePoint: [],
  practicePoint: [],
  practiceBase: [],
};

export const orgUnitRoutes = newRouter()
  .openapi(listOrgUnitsRoute, async (c) => {
    const scope = new OrgScope(requireActor(c));
    const query = c.req.valid('query');
    const repository = orgUnitRepository(c.get('deps').database.db, scope);
    const under = query.under === undefined ? undefined : (await repository.get(query.under)).path;
    const rows = await repository.list({ level: query.level, includeInactive: query.includeInactive === '1', under });
    return c.json({ items: rows.map(presentOrgUnit) }, 200);
  })
  .openapi(getOrgUnitRoute, async (c) => {
    const scope = new OrgScope(requireActor(c));
    const row = await orgUnitRepository(c.get('deps').database.db, scope).get(c.req.valid('param').id);
    c.header('etag', etag(row.version));
    return c.json(presentOrgUnit(row), 200);
  })
  .openapi(createOrgUnitRoute, async (c) => {
    const actor = requireActor(c);
    const scope = new OrgScope(actor);
    const body = c.req.valid('json');
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const row = await deps.database.db.transaction().execute(async (trx) => {
      const repository = orgUnitRepository(trx, scope);
      const parent = await repository.findAny(body.parentId);
      if (parent === undefined) throw problems.notFound('parent org unit');
      if (!scope.coversFor(parent.path, adminRoles)) throw problems.forbidden('You administer no unit that contains the parent.');
      if (parent.active !== 1) throw problems.conflict('The parent unit is deactivated.');
      if (!(childLevels[parent.level] ?? []).includes(body.level)) {
        throw problems.unprocessable('org-level-not-allowed', 'Level not allowed here', `A ${body.level} cannot sit under a ${parent.level}.`, { rule: 'org-unit-child-level' });
      }
      const id = newId();
      const created: OrgUnitRow = {
        id,
        parent_id: parent.id,
        path: `${parent.path}${id}/`,
        level: body.level,
        station_type: body.stationType ?? null,
        name: body.name,
        name_en: body.nameEn ?? null,
        admin_division_code: body.adminDivisionCode ?? null,
        active: 1,
        version: 1,
        created_at: at,
        updated_at: at,
      };
      await repository.insert(created);
      await appendAudit(trx, { actorId: actor.userId, action: 'orgUnit.create', targetType: 'orgUnit', targetId: id, beforeHash: null, afterHash: hashOf(created), at });
      return created;
    });
    c.header('etag', etag(row.version));
    return c.json(presentOrgUnit(row), 201);
  })
  .openapi(updateOrgUnitRoute, async (c) => {
    const actor = requireActor(c);
    const scope = new OrgScope(actor);
    const { id } = c.req.valid('param');
    const expected = requireIfMatch(c.req.header('if-match'));
    const body = c.req.valid('json');
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const row = await deps.database.db.transaction().execute(async (trx) => {
      const repository = orgUnitRepository(trx, scope);
      const before = await repository.get(id);
      if (!scope.coversFor(before.path, adminRoles)) throw problems.forbidden('You do not administer this unit.');
      if (before.version !== expected) throw problems.preconditionFailed('The unit changed since you read it.', before.version);
      const changes = {
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.nameEn === undefined ? {} : { name_en: body.nameEn }),
        ...(body.stationType === undefined ? {} : { station_type: body.stationType }),
        ...(body.adminDivisionCode === undefined ? {} : { admin_division_code: body.adminDivisionCode }),
      };
      if (!(await repository.update(id, expected, changes, at))) throw problems.preconditionFailed('The unit changed since you read it.');
      const after = await repository.get(id);
      await appendAudit(trx, { actorId: actor.userId, action: 'orgUnit.update', targetType: 'orgUnit', targetId: id, beforeHash: hashOf(before), afterHash: hashOf(after), at });
      return after;
    });
    c.header('etag', etag(row.version));
    return c.json(presentOrgUnit(row), 200);
  })
  .openapi(deactivateOrgUnitRoute, async (c) => {
    const actor = requireActor(c);
    const scope = new OrgScope(actor);
    const { id } = c.req.valid('param');
    const expected = requireIfMatch(c.req.header('if-match'));
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const row = await deps.database.db.transaction().execute(async (trx) => {
      const repository = orgUnitRepository(trx, scope);
      const before = await repository.get(id);
      // Strictly inside: nobody switches off the unit their own admin role hangs on.
      const strictly = scope.rootsFor(adminRoles).some((root) => before.path.startsWith(root) && before.path !== root);
      if (!strictly) throw problems.forbidden('You may deactivate only units strictly inside one you administer.');
      if (before.active !== 1) throw problems.conflict('The unit is already deactivated.');
      if (before.version !== expected) throw problems.preconditionFailed('The unit changed since you read it.', before.version);
      if (!(await repository.update(id, expected, { active: 0 }, at))) throw problems.preconditionFailed('The unit changed since you read it.');
      await trx
        .updateTable('org_units')
        .set((eb) => ({ active: 0, updated_at: at, version: eb('version', '+', 1) }))
        .where('path', '>', before.path)
        .where('path', '<', before.path + '~')
        .where('active', '=', 1)
        .execute();
      const after = await repository.get(id);
      await appendAudit(trx, { actorId: actor.userId, action: 'orgUnit.deactivate', targetType: 'orgUnit', targetId: id, beforeHash: hashOf(before), afterHash: hashOf(after), at });
      return after;
    });
    return c.json(presentOrgUnit(row), 200);
  })
  .openapi(listMembersRoute, async (c) => {
    const scope = new OrgScope(requireActor(c));
    const db = c.get('deps').database.db;
    const unit = await orgUnitRepository(db, scope).get(c.req.valid('param').id);
    const rows = await db
      .selectFrom('role_memberships')
      .innerJoin('users', 'users.id', 'role_memberships.user_id')
      .select(['role_memberships.id', 'role_memberships.user_id', 'role_memberships.role', 'role_memberships.team_id', 'users.username', 'users.display_name'])
      .where('role_memberships.org_unit_id', '=', unit.id)
      .orderBy('users.username')
      .execute();
    return c.json({ items: rows.map((row) => ({ id: row.id, userId: row.user_id, username: row.username, displayName: row.display_name, role: row.role, teamId: row.team_id })) }, 200);
  });
