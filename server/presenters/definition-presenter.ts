import type { DefinitionRow } from '../db/types';

interface Title {
  'zh-CN': string;
  en?: string;
}

/** The body's bilingual title, which every kind carries; null for a draft saved without one. */
function titleOf(body: string): Title | null {
  const title = (JSON.parse(body) as { title?: unknown }).title;
  if (typeof title !== 'object' || title === null) return null;
  const { 'zh-CN': zh, en } = title as Record<string, unknown>;
  if (typeof zh !== 'string') return null;
  return typeof en === 'string' ? { 'zh-CN': zh, en } : { 'zh-CN': zh };
}

export function presentDefinitionSummary(row: DefinitionRow) {
  return {
    kind: row.kind,
    key: row.key,
    title: titleOf(row.body),
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
