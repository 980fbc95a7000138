/**
 * A client-side run of a workflow with the real engine (runtime/workflow) over a made-up org: one
 * station under one institute under the center, where each role at each unit is held by one person
 * named `<role>@<unit>`. Forms are not checked (any data passes), so every path can be walked.
 */
import type { FormDefinition } from '../../../runtime/schema/form';
import { WorkflowDefinition } from '../../../runtime/schema/workflow';
import { knownRoles } from '../../../runtime/workflow/roles';
import { applyCommand, availableActions, startInstance, type Actor, type AvailableAction, type Outcome, type WorkflowContext, type WorkflowInstance } from '../../../runtime/workflow';

export const simUnits = [
  { id: 'station-1', level: 'station' },
  { id: 'institute-1', level: 'institute' },
  { id: 'center-1', level: 'center' },
] as const;
export type SimUnit = (typeof simUnits)[number]['id'];

export function simActor(role: string, unit: SimUnit): Actor {
  return { id: `${role}@${unit}`, roles: [{ role, unitId: unit }] };
}

const anyForm = (key: string): FormDefinition => ({ kind: 'form', key, version: 1, title: { 'zh-CN': key }, schema: { type: 'object' }, rules: [], computed: [] });

export function simContext(now: string): WorkflowContext {
  return {
    now,
    org: { ancestors: simUnits.map((u) => ({ id: u.id, level: u.level })), holders: (role, unitId) => [`${role}@${unitId}`] },
    forms: (key) => anyForm(key),
  };
}

/** The definition with the schema's defaults applied, or the reason it cannot run. */
export function parseForSimulation(body: unknown): { ok: true; definition: WorkflowDefinition } | { ok: false; reason: string } {
  const result = WorkflowDefinition.safeParse(body);
  return result.success ? { ok: true, definition: result.data } : { ok: false, reason: result.error.issues.map((i) => `/${i.path.join('/')}: ${i.message}`).join('; ') };
}

export function simStart(definition: WorkflowDefinition, actor: Actor, now: string): Outcome {
  return startInstance(definition, { id: 'sim-1', unit: 'station-1', actor, input: {} }, simContext(now));
}

export function simAct(definition: WorkflowDefinition, instance: WorkflowInstance, actor: Actor, action: AvailableAction, now: string): Outcome {
  return applyCommand(
    definition,
    instance,
    { event: action.event, actor, data: {}, expectedRevision: instance.revision, ...(action.targets?.[0] ? { target: action.targets[0] } : {}), ...(action.positions?.[0] ? { position: action.positions[0] } : {}) },
    simContext(now),
  );
}

/** Everybody in the made-up org who could act now, with what they could do. */
export function whoCanAct(definition: WorkflowDefinition, instance: WorkflowInstance, now: string): { actor: Actor; actions: AvailableAction[] }[] {
  const result: { actor: Actor; actions: AvailableAction[] }[] = [];
  const candidates: Actor[] = [...simUnits.flatMap((u) => knownRoles.map((role) => simActor(role, u.id))), { id: instance.initiator, roles: [] }];
  const seen = new Set<string>();
  for (const actor of candidates) {
    if (seen.has(actor.id)) continue;
    seen.add(actor.id);
    const actions = availableActions(definition, instance, actor, simContext(now)).filter((a) => !['claim', 'cc', 'remind', 'transfer', 'addSigner', 'removeSigner'].includes(a.event));
    if (actions.length > 0) result.push({ actor, actions });
  }
  return result;
}
