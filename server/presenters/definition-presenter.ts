import type { DefinitionRow } from '../db/types';

export function presentDefinitionSummary(row: DefinitionRow) {
  return {
    kind: row.kind,
    key: row.key,
    version: row.version,
    status: row.status,
    contentHash: row.content_hash,
    createdBy: row.created_by,
    createdAt: row.created_at,
    publishedAt: row.published_at,
    retiredAt: row.retired_at,
    rowVersion: row.row_version,
  };
}

export function presentDefinition(row: DefinitionRow) {
  return { ...presentDefinitionSummary(row), body: JSON.parse(row.body) as Record<string, unknown> };
}

/** The file name a definition carries in lint problems raised over the API. */
export function definitionFileName(kind: string, key: string, version: number): string {
  return `${kind}/${key}@${version}`;
}
