import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyCommand, replay, startInstance } from '../../../runtime/workflow/index';
import type { Command, Effect, WorkflowInstance } from '../../../runtime/workflow/index';
import { actors, context, packWorkflow } from './helpers';

/**
 * Golden traces, as XState keeps SCXML fixtures: a pack workflow, a start, a list of timed commands, and the
 * expected state and effects after each and the whole instance at the end. `UPDATE_GOLDEN=1` rewrites the
 * expectations after a deliberate change (review the diff).
 */
const dir = join(import.meta.dirname, '../../fixtures/workflow/traces');
type ActorKey = keyof typeof actors;
interface Trace {
  workflow: 'five-order' | 'assessment';
  start: { at: string; actor: ActorKey; unit: string; input: Record<string, unknown> };
  steps: { at: string; actor: ActorKey; event: string; data?: unknown; target?: string; timer?: string; expect?: { state: string; effects: Effect[] } }[];
  instance?: WorkflowInstance;
}

function run(trace: Trace) {
  const definition = packWorkflow(trace.workflow);
  const started = startInstance(definition, { id: 'golden-1', unit: trace.start.unit, actor: actors[trace.start.actor], input: trace.start.input }, context(trace.start.at));
  if (!started.ok) throw new Error(JSON.stringify(started.rejection));
  let instance = started.instance;
  const observed: { state: string; effects: Effect[] }[] = [];
  for (const step of trace.steps) {
    const command: Command = { event: step.event, actor: actors[step.actor] };
    if (step.data !== undefined) command.data = step.data;
    if (step.target !== undefined) command.target = step.target;
    if (step.timer !== undefined) command.timer = step.timer;
    const outcome = applyCommand(definition, instance, command, context(step.at));
    if (!outcome.ok) throw new Error(`${step.event} at ${step.at}: ${JSON.stringify(outcome.rejection)}`);
    instance = outcome.instance;
    observed.push({ state: instance.state, effects: outcome.effects });
  }
  return { definition, instance, observed };
}

const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('golden traces', () => {
  it('there is a trace per Liangzhou flow', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s', (file) => {
    const path = join(dir, file);
    const trace = JSON.parse(readFileSync(path, 'utf8')) as Trace;
    const { definition, instance, observed } = run(trace);
    if (process.env.UPDATE_GOLDEN === '1' && existsSync(path)) {
      trace.steps.forEach((step, i) => (step.expect = observed[i]));
      trace.instance = instance;
      writeFileSync(path, JSON.stringify(trace, null, 2) + '\n');
    }
    expect(observed).toEqual(trace.steps.map((s) => s.expect));
    expect(instance).toEqual(trace.instance);
    const replayed = replay(definition, { id: instance.id, unit: instance.unit }, instance.history, context(trace.start.at));
    expect(replayed.ok && replayed.instance).toEqual(instance);
  });
});
