/**
 * Starting and advancing a workflow instance inside a transaction the caller already holds, so a survey
 * proposal or a wish and its instance are written together or not at all. Same steps as
 * commands/instance-commands.ts (which opens its own transaction): engine, instance row, history, tasks,
 * effects, audit.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import { rejectionProblem } from '../commands/rejection-problem';
import { appendAudit } from '../db/repositories/audit-repository';
import { appendHistory, executeEffects, insertInstance, loadEngineInstance, saveInstance, syncTasks } from '../db/repositories/instance-repository';
import type { Database, InstanceRow } from '../db/types';
import type { AppDeps } from '../deps';
import { buildContext } from '../engine/context';
import { toEngineActor } from '../engine/engine-actor';
import type { WorkflowInstance } from '../engine/port';
import { problems } from '../errors';
import { sha256 } from '../util/canonical-json';
import { newId } from '../util/ids';

export type EngineDeps = Pick<AppDeps, 'clock' | 'engine' | 'definitions'>;

export interface Stepped {
  row: InstanceRow;
  instance: WorkflowInstance;
}

/** Starts `workflow` at `unitId` as `actor` (who becomes the initiator). Engine refusals become their problems. */
export async function startIn(trx: Kysely<Database>, deps: EngineDeps, actor: Actor, workflow: string, unitId: string, input: Record<string, unknown>): Promise<Stepped> {
  const now = deps.clock();
  const at = now.toISOString();
  const definition = await deps.definitions.workflow(trx, workflow);
  if (definition === undefined) throw problems.notFound(`published workflow ${workflow}`);
  const { context, orgPath, teamIds } = await buildContext(trx, deps.definitions, now, unitId, input);
  const outcome = deps.engine.start(definition, { id: newId(now.getTime()), unit: unitId, actor: toEngineActor(actor), input }, context);
  if (!outcome.ok) throw rejectionProblem(outcome.rejection);
  const row = await insertInstance(trx, outcome.instance, orgPath, actor.userId, at);
  await syncTasks(trx, null, outcome.instance, orgPath, teamIds, at);
  await executeEffects(trx, outcome.instance.id, outcome.effects, at);
  await appendAudit(trx, { actorId: actor.userId, action: 'instance.start', targetType: 'instance', targetId: row.id, beforeHash: null, afterHash: sha256(row.snapshot), at });
  return { row, instance: outcome.instance };
}

/** Applies one event to a stored instance; a concurrent change of the instance is a 409. */
export async function applyIn(trx: Kysely<Database>, deps: EngineDeps, actor: Actor, row: InstanceRow, event: string, data?: Record<string, unknown>): Promise<Stepped> {
  const now = deps.clock();
  const at = now.toISOString();
  const definition = await deps.definitions.workflow(trx, row.definition_key, row.definition_version);
  if (definition === undefined) throw problems.conflict(`Workflow ${row.definition_key}@${row.definition_version} is not available.`);
  const instance = await loadEngineInstance(trx, row);
  const { context, orgPath, teamIds } = await buildContext(trx, deps.definitions, now, row.org_unit_id, data, instance.data, instance.vars);
  const command = { event, actor: toEngineActor(actor), expectedRevision: instance.revision, ...(data === undefined ? {} : { data }) };
  const outcome = deps.engine.apply(definition, instance, command, context);
  if (!outcome.ok) throw rejectionProblem(outcome.rejection);
  const saved = await saveInstance(trx, outcome.instance, row, at);
  if (saved === null) throw problems.conflict('The order changed while this ran; reload and try again.');
  await appendHistory(trx, outcome.instance, instance.history.length);
  await syncTasks(trx, instance, outcome.instance, orgPath, teamIds, at);
  await executeEffects(trx, row.id, outcome.effects, at);
  await appendAudit(trx, { actorId: actor.userId, action: `instance.${event}`, targetType: 'instance', targetId: row.id, beforeHash: sha256(row.snapshot), afterHash: sha256(saved.snapshot), at });
  return { row: saved, instance: outcome.instance };
}
