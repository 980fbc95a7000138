/**
 * Multi-row writes of workflow instances. Each runs in one transaction: the engine's new state, the
 * history it appended, the task rows, timers, outbox rows, the audit row and the idempotency record are
 * committed together or not at all, so a refused or failed command changes nothing.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../auth/actor';
import { withCandidates } from '../engine/action-candidates';
import { appendAudit } from '../db/repositories/audit-repository';
import { appendHistory, executeEffects, findVisibleInstance, insertInstance, loadEngineInstance, saveInstance, syncTasks } from '../db/repositories/instance-repository';
import { prepared } from '../db/repositories/prepared';
import { OrgScope } from '../db/scope';
import type { Database, IdempotencyKeyTable, InstanceRow, TimerRow } from '../db/types';
import type { AppDeps } from '../deps';
import { buildContext, serviceItemDurations } from '../engine/context';
import { toEngineActor } from '../engine/engine-actor';
import { instanceViewFor } from '../engine/personal-data';
import type { AvailableAction, WorkflowInstance } from '../engine/port';
import { ProblemError, problems } from '../errors';
import { presentInstance, type InstanceView } from '../presenters/instance-presenter';
import { canonicalJson, sha256 } from '../util/canonical-json';
import { newId } from '../util/ids';
import { rejectionProblem } from './rejection-problem';

type CommandDeps = Pick<AppDeps, 'database' | 'clock' | 'engine' | 'definitions'>;

export interface StartRequest {
  workflow: string;
  orgUnitId: string;
  data: Record<string, unknown>;
}

export async function startWorkflow(deps: CommandDeps, actor: Actor, request: StartRequest): Promise<InstanceView> {
  const now = deps.clock();
  const at = now.toISOString();
  return deps.database.unitOfWork(async (trx) => {
    const unit = await trx.selectFrom('org_units').select(['id', 'path', 'active']).where('id', '=', request.orgUnitId).executeTakeFirst();
    if (unit === undefined || unit.active !== 1) throw problems.notFound('org unit');
    const scope = new OrgScope(actor);
    const own = actor.memberships.some((m) => m.orgUnitId === unit.id);
    if (!scope.covers(unit.path) && !own) throw problems.forbidden('You may start workflows only at your own units.');
    const definition = await deps.definitions.workflow(trx, request.workflow);
    if (definition === undefined) throw problems.notFound('published workflow');
    const { context: orgContext, orgPath, teamIds } = await buildContext(trx, deps.definitions, now, unit.id, request.data);
    const context = { ...orgContext, ...(await serviceItemDurations(trx, deps.definitions, now, request.data)) };
    const outcome = deps.engine.start(definition, { id: newId(now.getTime()), unit: unit.id, actor: toEngineActor(actor), input: request.data }, context);
    if (!outcome.ok) throw rejectionProblem(outcome.rejection);
    const row = await insertInstance(trx, outcome.instance, orgPath, actor.userId, at);
    await syncTasks(trx, null, outcome.instance, orgPath, teamIds, at);
    await executeEffects(trx, outcome.instance.id, outcome.effects, at);
    await appendAudit(trx, { actorId: actor.userId, action: 'instance.start', targetType: 'instance', targetId: row.id, beforeHash: null, afterHash: sha256(row.snapshot), at });
    return presentInstance(row, outcome.instance, deps.engine.actions(definition, outcome.instance, toEngineActor(actor), context));
  });
}

export interface CommandRequest {
  instanceId: string;
  event: string;
  data?: unknown;
  comment?: string | undefined;
  target?: string | undefined;
  position?: 'before' | 'after' | undefined;
  expectedVersion: number;
  idempotencyKey?: string | undefined;
}

export interface CommandResponse {
  status: number;
  body: InstanceView;
  replayed: boolean;
  /** `body` as JSON text, serialised once: stored for replays and fit to be sent as it is. */
  json: string;
}

