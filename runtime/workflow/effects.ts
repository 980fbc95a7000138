import type { WorkflowDefinition } from '../schema/workflow';
import type { Run } from './enter';
import { evaluate, variablesOf } from './expressions';
import { resolvePeople } from './people';
import { reject, type Failure } from './rejections';
import type { WorkflowInstance } from './types';

/** Evaluates effect specs into effects; a failing expression refuses the whole command. */
export function emitEffects(specs: WorkflowDefinition['start']['effects'], draft: WorkflowInstance, run: Run): Failure | undefined {
  if (specs.length === 0) return undefined;
  const variables = variablesOf(draft, run.actor, run.context, run.form);
  for (const spec of specs) {
    if ('notify' in spec) {
      const data = values(spec.notify.data, variables);
      if (isFailure(data)) return data;
      const to = new Set<string>();
      for (const rule of spec.notify.to) {
        if ('assignees' in rule) for (const user of draft.task?.assignees ?? []) to.add(user);
        else for (const user of resolvePeople([rule], draft, run.context, variables)) to.add(user);
      }
      run.effects.push({ type: 'notify', to: [...to], message: spec.notify.message, data });
    } else if ('webhook' in spec) {
      const data = values(spec.webhook.data, variables);
      if (isFailure(data)) return data;
      run.effects.push({ type: 'webhook', event: spec.webhook.event, data });
    } else {
      const data = values(spec.record.data, variables);
      if (isFailure(data)) return data;
      run.effects.push({ type: 'record', record: spec.record.type, data });
    }
  }
  return undefined;
}

// Module-level helpers rather than closures per call: every command with effects runs through here.
function values(map: Record<string, string> | undefined, variables: Record<string, unknown>): Record<string, unknown> | Failure {
  const out: Record<string, unknown> = {};
  if (map === undefined) return out;
  for (const [name, expression] of Object.entries(map)) {
    const result = evaluate(expression, variables);
    if (!result.ok) return reject.expression(expression, result.message);
    out[name] = result.value;
  }
  return out;
}

function isFailure(v: Record<string, unknown> | Failure): v is Failure {
  return (v as Failure).ok === false && 'rejection' in v;
}
