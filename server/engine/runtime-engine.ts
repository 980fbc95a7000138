import { applyCommand, startInstance } from '../../runtime/workflow/engine';
import type { WorkflowPort } from './port';

/** The port backed by the pure runtime engine. */
export const runtimeEngine: WorkflowPort = {
  start: (definition, start, context) => startInstance(definition, start, context),
  apply: (definition, instance, command, context) => applyCommand(definition, instance, command, context),
  actions: () => [],
};