/** Applies one command for a person. Stale versions → 412; engine refusals → their problems; replays → the first response. */
export async function runCommand(deps: CommandDeps, actor: Actor, request: CommandRequest): Promise<CommandResponse> {
  const requestHash = sha256(canonicalJson({ ...request, idempotencyKey: undefined }));
  return deps.database.unitOfWork(async (trx) => {
    const replay = async (): Promise<CommandResponse | undefined> => {
      if (request.idempotencyKey === undefined) return undefined;
      const previous = (await findIdempotencyKey(trx, { actor: actor.userId, key: request.idempotencyKey })).rows[0];
      if (previous === undefined) return undefined;
      if (previous.request_hash !== requestHash) {
        throw problems.unprocessable('idempotency-key-reused', 'Idempotency-Key reused', 'This Idempotency-Key was used for a different request.', { rule: 'idempotency-key' });
      }
      return { status: previous.response_status, body: JSON.parse(previous.response_body) as InstanceView, replayed: true, json: previous.response_body };
    };
    const earlier = await replay();
    if (earlier !== undefined) return earlier;
    let body: InstanceView;
    try {
      const row = await findVisibleInstance(trx, new OrgScope(actor), request.instanceId);
      if (row.version !== request.expectedVersion) throw problems.preconditionFailed(`The instance is at version ${row.version}.`, row.version);
      body = await applyToInstance(trx, deps, actor, row, { event: request.event, data: request.data, comment: request.comment, target: request.target, position: request.position });
    } catch (error) {
      // Lost a race to the same request sent twice at once: nothing was written yet, and the winner's
      // committed response is visible now, so answer with it.
      if (error instanceof ProblemError && error.problem.status === 412) {
        const winner = await replay();
        if (winner !== undefined) return winner;
      }
      throw error;
    }
    const json = JSON.stringify(body);
    if (request.idempotencyKey !== undefined) {
      const stored = await storeIdempotencyKey(trx, { actor: actor.userId, key: request.idempotencyKey, hash: requestHash, body: json, at: deps.clock().toISOString() });
      // The same key sent twice at once on another path: the other request committed first. Roll back; a retry replays.
      if (Number(stored.numAffectedRows ?? 0n) !== 1) throw problems.conflict('A request with this Idempotency-Key is being processed; retry to get its response.');
    }
    return { status: 200, body, replayed: false, json };
  });
}

const findIdempotencyKey = prepared<'actor' | 'key', Selectable<IdempotencyKeyTable>>((db, p) => db.selectFrom('idempotency_keys').selectAll().where('actor_id', '=', p('actor')).where('key', '=', p('key')));
const storeIdempotencyKey = prepared<'actor' | 'key' | 'hash' | 'body' | 'at', never>((db, p) =>
  db
    .insertInto('idempotency_keys')
    .values({ actor_id: p('actor'), key: p('key'), request_hash: p('hash'), response_status: 200, response_body: p('body'), created_at: p('at') })
    .onConflict((conflict) => conflict.columns(['actor_id', 'key']).doNothing()),
);

interface EngineCommandInput {
  event: string;
  data?: unknown;
  comment?: string | undefined;
  target?: string | undefined;
  position?: 'before' | 'after' | undefined;
  timer?: string | undefined;
}

