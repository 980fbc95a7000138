import { parseBody } from '../db/repositories/definition-repository';
import type { DefinitionRow } from '../db/types';

interface Title {
  'zh-CN': string;
  en?: string;
}

/** The body's bilingual title, which every kind carries; null for a draft saved without one. */
function titleOf(body: Record<string, unknown>): Title | null {
  const title = body.title;
  if (typeof title !== 'object' || title === null) return null;
  const { 'zh-CN': zh, en } = title as Record<string, unknown>;
  if (typeof zh !== 'string') return null;
  return typeof en === 'string' ? { 'zh-CN': zh, en } : { 'zh-CN': zh };
}

export function presentDefinitionSummary(row: DefinitionRow, body: Record<string, unknown> = parseBody(row)) {
  return {
    kind: row.kind,
    key: row.key,
    title: titleOf(body),
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
  // Parsed once for both the summary's title and the body.
  const body = parseBody(row);
  return { ...presentDefinitionSummary(row, body), body };
}

/** The file name a definition carries in lint problems raised over the API. */
export function definitionFileName(kind: string, key: string, version: number): string {
  return `${kind}/${key}@${version}`;
}
