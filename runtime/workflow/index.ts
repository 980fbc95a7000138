/**
 * The workflow runtime: a pure interpreter of workflow definitions. No I/O and no clock: the caller
 * passes time, actor and org facts in a {@link WorkflowContext}, persists the returned instance and
 * performs the returned effects (in the same transaction). See README.md in this folder.
 *
 * @example
 * const started = startInstance(fiveOrder, { id: 'o1', unit: 'st-1', actor: resident, input }, ctx);
 * if (!started.ok) return problem(started.rejection);
 * const next = applyCommand(fiveOrder, started.instance, { event: 'accept_for_dispatch', actor: stationAdmin, expectedRevision: 1 }, ctx);
 * // next.ok → store next.instance (revision 2), run next.effects (notify, schedule, cancel, webhook, record, setData)
 */
export { startInstance, applyCommand } from './engine';
export type { StartOptions } from './engine';
export { availableActions } from './actions';
export { workflowGraph } from './graph';
export type { GraphEdge, GraphNode } from './graph';
export { replay } from './replay';
export type { DefinitionsByVersion } from './replay';
export { planMigration, applyMigration } from './migration';
export type { MigrationPlanEntry, StateMapping } from './migration';
export { stepKinds, stepKind } from './step-kinds/registry';
export type { StepKind } from './step-kinds/types';
export { taskActions } from './task-actions';
export { TASK_ASSIGNED, TASK_REMINDER, CARBON_COPY } from './enter';
export { TASK_OVERDUE } from './timer-firing';
export { SYSTEM_ACTOR, START_EVENT, MIGRATE_EVENT } from './types';
export type {
  Actor,
  AvailableAction,
  Command,
  Delegation,
  Effect,
  HistoryEntry,
  OrgFacts,
  Outcome,
  PendingTimer,
  Rejection,
  RoleMembership,
  Task,
  Vote,
  WorkflowContext,
  WorkflowInstance,
} from './types';