async function applyToInstance(trx: Kysely<Database>, deps: CommandDeps, actor: Actor, row: InstanceRow, input: EngineCommandInput): Promise<InstanceView> {
  const now = deps.clock();
  const at = now.toISOString();
  const definition = await deps.definitions.workflow(trx, row.definition_key, row.definition_version);
  if (definition === undefined) throw problems.conflict(`Workflow ${row.definition_key}@${row.definition_version} is not available.`);
  const instance = await loadEngineInstance(trx, row);
  const { context: orgContext, orgPath, teamIds } = await buildContext(trx, deps.definitions, now, row.org_unit_id, input.data, instance.data, instance.vars);
  const context = { ...orgContext, ...(await serviceItemDurations(trx, deps.definitions, now, instance.input)) };
  const engineActor = toEngineActor(actor);
  const outcome = deps.engine.apply(
    definition,
    instance,
    {
      event: input.event,
      actor: engineActor,
      expectedRevision: instance.revision,
      ...(input.data === undefined ? {} : { data: input.data }),
      ...(input.comment === undefined ? {} : { comment: input.comment }),
      ...(input.target === undefined ? {} : { target: input.target }),
      ...(input.position === undefined ? {} : { position: input.position }),
      ...(input.timer === undefined ? {} : { timer: input.timer }),
    },
    context,
  );
  if (!outcome.ok) throw rejectionProblem(outcome.rejection);
  const saved = await saveInstance(trx, outcome.instance, row, at);
  if (saved === null) throw problems.preconditionFailed('The instance changed while the command ran.');
  await appendHistory(trx, outcome.instance, instance.history.length);
  await syncTasks(trx, instance, outcome.instance, orgPath, teamIds, at);
  await executeEffects(trx, row.id, outcome.effects, at);
  await appendAudit(trx, { actorId: actor.userId, action: `instance.${input.event}`, targetType: 'instance', targetId: row.id, beforeHash: sha256(row.snapshot), afterHash: sha256(saved.snapshot), at });
  const view = presentInstance(saved, outcome.instance, actor.system ? [] : await withCandidates(trx, outcome.instance, deps.engine.actions(definition, outcome.instance, engineActor, context)));
  return instanceViewFor(actor, view, saved.org_path, definition, await deps.definitions.formLookup(trx));
}

/**
 * The instance with its history and what the actor may do now, personal fields masked unless the actor
 * may see them (server/engine/personal-data.ts).
 */
export async function readInstance(deps: CommandDeps, actor: Actor, id: string): Promise<InstanceView> {
  const db = deps.database.db;
  const scope = new OrgScope(actor);
  const row = await findVisibleInstance(db, scope, id);
  const instance = await loadEngineInstance(db, row);
  const definition = await deps.definitions.workflow(db, row.definition_key, row.definition_version);
  let actions: AvailableAction[] = [];
  if (definition !== undefined && !instance.final) {
    const { context } = await buildContext(db, deps.definitions, deps.clock(), row.org_unit_id, instance.data, instance.vars);
    actions = await withCandidates(db, instance, deps.engine.actions(definition, instance, toEngineActor(actor), context));
  }
  return instanceViewFor(actor, presentInstance(row, instance, actions), row.org_path, definition, await deps.definitions.formLookup(db));
}

/**
 * Fires one claimed timer as the system actor. The timer row is marked fired in the same transaction as
 * the state change, so a timer fires exactly once even when the process dies between claim and fire.
 * The instance row is locked first (PostgreSQL), so two servers firing two timers of one instance queue
 * instead of one of them losing the race. An engine refusal (the state moved on) still marks the timer
 * fired: it must not fire again; any other failure rolls back and the timer is retried.
 */
export async function fireTimer(trx: Kysely<Database>, deps: CommandDeps, actor: Actor, timer: TimerRow): Promise<'fired' | 'refused'> {
  const at = deps.clock().toISOString();
  let lookup = trx.selectFrom('workflow_instances').selectAll().where('id', '=', timer.instance_id);
  if (deps.database.capabilities.supportsRowLocks) lookup = lookup.forUpdate();
  const row = await lookup.executeTakeFirst();
  const marked = await trx.updateTable('timers').set({ fired_at: at, version: timer.version + 1 }).where('id', '=', timer.id).where('fired_at', 'is', null).where('version', '=', timer.version).executeTakeFirst();
  if (Number(marked.numUpdatedRows) !== 1 || row === undefined) return 'refused';
  try {
    await applyToInstance(trx, deps, actor, row, { event: 'timer', timer: timer.name });
    return 'fired';
  } catch (error) {
    // Refusals are thrown before anything is written; a lost race (412) or any other error rolls back.
    if (error instanceof ProblemError && error.problem.status !== 412 && error.problem.status < 500) return 'refused';
    throw error;
  }
}

export type { WorkflowInstance };
