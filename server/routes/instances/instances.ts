import { startWorkflow, readInstance, runCommand } from '../../commands/instance-commands';
import { listVisibleInstances } from '../../db/repositories/instance-query';
import { orgUnitRepository } from '../../db/repositories/org-unit-repository';
import { OrgScope } from '../../db/scope';
import { requireActor } from '../../http/env';
import { etag, requireIfMatch } from '../../http/preconditions';
import { newRouter } from '../../http/router';
import { jsonResponse } from '../../http/secure-headers';
import { presentInstanceSummary } from '../../presenters/instance-presenter';
import { subjectsOf } from '../../presenters/instance-subject';
import { commandRoute, getInstanceRoute, listInstancesRoute, startInstanceRoute } from './schema';

export const instanceRoutes = newRouter()
  .openapi(startInstanceRoute, async (c) => {
    const actor = requireActor(c);
    const view = await startWorkflow(c.get('deps'), actor, c.req.valid('json'));
    return jsonResponse(c, view, 201, { etag: etag(view.version), location: `/api/instances/${view.id}` });
  })
  .openapi(getInstanceRoute, async (c) => {
    const view = await readInstance(c.get('deps'), requireActor(c), c.req.valid('param').id);
    return jsonResponse(c, view, 200, { etag: etag(view.version) });
  })
  .openapi(listInstancesRoute, async (c) => {
    const actor = requireActor(c);
    const scope = new OrgScope(actor);
    const query = c.req.valid('query');
    const db = c.get('deps').database.db;
    const under = query.orgUnitId === undefined ? undefined : (await orgUnitRepository(db, scope).findAny(query.orgUnitId))?.path ?? '/none/';
    const rows = await listVisibleInstances(db, scope, { ...query, under });
    const page = rows.slice(0, query.limit);
    const subjects = await subjectsOf(c.get('deps'), page, (row) => row.id);
    return c.json({ items: page.map((row) => ({ ...presentInstanceSummary(row), subject: subjects.get(row.id) ?? null })), nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null }, 200);
  })
  .openapi(commandRoute, async (c) => {
    const actor = requireActor(c);
    const body = c.req.valid('json');
    const headers = c.req.valid('header');
    const expectedVersion = requireIfMatch(c.req.header('if-match'));
    const result = await runCommand(c.get('deps'), actor, {
      instanceId: c.req.valid('param').id,
      event: body.event,
      data: body.data,
      comment: body.comment,
      target: body.target,
      position: body.position,
      expectedVersion,
      idempotencyKey: headers['idempotency-key'],
    });
    const responseHeaders: Record<string, string> = { etag: etag(result.body.version) };
    if (result.replayed) responseHeaders['idempotent-replayed'] = 'true';
    return jsonResponse(c, result.body, 200, responseHeaders, result.json);
  });
