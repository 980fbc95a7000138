import { definitionEditorRoles } from '../../auth/roles';
import { registryDocuments } from '../../commands/definition-commands';
import { appendAudit } from '../../db/repositories/audit-repository';
import { findDefinition, findLatestPublished, insertDefinition } from '../../db/repositories/definition-repository';
import { loadLinter } from '../../definitions/linter';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { newRouter } from '../../http/router';
import { definitionFileName } from '../../presenters/definition-presenter';
import { hashOf } from '../../util/canonical-json';
import { bundleFormat, exportBundleRoute, importBundleRoute } from './schema';

interface Identity {
  kind: string;
  key: string;
  version: number;
}

function identityOf(body: Record<string, unknown>, pointer: string): Identity {
  const { kind, key, version } = body;
  if (typeof kind !== 'string' || typeof key !== 'string' || typeof version !== 'number' || !Number.isInteger(version)) {
    throw problems.validation([{ pointer, code: 'invalid_identity', message: 'Every definition needs a string kind and key and an integer version.' }]);
  }
  return { kind, key, version };
}

const byIdentity = (a: Identity, b: Identity) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : a.version - b.version);

export const bundleRoutes = newRouter()
  .openapi(exportBundleRoute, async (c) => {
    requireActor(c);
    const { key } = c.req.valid('param');
    const { version } = c.req.valid('query');
    const db = c.get('deps').database.db;
    const bundle = version === undefined ? await findLatestPublished(db, 'bundle', key) : await findDefinition(db, 'bundle', key, version);
    if (bundle === undefined || bundle.status === 'draft') throw problems.notFound('bundle');
    const body = JSON.parse(bundle.body) as { members?: Identity[] };
    const members = [...(body.members ?? [])].sort(byIdentity);
    const definitions: Record<string, unknown>[] = [];
    for (const member of members) {
      const row = await findDefinition(db, member.kind, member.key, member.version);
      if (row === undefined) throw problems.conflict(`Member ${member.kind}/${member.key}@${member.version} is missing.`);
      definitions.push(JSON.parse(row.body) as Record<string, unknown>);
    }
    // Stored bodies are JSON.stringify output, so parsing and serialising them again gives the same bytes:
    // export → import → export round-trips exactly.
    c.header('content-disposition', `attachment; filename="${key}-${bundle.version}.json"`);
    return c.json({ format: bundleFormat, bundle: JSON.parse(bundle.body) as Record<string, unknown>, definitions }, 200);
  })
  .openapi(importBundleRoute, async (c) => {
    const actor = requireActor(c);
    if (!actor.memberships.some((m) => definitionEditorRoles.has(m.role))) throw problems.forbidden('Only district staff import definitions.');
    const document = c.req.valid('json');
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const entries = [document.bundle, ...document.definitions].map((body, index) => ({
      body,
      identity: identityOf(body, index === 0 ? '/bundle' : `/definitions/${index - 1}`),
    }));
    const result = await deps.database.db.transaction().execute(async (trx) => {
      const fresh: typeof entries = [];
      let unchanged = 0;
      for (const entry of entries) {
        const existing = await findDefinition(trx, entry.identity.kind, entry.identity.key, entry.identity.version);
        if (existing === undefined) fresh.push(entry);
        else if (existing.content_hash === hashOf(entry.body)) unchanged++;
        else throw problems.conflict(`${entry.identity.kind}/${entry.identity.key}@${entry.identity.version} exists with different content.`);
      }
      if (fresh.length > 0) {
        const linter = await loadLinter();
        const documents = fresh.map((entry) => ({ file: definitionFileName(entry.identity.kind, entry.identity.key, entry.identity.version), json: entry.body as unknown }));
        const files = new Set(documents.map((d) => d.file));
        const errors = linter.lintDefinitions([...documents, ...(await registryDocuments(trx))]).filter((p) => p.severity === 'error' && files.has(p.file));
        if (errors.length > 0) {
          throw problems.unprocessable('lint-errors', 'The bundle has lint errors', `${errors.length} lint error(s); nothing was imported.`, {
            rule: errors[0]!.code,
            errors: errors.map((p) => ({ pointer: `/${p.file}${p.pointer}`, code: p.code, message: p.message['zh-CN'] })),
          });
        }
        for (const entry of fresh) {
          const row = await insertDefinition(trx, { ...entry.identity, status: 'published', body: entry.body, createdBy: actor.userId, at });
          await appendAudit(trx, { actorId: actor.userId, action: 'definition.import', targetType: 'definition', targetId: row.id, beforeHash: null, afterHash: row.content_hash, at });
        }
      }
      return { imported: fresh.length, unchanged };
    });
    if (result.imported > 0) deps.definitions.invalidateForms();
    return c.json(result, 200);
  });
