import type { Kysely } from 'kysely';
import type { DefinitionDocument, Problem } from '../../runtime/lint/types';
import type { Actor } from '../auth/actor';
import { appendAudit } from '../db/repositories/audit-repository';
import { findDefinition, nextVersion, publishedDefinitions, storedBody } from '../db/repositories/definition-repository';
import type { Database, DefinitionRow } from '../db/types';
import { loadLinter } from '../definitions/linter';
import { problems } from '../errors';
import { definitionFileName } from '../presenters/definition-presenter';
import { hashOf } from '../util/canonical-json';
import { newId } from '../util/ids';

/** The published registry as lint documents: what a draft's references resolve against. */
export async function registryDocuments(db: Kysely<Database>): Promise<DefinitionDocument[]> {
  const rows = await publishedDefinitions(db);
  return rows.map((row) => ({ file: definitionFileName(row.kind, row.key, row.version), json: JSON.parse(row.body) as unknown }));
}

export async function lintAgainstRegistry(db: Kysely<Database>, kind: string, key: string, version: number, body: unknown): Promise<Problem[]> {
  const linter = await loadLinter();
  return linter.lintDefinition({ file: definitionFileName(kind, key, version), json: body }, await registryDocuments(db));
}

/** The body as stored: the path's kind, key and the assigned version win over whatever the body says. */
function normalizeBody(kind: string, key: string, version: number, body: Record<string, unknown>): Record<string, unknown> {
  return { ...body, kind, key, version };
}

export async function createDraft(db: Kysely<Database>, actor: Actor, kind: string, key: string, body: Record<string, unknown>, at: string): Promise<DefinitionRow> {
  const version = await nextVersion(db, kind, key);
  const normalized = normalizeBody(kind, key, version, body);
  const row: DefinitionRow = {
    id: newId(),
    kind,
    key,
    version,
    status: 'draft',
    body: storedBody(normalized),
    content_hash: hashOf(normalized),
    created_by: actor.userId,
    created_at: at,
    updated_at: at,
    published_at: null,
    retired_at: null,
    row_version: 1,
  };
  await db.insertInto('definitions').values(row).execute();
  await appendAudit(db, { actorId: actor.userId, action: 'definition.createDraft', targetType: 'definition', targetId: row.id, beforeHash: null, afterHash: row.content_hash, at });
  return row;
}

export async function updateDraft(db: Kysely<Database>, actor: Actor, kind: string, key: string, version: number, expected: number, body: Record<string, unknown>, at: string): Promise<DefinitionRow> {
  const row = await findDefinition(db, kind, key, version);
  if (row === undefined) throw problems.notFound('definition');
  if (row.status !== 'draft') throw problems.conflict(`Version ${version} is ${row.status}; only drafts change.`);
  if (row.row_version !== expected) throw problems.preconditionFailed('The draft changed since you read it.', row.row_version);
  const normalized = normalizeBody(kind, key, version, body);
  const changes = { body: storedBody(normalized), content_hash: hashOf(normalized), updated_at: at, row_version: expected + 1 };
  const result = await db.updateTable('definitions').set(changes).where('id', '=', row.id).where('row_version', '=', expected).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw problems.preconditionFailed('The draft changed since you read it.');
  await appendAudit(db, { actorId: actor.userId, action: 'definition.updateDraft', targetType: 'definition', targetId: row.id, beforeHash: row.content_hash, afterHash: changes.content_hash, at });
  return { ...row, ...changes };
}

export async function publishDefinition(db: Kysely<Database>, actor: Actor, kind: string, key: string, version: number, at: string): Promise<DefinitionRow> {
  const row = await findDefinition(db, kind, key, version);
  if (row === undefined) throw problems.notFound('definition');
  if (row.status !== 'draft') throw problems.conflict(`Version ${version} is already ${row.status}.`);
  const found = await lintAgainstRegistry(db, kind, key, version, JSON.parse(row.body));
  const errors = found.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    throw problems.unprocessable('lint-errors', 'The definition has lint errors', `${errors.length} lint error(s) must be fixed before publishing.`, {
      rule: errors[0]!.code,
      errors: errors.map((problem) => ({ pointer: problem.pointer, code: problem.code, message: problem.message['zh-CN'] + (problem.message.en ? ` / ${problem.message.en}` : '') })),
      problems: found,
    });
  }
  const changes = { status: 'published' as const, published_at: at, updated_at: at, row_version: row.row_version + 1 };
  await db.updateTable('definitions').set(changes).where('id', '=', row.id).where('row_version', '=', row.row_version).execute();
  await appendAudit(db, { actorId: actor.userId, action: 'definition.publish', targetType: 'definition', targetId: row.id, beforeHash: row.content_hash, afterHash: row.content_hash, at });
  return { ...row, ...changes };
}

export async function retireDefinition(db: Kysely<Database>, actor: Actor, kind: string, key: string, version: number, at: string): Promise<DefinitionRow> {
  const row = await findDefinition(db, kind, key, version);
  if (row === undefined) throw problems.notFound('definition');
  if (row.status !== 'published') throw problems.conflict(`Only a published version can be retired; version ${version} is ${row.status}.`);
  const changes = { status: 'retired' as const, retired_at: at, updated_at: at, row_version: row.row_version + 1 };
  await db.updateTable('definitions').set(changes).where('id', '=', row.id).where('row_version', '=', row.row_version).execute();
  await appendAudit(db, { actorId: actor.userId, action: 'definition.retire', targetType: 'definition', targetId: row.id, beforeHash: row.content_hash, afterHash: row.content_hash, at });
  return { ...row, ...changes };
}
