import type { LocalizedText } from '../schema/common';
import type { WorkflowDefinition } from '../schema/workflow';
import { commit, draftOf, newRun } from './engine';
import { enterState, leaveState } from './enter';
import { MIGRATE_EVENT, type Actor, type HistoryEntry, type Outcome, type WorkflowContext, type WorkflowInstance } from './types';

/** What would happen to one instance when moved from one definition version to another. */
export type MigrationPlanEntry = { instance: string; from: string } & (
  | { status: 'ok'; to: string; reentered: boolean }
  | { status: 'needs-mapping'; message: LocalizedText }
  | { status: 'impossible'; reason: LocalizedText }
);

/** State keys of the old version mapped to states of the new one; unmapped states keep their key. */
export type StateMapping = Readonly<Record<string, string>>;

/**
 * Previews moving running instances to a new version (nothing changes). Per instance: `ok` (with the
 * target state and whether the state is re-entered), `needs-mapping` (its state is gone and no mapping
 * names a replacement) or `impossible` with the reason.
 *
 * @example planMigration(v1, v2, orders, { triage: 'submitted' })
 *          // → [{ instance: 'o1', from: 'triage', status: 'ok', to: 'submitted', reentered: true }, …]
 */
export function planMigration(from: WorkflowDefinition, to: WorkflowDefinition, instances: readonly WorkflowInstance[], mapping: StateMapping = {}): MigrationPlanEntry[] {
  return instances.map((instance) => planOne(from, to, instance, mapping));
}

function planOne(from: WorkflowDefinition, to: WorkflowDefinition, instance: WorkflowInstance, mapping: StateMapping): MigrationPlanEntry {
  const base = { instance: instance.id, from: instance.state };
  const impossible = (zh: string, en: string): MigrationPlanEntry => ({ ...base, status: 'impossible', reason: { 'zh-CN': zh, en } });
  if (from.key !== to.key) return impossible('不同流程之间不能迁移', `${from.key} and ${to.key} are different workflows`);
  if (instance.workflow !== from.key || instance.version !== from.version) {
    return impossible('实例不在源版本上', `instance runs ${instance.workflow}@${instance.version}, not ${from.key}@${from.version}`);
  }
  const target = mapping[instance.state] ?? (Object.hasOwn(to.states, instance.state) ? instance.state : undefined);
  if (target === undefined) {
    return { ...base, status: 'needs-mapping', message: { 'zh-CN': `新版本没有状态“${instance.state}”，请指定对应状态`, en: `State ${instance.state} no longer exists; map it to a state of version ${to.version}` } };
  }
  const spec = to.states[target];
  if (!spec) return impossible(`映射目标“${target}”不存在`, `mapping target ${target} is not a state of version ${to.version}`);
  if (instance.final && !spec.final) return impossible('已结束的实例不能通过迁移重新打开', 'a finished instance cannot be reopened by a migration');
  const reentered = target !== instance.state;
  const votes = instance.task?.votes.length ?? 0;
  if (!reentered && votes > 0 && spec.task?.kind !== instance.task?.kind) {
    return impossible('审批进行中且审批方式已改变，已投的票无法保留', `votes already cast under ${instance.task?.kind} cannot carry over to ${spec.task?.kind ?? 'no step'}`);
  }
  return { ...base, status: 'ok', to: target, reentered };
}

/**
 * Moves one instance to the new version, recording a `migrate` entry in its history. A state that
 * changes is left (timers cancelled) and the new one entered (task re-assigned, timers scheduled).
 */
export function applyMigration(from: WorkflowDefinition, to: WorkflowDefinition, instance: WorkflowInstance, mapping: StateMapping, actor: Actor, context: WorkflowContext): Outcome | { ok: false; plan: MigrationPlanEntry } {
  const plan = planOne(from, to, instance, mapping);
  if (plan.status !== 'ok') return { ok: false, plan };
  return migrate(to, instance, plan.to, actor, context);
}

export function migrate(to: WorkflowDefinition, instance: WorkflowInstance, target: string, actor: Actor, context: WorkflowContext, replay?: HistoryEntry): Outcome {
  const draft = draftOf(instance);
  const fromVersion = instance.version;
  draft.version = to.version;
  draft.workflow = to.key;
  for (const [name, schema] of Object.entries(to.variables)) if (!Object.hasOwn(draft.vars, name)) draft.vars[name] = schema.default ?? null;
  const run = newRun(to, draft, actor, context, { event: MIGRATE_EVENT }, replay);
  run.entry.migration = { fromVersion, toVersion: to.version };
  if (target !== instance.state) {
    leaveState(draft, run);
    enterState(draft, target, run);
  }
  return commit(draft, run, instance.level);
}
