import type { Actor } from '../../auth/actor';
import { definitionEditorRoles } from '../../auth/roles';
import { createDraft, lintAgainstRegistry, publishDefinition, retireDefinition, updateDraft } from '../../commands/definition-commands';
import { findDefinition, findLatestPublished } from '../../db/repositories/definition-repository';
import type { DefinitionRow } from '../../db/types';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { requireIfMatch } from '../../http/preconditions';
import { newRouter } from '../../http/router';
import { presentDefinition, presentDefinitionSummary } from '../../presenters/definition-presenter';
import { jsonDiff } from '../../util/json-diff';
import { createDraftRoute, diffRoute, getDefinitionRoute, lintRoute, listDefinitionsRoute, publishRoute, retireRoute, updateDraftRoute } from './schema';

function isEditor(actor: Actor): boolean {
  return actor.memberships.some((m) => definitionEditorRoles.has(m.role));
}

function requireEditor(actor: Actor): void {
  if (!isEditor(actor)) throw problems.forbidden('Only district staff edit definitions.');
}

/** Drafts are work in progress of the district office; everyone signed in reads published and retired versions. */
function visible(actor: Actor, row: DefinitionRow | undefined): DefinitionRow {
  if (row === undefined || (row.status === 'draft' && !isEditor(actor))) throw problems.notFound('definition');
  return row;
}

export const definitionRoutes = newRouter()
  .openapi(listDefinitionsRoute, async (c) => {
    const actor = requireActor(c);
    const query = c.req.valid('query');
    let select = c.get('deps').database.db.selectFrom('definitions').selectAll();
    if (query.kind !== undefined) select = select.where('kind', '=', query.kind);
    if (query.key !== undefined) select = select.where('key', '=', query.key);
    if (query.status !== undefined) select = select.where('status', '=', query.status);
    if (!isEditor(actor)) select = select.where('status', '!=', 'draft');
    const rows = await select.orderBy('kind').orderBy('key').orderBy('version').execute();
    return c.json({ items: rows.map((row) => presentDefinitionSummary(row)) }, 200);
  })
  .openapi(getDefinitionRoute, async (c) => {
    const actor = requireActor(c);
    const { kind, key } = c.req.valid('param');
    const { version } = c.req.valid('query');
    const db = c.get('deps').database.db;
    const row = visible(actor, version === undefined ? await findLatestPublished(db, kind, key) : await findDefinition(db, kind, key, version));
    c.header('etag', `"${row.row_version}"`);
    return c.json(presentDefinition(row), 200);
  })
  .openapi(createDraftRoute, async (c) => {
    const actor = requireActor(c);
    requireEditor(actor);
    const { kind, key } = c.req.valid('param');
    const deps = c.get('deps');
    const row = await deps.database.db.transaction().execute((trx) => createDraft(trx, actor, kind, key, c.req.valid('json'), deps.clock().toISOString()));
    return c.json(presentDefinition(row), 201);
  })
  .openapi(updateDraftRoute, async (c) => {
    const actor = requireActor(c);
    requireEditor(actor);
    const { kind, key, version } = c.req.valid('param');
    const expected = requireIfMatch(c.req.header('if-match'));
    const deps = c.get('deps');
    const row = await deps.database.db.transaction().execute((trx) => updateDraft(trx, actor, kind, key, version, expected, c.req.valid('json'), deps.clock().toISOString()));
    return c.json(presentDefinition(row), 200);
  })
  .openapi(lintRoute, async (c) => {
    const actor = requireActor(c);
    const { kind, key } = c.req.valid('param');
    const request = c.req.valid('json');
    const db = c.get('deps').database.db;
    let body: unknown = request.body;
    let version = request.version ?? 0;
    if (body === undefined) {
      const row = visible(actor, request.version === undefined ? await findLatestPublished(db, kind, key) : await findDefinition(db, kind, key, request.version));
      body = JSON.parse(row.body);
      version = row.version;
    }
    const found = await lintAgainstRegistry(db, kind, key, version, body);
    const errors = found.filter((problem) => problem.severity === 'error').length;
    return c.json({ errors, warnings: found.length - errors, problems: found }, 200);
  })
  .openapi(publishRoute, async (c) => {
    const actor = requireActor(c);
    requireEditor(actor);
    const { kind, key, version } = c.req.valid('param');
    const deps = c.get('deps');
    const row = await deps.database.db.transaction().execute((trx) => publishDefinition(trx, actor, kind, key, version, deps.clock().toISOString()));
    if (kind === 'form') deps.definitions.invalidateForms();
    return c.json(presentDefinition(row), 200);
  })
  .openapi(retireRoute, async (c) => {
    const actor = requireActor(c);
    requireEditor(actor);
    const { kind, key, version } = c.req.valid('param');
    const deps = c.get('deps');
    const row = await deps.database.db.transaction().execute((trx) => retireDefinition(trx, actor, kind, key, version, deps.clock().toISOString()));
    return c.json(presentDefinition(row), 200);
  })
  .openapi(diffRoute, async (c) => {
    const actor = requireActor(c);
    const { kind, key } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    const db = c.get('deps').database.db;
    const before = visible(actor, await findDefinition(db, kind, key, from));
    const after = visible(actor, await findDefinition(db, kind, key, to));
    return c.json({ from, to, changes: jsonDiff(JSON.parse(before.body), JSON.parse(after.body)) }, 200);
  });
