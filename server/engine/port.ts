/**
 * What the server needs of the workflow engine. The runtime is pure; this port is the one place the
 * server names its functions, so an engine API change touches runtime-engine.ts only.
 */
import type { WorkflowDefinition } from '../../runtime/schema/workflow';
import type { Actor, AvailableAction, Command, Outcome, WorkflowContext, WorkflowInstance } from '../../runtime/workflow/types';

export type { Actor as EngineActor, AvailableAction, Command, Effect, Outcome, Rejection, WorkflowContext, WorkflowInstance } from '../../runtime/workflow/types';
export type { WorkflowDefinition };

export interface StartInput {
  id: string;
  unit: string;
  actor: Actor;
  input: Record<string, unknown>;
}

export interface WorkflowPort {
  start(definition: WorkflowDefinition, start: StartInput, context: WorkflowContext): Outcome;
  apply(definition: WorkflowDefinition, instance: WorkflowInstance, command: Command, context: WorkflowContext): Outcome;
  actions(definition: WorkflowDefinition, instance: WorkflowInstance, actor: Actor, context: WorkflowContext): AvailableAction[];
}
