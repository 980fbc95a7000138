/**
 * Publishes the service item of an approved 制单 proposal into the menu. The proposal workflow's approval
 * emits a `record` effect of type `serviceItemPublication` (definitions are data, so the effect names what
 * should happen and the server does it); this handler consumes those outbox rows. Each proposal is
 * published in one transaction with its outbox row marked done, so it happens exactly once even with
 * several servers (the proposal row is claimed by a version-checked update).
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Actor } from '../auth/actor';
import { createDraft, lintAgainstRegistry, publishDefinition } from '../commands/definition-commands';
import { appendAudit } from '../db/repositories/audit-repository';
import type { DialectCapabilities } from '../db/dialects/dialect';
import type { Database } from '../db/types';
import type { AppDeps } from '../deps';
import type { Logger } from '../errors';
import { periodic, type PeriodicWorker } from '../workers/periodic';

export const publicationRecordType = 'serviceItemPublication';

export type PublisherDeps = Pick<AppDeps, 'database' | 'clock'> & { log: Logger };

export type NeedsPublisher = PeriodicWorker<number>;

/**
 * Outbox rows of approved proposals still to publish, oldest first. The predicate is spelled as in the
 * partial index `outbox_publications_pending` (migration 0111), with literals, so that the lookup reads
 * only the publications waiting and not every undelivered record effect ever written.
 */
export function pendingPublications(db: Kysely<Database>, capabilities: DialectCapabilities) {
  const recordType = capabilities.name === 'postgres' ? sql`(outbox.payload::jsonb ->> 'record')` : sql`json_extract(outbox.payload, '$.record')`;
  return db
    .selectFrom('outbox')
    .innerJoin('need_proposals', 'need_proposals.instance_id', 'outbox.instance_id')
    .select(['outbox.id as outboxId', 'outbox.payload', 'need_proposals.id as proposalId'])
    .where(sql<SqlBool>`outbox.kind = ${sql.lit('record')} and outbox.delivered_at is null and ${recordType} = ${sql.lit(publicationRecordType)}`)
    .where('need_proposals.status', '=', 'proposed')
    .orderBy('outbox.created_at')
    .limit(50);
}

/** The district admin whose approval finished the workflow: the item is published in their name. */
async function approver(db: Kysely<Database>, instanceId: string): Promise<Actor> {
  const last = await db.selectFrom('history').select('actor_id').where('instance_id', '=', instanceId).where('to_state', '=', 'approved').orderBy('seq', 'desc').executeTakeFirst();
  const userId = last?.actor_id ?? 'system';
  return { userId, username: userId, displayName: userId, memberships: [], system: userId === 'system' };
}

async function publishOne(deps: PublisherDeps, outboxId: string, proposalId: string): Promise<boolean> {
  const at = deps.clock().toISOString();
  return deps.database.db.transaction().execute(async (trx) => {
    const proposal = await trx.selectFrom('need_proposals').selectAll().where('id', '=', proposalId).where('status', '=', 'proposed').executeTakeFirst();
    if (proposal === undefined) return false;
    const claimed = await trx.updateTable('need_proposals').set({ version: proposal.version + 1 }).where('id', '=', proposal.id).where('version', '=', proposal.version).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return false;
    const actor = await approver(trx, proposal.instance_id);
    const body = JSON.parse(proposal.item) as Record<string, unknown>;
    // The registry may have changed since the proposal was linted (a category retired): then record why
    // and do not retry, rather than publish an item the menu cannot hold.
    const errors = (await lintAgainstRegistry(trx, 'serviceItem', proposal.service_item_key, 1, body)).filter((problem) => problem.severity === 'error');
    let outcome: { status: 'published'; version: number } | { status: 'failed'; failure: string };
    if (errors.length > 0) outcome = { status: 'failed', failure: JSON.stringify(errors) };
    else {
      const draft = await createDraft(trx, actor, 'serviceItem', proposal.service_item_key, body, at);
      const published = await publishDefinition(trx, actor, 'serviceItem', draft.key, draft.version, at);
      outcome = { status: 'published', version: published.version };
    }
    await trx
      .updateTable('need_proposals')
      .set(
        outcome.status === 'published'
          ? { status: 'published', service_item_version: outcome.version, published_at: at, version: proposal.version + 2 }
          : { status: 'failed', failure: outcome.failure, version: proposal.version + 2 },
      )
      .where('id', '=', proposal.id)
      .execute();
    await trx.updateTable('outbox').set({ delivered_at: at }).where('id', '=', outboxId).execute();
    await appendAudit(trx, { actorId: actor.userId, action: `proposal.${outcome.status === 'published' ? 'publish' : 'publishFailed'}`, targetType: 'proposal', targetId: proposal.id, beforeHash: null, afterHash: null, at });
    return outcome.status === 'published';
  });
}

/** Publishes every pending approved proposal; returns how many were published. */
export async function publishApprovedProposals(deps: PublisherDeps): Promise<number> {
  let published = 0;
  for (const row of await pendingPublications(deps.database.db, deps.database.capabilities).execute()) if (await publishOne(deps, row.outboxId, row.proposalId)) published++;
  return published;
}

/** Runs `publishApprovedProposals` every `intervalMs`, one pass at a time. */
export function startNeedsPublisher(deps: PublisherDeps, intervalMs: number): NeedsPublisher {
  return periodic(() => publishApprovedProposals(deps), { intervalMs, idle: 0, log: deps.log, failure: 'needs publisher failed' });
}
