import type { Kysely } from 'kysely';
import { hashOf } from '../../util/canonical-json';
import { newId } from '../../util/ids';
import type { Database, DefinitionRow } from '../types';

export type DefinitionStatus = DefinitionRow['status'];

/** Stored text of a body: key order as received, so export gives back what was imported. */
export function storedBody(body: unknown): string {
  return JSON.stringify(body);
}

export async function insertDefinition(
  db: Kysely<Database>,
  input: { kind: string; key: string; version: number; status: DefinitionStatus; body: unknown; createdBy: string; at: string },
): Promise<DefinitionRow> {
  const row: DefinitionRow = {
    id: newId(),
    kind: input.kind,
    key: input.key,
    version: input.version,
    status: input.status,
    body: storedBody(input.body),
    content_hash: hashOf(input.body),
    created_by: input.createdBy,
    created_at: input.at,
    updated_at: input.at,
    published_at: input.status === 'published' ? input.at : null,
    retired_at: null,
    row_version: 1,
  };
  await db.insertInto('definitions').values(row).execute();
  return row;
}

export function findDefinition(db: Kysely<Database>, kind: string, key: string, version: number): Promise<DefinitionRow | undefined> {
  return db.selectFrom('definitions').selectAll().where('kind', '=', kind).where('key', '=', key).where('version', '=', version).executeTakeFirst();
}

/** The newest published version of kind/key. */
export function findLatestPublished(db: Kysely<Database>, kind: string, key: string): Promise<DefinitionRow | undefined> {
  return db
    .selectFrom('definitions')
    .selectAll()
    .where('kind', '=', kind)
    .where('key', '=', key)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function nextVersion(db: Kysely<Database>, kind: string, key: string): Promise<number> {
  const row = await db.selectFrom('definitions').select((eb) => eb.fn.max('version').as('max')).where('kind', '=', kind).where('key', '=', key).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** Every published definition, newest version of each last: the registry drafts are linted against. */
export function publishedDefinitions(db: Kysely<Database>): Promise<DefinitionRow[]> {
  return db.selectFrom('definitions').selectAll().where('status', '=', 'published').orderBy('kind').orderBy('key').orderBy('version').execute();
}

export function parseBody(row: DefinitionRow): Record<string, unknown> {
  return JSON.parse(row.body) as Record<string, unknown>;
}
