/**
 * The checks a backup, a restored copy or a database after a crash must pass: the engine's own integrity
 * check (SQLite), the audit hash chain end to end, and every workflow instance consistent with its history
 * (no half-written transition: as many history rows as the instance says it took, and the history folds
 * back into exactly the stored instance).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { definitionSchemas } from '../../runtime/schema/kinds';
import type { WorkflowDefinition } from '../../runtime/schema/workflow';
import { replay } from '../../runtime/workflow/index';
import type { HistoryEntry, WorkflowInstance } from '../../runtime/workflow/types';
import type { DatabaseHandle } from '../db/dialects/dialect';
import { verifyAuditChain } from '../db/repositories/audit-repository';
import type { Database } from '../db/types';
import { defaultCalendar } from '../engine/context';
import { canonicalJson } from '../util/canonical-json';

export interface IntegrityReport {
  /** SQLite's `PRAGMA integrity_check` answer ("ok"), or null on PostgreSQL. */
  engineCheck: string | null;
  auditRows: number;
  /** First audit row whose hash does not verify, or null. */
  auditBrokenAt: number | null;
  instances: number;
  /** Instances whose history rows disagree with the stored instance, with the reason. */
  inconsistent: { id: string; reason: string }[];
}

export function isIntact(report: IntegrityReport): boolean {
  return (report.engineCheck === null || report.engineCheck === 'ok') && report.auditBrokenAt === null && report.inconsistent.length === 0;
}

export async function checkIntegrity(handle: DatabaseHandle): Promise<IntegrityReport> {
  const db = handle.db;
  let engineCheck: string | null = null;
  if (handle.capabilities.name === 'sqlite') {
    const rows = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
    engineCheck = rows.rows.map((row) => row.integrity_check).join('; ');
  }
  const auditRows = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const auditBrokenAt = await verifyAuditChain(db);
  const { count, inconsistent } = await checkInstances(db);
  return { engineCheck, auditRows, auditBrokenAt, instances: count, inconsistent };
}

async function checkInstances(db: Kysely<Database>): Promise<{ count: number; inconsistent: { id: string; reason: string }[] }> {
  const definitions = new Map<string, WorkflowDefinition>();
  for (const row of await db.selectFrom('definitions').select(['key', 'version', 'body']).where('kind', '=', 'workflow').where('status', '!=', 'draft').execute()) {
    definitions.set(`${row.key}@${row.version}`, definitionSchemas.workflow.parse(JSON.parse(row.body)));
  }
  const inconsistent: { id: string; reason: string }[] = [];
  let count = 0;
  let after = '';
  // In pages, so a district's 20k orders a year do not sit in memory at once.
  for (;;) {
    const rows = await db.selectFrom('workflow_instances').select(['id', 'definition_key', 'definition_version', 'snapshot', 'version']).where('id', '>', after).orderBy('id').limit(500).execute();
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const histories = new Map<string, HistoryEntry[]>();
    for (const entry of await db.selectFrom('history').select(['instance_id', 'seq', 'data']).where('instance_id', 'in', rows.map((r) => r.id)).orderBy('instance_id').orderBy('seq').execute()) {
      const list = histories.get(entry.instance_id) ?? [];
      list.push(JSON.parse(entry.data ?? '{}') as HistoryEntry);
      histories.set(entry.instance_id, list);
    }
    for (const row of rows) {
      count++;
      const snapshot = JSON.parse(row.snapshot) as Omit<WorkflowInstance, 'history'>;
      const history = histories.get(row.id) ?? [];
      const reason = instanceFault(snapshot, history, row.version, (v) => definitions.get(`${row.definition_key}@${v}`));
      if (reason !== null) inconsistent.push({ id: row.id, reason });
    }
  }
  return { count, inconsistent };
}

function instanceFault(snapshot: Omit<WorkflowInstance, 'history'>, history: HistoryEntry[], rowVersion: number, definitionOf: (version: number) => WorkflowDefinition | undefined): string | null {
  if (history.length === 0) return 'no history';
  const gaps = history.findIndex((entry, index) => entry.seq !== history[0]!.seq + index);
  if (gaps !== -1) return `history seq jumps at ${history[gaps]!.seq}`;
  // Every accepted command bumps both; an instance row ahead of or behind its history is a torn write.
  if (rowVersion !== snapshot.revision) return `row version ${rowVersion} but revision ${snapshot.revision}`;
  if (definitionOf(snapshot.version) === undefined) return `workflow version ${snapshot.version} not published`;
  const folded = replay((v) => definitionOf(v), { id: snapshot.id, unit: snapshot.unit, version: snapshot.version }, history, { org: { ancestors: [], holders: () => [] }, calendar: defaultCalendar });
  if (!folded.ok) return `history does not replay: ${folded.rejection.code}`;
  if (canonicalJson(folded.instance) !== canonicalJson({ ...snapshot, history })) return 'history replays to a different instance';
  return null;
}
