import type { WorkflowDefinition } from '../schema/workflow';
import { commit, draftOf, fire, move, newRun, startWith, type Authority } from './engine';
import { evaluate, variablesOf } from './expressions';
import { migrate } from './migration';
import { reject } from './rejections';
import { applyTaskAction, isTaskAction } from './task-actions';
import { fireTimer } from './timer-firing';
import { MIGRATE_EVENT, START_EVENT, type Actor, type Command, type HistoryEntry, type Outcome, type WorkflowContext, type WorkflowInstance } from './types';

/** The definition of each version an instance ran on (a migration switches versions mid-history). */
export type DefinitionsByVersion = WorkflowDefinition | ((version: number) => WorkflowDefinition | undefined);

/**
 * Folds a history into the instance it produced. Checks that needed the world at the time (roles,
 * forms, guards over the actor) are not repeated; recorded facts (assignees, escalation levels,
 * votes) are used instead, so the result does not depend on today's org tree. The context supplies
 * only the calendar and timer overrides; each entry supplies its own time.
 *
 * Equal to the stored instance for every history the engine wrote: a property test holds it to that.
 */
export function replay(definitions: DefinitionsByVersion, seed: { id: string; unit: string; version?: number }, history: readonly HistoryEntry[], context: Omit<WorkflowContext, 'now'>): Outcome {
  const byVersion = typeof definitions === 'function' ? definitions : () => definitions;
  const first = history[0];
  if (!first || first.event !== START_EVENT) return reject.notAvailable(START_EVENT, '', []);
  const actorOf = (id: string): Actor => ({ id, roles: [] });
  // The version it started on: the first migration's source, else the seed's, else the only one given.
  const startVersion = history.find((e) => e.migration)?.migration?.fromVersion ?? seed.version ?? 0;
  let definition = byVersion(startVersion);
  if (!definition) return reject.mismatch('definition', 'unknown version');
  let outcome = startWith(
    definition,
    { id: seed.id, unit: seed.unit, actor: actorOf(first.actor), ...(first.data !== undefined ? { input: first.data as Record<string, unknown> } : {}) },
    { ...context, now: first.at },
    first,
  );
  for (const entry of history.slice(1)) {
    if (!outcome.ok) return outcome;
    const instance = outcome.instance;
    const ctx: WorkflowContext = { ...context, now: entry.at };
    if (entry.event === MIGRATE_EVENT && entry.migration) {
      const next = byVersion(entry.migration.toVersion);
      if (!next) return reject.mismatch(`version ${entry.migration.toVersion}`, 'unknown version');
      definition = next;
      outcome = migrate(definition, instance, entry.to, actorOf(entry.actor), ctx, entry);
      continue;
    }
    outcome = foldOne(definition, instance, entry, ctx, actorOf(entry.actor));
  }
  return outcome;
}

function foldOne(definition: WorkflowDefinition, instance: WorkflowInstance, entry: HistoryEntry, context: WorkflowContext, actor: Actor): Outcome {
  const command: Command = { event: entry.event, actor };
  if (entry.data !== undefined) command.data = entry.data;
  if (entry.comment !== undefined) command.comment = entry.comment;
  if (entry.target !== undefined) command.target = entry.target;
  if (entry.position !== undefined) command.position = entry.position;
  if (entry.timer !== undefined) command.timer = entry.timer;
  if (entry.onBehalfOf !== undefined) command.onBehalfOf = entry.onBehalfOf;
  if (entry.event === 'timer') return fireTimer(definition, instance, command, context, entry);
  if (isTaskAction(entry.event)) return applyTaskAction(definition, instance, command, context, entry);
  const state = definition.states[instance.state];
  const candidates = state?.transitions.filter((t) => t.event === entry.event) ?? [];
  const variables = variablesOf(instance, actor, context, entry.data);
  const chosen =
    candidates.length <= 1
      ? candidates[0]
      : (candidates.find((t) => t.to === entry.to && entry.to !== entry.from) ??
        candidates.find((t) => t.guard === undefined || ((r) => r.ok && r.value === true)(evaluate(t.guard, variables))) ??
        candidates[0]);
  if (!chosen) return reject.notAvailable(entry.event, instance.state, []);
  if (entry.auto) {
    const draft = draftOf(instance);
    const run = newRun(definition, draft, actor, context, { event: entry.event }, entry);
    run.entry.auto = true;
    const failed = move(draft, chosen, run);
    return failed ?? commit(draft, run, instance.level, false);
  }
  const task = instance.task;
  const authority: Authority = entry.vote
    ? { mode: 'vote', by: entry.onBehalfOf ?? entry.actor, ...(entry.onBehalfOf ? { via: entry.actor } : {}), ...(task?.pool && task.assignees.length === 0 ? { claim: true } : {}) }
    : { mode: 'direct' };
  return fire(definition, instance, chosen, authority, command, context, entry);
}
