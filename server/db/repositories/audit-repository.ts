import type { Kysely } from 'kysely';
import { canonicalJson, sha256 } from '../../util/canonical-json';
import type { Database } from '../types';
import { writersExclusive } from '../dialects/direct-statements';
import { prepared } from './prepared';

export interface AuditEntry {
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  beforeHash: string | null;
  afterHash: string | null;
  at: string;
}

export const genesisHash = '0'.repeat(64);

/**
 * Appends one row to the hash-chained audit log, inside the caller's transaction. On PostgreSQL, bumping
 * the single head row first takes its row lock, so concurrent appends from several servers queue there
 * and the chain never forks. On SQLite the write transaction already excludes every other writer, so the
 * newest row is the head: one read of the table's last row instead of two writes to a head row per
 * mutation (the head row is left at genesis there and read by nothing).
 */
export async function appendAudit(trx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const exclusive = writersExclusive(trx);
  // Reading the head and appending must be one transaction; every caller passes one, but be sure.
  if (exclusive && !trx.isTransaction) return trx.transaction().execute((inner) => appendAudit(inner, entry));
  const head = exclusive ? ((await lastEntry(trx, {})).rows[0] ?? { seq: 0, hash: genesisHash }) : (await bumpHead(trx, {})).rows[0];
  if (head === undefined) throw new Error('audit_head row missing');
  const row = {
    seq: exclusive ? head.seq + 1 : head.seq,
    actor_id: entry.actorId,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    before_hash: entry.beforeHash,
    after_hash: entry.afterHash,
    at: entry.at,
    prev_hash: head.hash,
  };
  const hash = chainHash(head.hash, row);
  await insertEntry(trx, { ...row, hash });
  if (!exclusive) await setHeadHash(trx, { hash });
}

const lastEntry = prepared<never, { seq: number; hash: string }>((db) => db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1));
const bumpHead = prepared<never, { seq: number; hash: string }>((db) => db.updateTable('audit_head').set((eb) => ({ seq: eb('seq', '+', 1) })).where('id', '=', 1).returning(['seq', 'hash']));
const entryColumns = ['seq', 'actor_id', 'action', 'target_type', 'target_id', 'before_hash', 'after_hash', 'at', 'prev_hash', 'hash'] as const;
const insertEntry = prepared<(typeof entryColumns)[number], never>((db, p) => db.insertInto('audit_log').values(Object.fromEntries(entryColumns.map((column) => [column, p(column)])) as never));
const setHeadHash = prepared<'hash', never>((db, p) => db.updateTable('audit_head').set({ hash: p('hash') }).where('id', '=', 1));

/** hash = sha256(prev_hash + canonical JSON of the row without its own hash). */
export function chainHash(prevHash: string, row: Record<string, unknown>): string {
  return sha256(prevHash + canonicalJson(row));
}

/** Recomputes the chain; returns the first broken seq, or null when intact. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<number | null> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  let prev = genesisHash;
  for (const { hash, ...row } of rows) {
    if (row.prev_hash !== prev || chainHash(prev, row) !== hash) return row.seq;
    prev = hash;
  }
  return null;
}
