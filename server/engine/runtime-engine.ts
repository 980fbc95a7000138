import type { WorkflowPort } from './port';

/**
 * The port backed by the pure runtime engine, loaded on demand so that the modules without workflows
 * (auth, org tree, definitions) do not depend on the engine's module graph.
 */
export async function loadRuntimeEngine(): Promise<WorkflowPort> {
  const engine = await import('../../runtime/workflow/index');
  return {
    start: (definition, start, context) => engine.startInstance(definition, start, context),
    apply: (definition, instance, command, context) => engine.applyCommand(definition, instance, command, context),
    actions: (definition, instance, actor, context) => engine.availableActions(definition, instance, actor, context),
  };
}

/** A port whose every call fails loudly: for servers started without a loadable engine. */
export function unavailableEngine(reason: string): WorkflowPort {
  const fail = (): never => {
    throw new Error(`workflow engine unavailable: ${reason}`);
  };
  return { start: fail, apply: fail, actions: fail };
}
