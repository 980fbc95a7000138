/** The definition routes the designer calls (server/routes/definitions/schema.ts, server/routes/rubrics/schema.ts). */
import type { LocalizedText } from '../../runtime/schema/common';
import { api, type Client } from '../api/client';
import type { DefinitionStatus } from '../api/endpoints';

export type DefinitionBody = Record<string, unknown>;

export interface DefinitionSummary {
  kind: string;
  key: string;
  /** The body's title; null for a draft saved without one. */
  title: { 'zh-CN': string; en?: string } | null;
  version: number;
  status: DefinitionStatus;
  contentHash: string;
  createdBy: string;
  createdAt: string;
  publishedAt: string | null;
  retiredAt: string | null;
  rowVersion: number;
}

export interface StoredDefinitionRow extends DefinitionSummary {
  body: DefinitionBody;
}

export interface LintProblem {
  file: string;
  pointer: string;
  code: string;
  severity: 'error' | 'warning';
  message: LocalizedText;
}

export interface LintResult {
  errors: number;
  warnings: number;
  problems: LintProblem[];
}

export interface DiffChange {
  op: 'add' | 'remove' | 'replace';
  pointer: string;
  from?: unknown;
  to?: unknown;
}

export interface TierCounts {
  [tier: string]: number;
}

export interface UnitChange {
  unitId: string;
  parentId?: string;
  before: { score: number; tier: string };
  after: { score: number; tier: string };
}

export interface ImpactSummary {
  changed: UnitChange[];
  tiers: { before: TierCounts; after: TierCounts };
  byParent: Record<string, { before: TierCounts; after: TierCounts; changed: number }>;
}

export interface ImpactPreviewResponse {
  published: { key: string; version: number };
  candidate: { version: number };
  period: { from: string; to: string };
  preview: ImpactSummary & { units: number; scoringUnchanged: boolean };
}

const path = (kind: string, key: string) => `/api/definitions/${encodeURIComponent(kind)}/${encodeURIComponent(key)}`;

export function designerApi(client: Client = api) {
  return {
    list: (query: { kind?: string; key?: string; status?: DefinitionStatus } = {}) =>
      client.get<{ items: DefinitionSummary[] }>('/api/definitions', { query }),
    get: (kind: string, key: string, version?: number) => client.get<StoredDefinitionRow>(path(kind, key), { query: { version } }),
    createDraft: (kind: string, key: string, body: DefinitionBody) => client.post<StoredDefinitionRow>(`${path(kind, key)}/drafts`, body),
    updateDraft: (row: Pick<StoredDefinitionRow, 'kind' | 'key' | 'version' | 'rowVersion'>, body: DefinitionBody) =>
      client.put<StoredDefinitionRow>(`${path(row.kind, row.key)}/versions/${row.version}`, body, { headers: { 'If-Match': `"${row.rowVersion}"` } }),
    lint: (kind: string, key: string, body: DefinitionBody) => client.post<LintResult>(`${path(kind, key)}/lint`, { body }),
    publish: (kind: string, key: string, version: number) => client.post<StoredDefinitionRow>(`${path(kind, key)}/versions/${version}/publish`),
    retire: (kind: string, key: string, version: number) => client.post<StoredDefinitionRow>(`${path(kind, key)}/versions/${version}/retire`),
    diff: (kind: string, key: string, from: number, to: number) =>
      client.get<{ from: number; to: number; changes: DiffChange[] }>(`${path(kind, key)}/diff`, { query: { from, to } }),
    rubricPreview: (key: string, definition: DefinitionBody, year: number) =>
      client.post<ImpactPreviewResponse>(`/api/rubrics/${encodeURIComponent(key)}/preview`, { definition, year }),
  };
}

export type DesignerApi = ReturnType<typeof designerApi>;
