import type { Kysely } from 'kysely';
import { compileRubric, type CompiledRubric } from '../../runtime/rubric/index';
import { definitionSchemas } from '../../runtime/schema/kinds';
import { findDefinition, findLatestPublished } from '../db/repositories/definition-repository';
import type { Database, DefinitionRow } from '../db/types';
import { problems } from '../errors';

// Keyed by content hash: a compiled rubric depends only on its body, so one cache serves every database.
const compiledByHash = new Map<string, CompiledRubric>();

export function compileRow(row: DefinitionRow): CompiledRubric {
  let rubric = compiledByHash.get(row.content_hash);
  if (rubric === undefined) {
    rubric = compileRubric(definitionSchemas.rubric.parse(JSON.parse(row.body)));
    compiledByHash.set(row.content_hash, rubric);
  }
  return rubric;
}

/** A published (or retired) rubric version, compiled; 404 when there is none. */
export async function publishedRubric(db: Kysely<Database>, key: string, version?: number): Promise<CompiledRubric> {
  const row = version === undefined ? await findLatestPublished(db, 'rubric', key) : await findDefinition(db, 'rubric', key, version);
  if (row === undefined || row.status === 'draft') throw problems.notFound(`published rubric ${key}${version === undefined ? '' : `@${version}`}`);
  return compileRow(row);
}
