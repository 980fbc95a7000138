/**
 * Fuzzing gaps the existing properties leave (tests/runtime/lint/properties.test.ts checks that lint
 * never throws and that pointers are well-formed; tests/runtime/workflow/fuzz.test.ts drives the one
 * five-order definition): here every problem's pointer must lead somewhere real in the whole Liangzhou
 * pack, and the engine is driven with generated *definitions* — pack workflows with one value replaced or
 * removed that still lint clean — not only generated commands.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintDefinitions } from '../../../runtime/lint/lint';
import { loadDefinitions } from '../../../runtime/lint/load-definitions-node';
import { WorkflowDefinition } from '../../../runtime/schema/workflow';
import { applyCommand, availableActions, startInstance, taskActions } from '../../../runtime/workflow/index';
import type { Actor, Command, WorkflowInstance } from '../../../runtime/workflow/index';
import { mutateAt, oneValueChanged } from '../support/mutate-json';
import { actors, context } from '../workflow/helpers';

/** Each run lints the whole pack: few runs by default, many with SHIJIAN_SOAK=1. */
const runs = process.env.SHIJIAN_SOAK === '1' ? 1000 : 40;

const pack = loadDefinitions([join(import.meta.dirname, '..', '..', '..', 'definitions', 'liangzhou')]).documents;

/** RFC 6901: the value at `pointer`, or `missing` (with whether its parent exists). */
function resolvePointer(doc: unknown, pointer: string): { found: boolean; parentFound: boolean } {
  if (pointer === '') return { found: true, parentFound: true };
  const tokens = pointer.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc;
  for (const [index, token] of tokens.entries()) {
    const last = index === tokens.length - 1;
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, token)) return { found: false, parentFound: last && node !== null && typeof node === 'object' };
    node = (node as Record<string, unknown>)[token];
  }
  return { found: true, parentFound: true };
}

/** The pack with one value of one document replaced (by small JSON) or removed. */
const mutatedPack = oneValueChanged(pack);

describe('generated definitions against the linter', () => {
  it('every problem names a document of the input and a pointer that exists in it, or a missing child of a value that exists', () => {
    fc.assert(
      fc.property(mutatedPack, (docs) => {
        const byFile = new Map(docs.map((doc) => [doc.file, doc.json]));
        for (const problem of lintDefinitions(docs)) {
          expect(byFile.has(problem.file), `${problem.code} names ${problem.file}`).toBe(true);
          const at = resolvePointer(byFile.get(problem.file), problem.pointer);
          expect(at.found || at.parentFound, `${problem.file} ${problem.code} ${problem.pointer}`).toBe(true);
        }
      }),
      { numRuns: runs },
    );
  });
});

const workflows = pack.filter((doc) => (doc.json as { kind?: string }).kind === 'workflow');
const forms = pack.filter((doc) => (doc.json as { kind?: string }).kind === 'form');
const allActors = Object.values(actors) as Actor[];

/** A pack workflow with one value replaced or removed, kept only when the whole pack still lints without errors. */
const lintCleanWorkflow = fc
  .record({ which: fc.nat({ max: workflows.length - 1 }), pick: fc.nat(), value: fc.option(fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom('pending_dispatch', 'closed', 'stationAdmin', 'true', 'false', 'vars.declineCount + 1', 'PT1H')), { nil: undefined }) })
  .map(({ which, pick, value }) => {
    const original = workflows[which]!;
    const json = mutateAt(original.json, pick, value);
    const problems = lintDefinitions([...forms, { file: original.file, json }]).filter((problem) => problem.severity === 'error');
    const parsed = WorkflowDefinition.safeParse(json);
    return problems.length === 0 && parsed.success ? parsed.data : null;
  })
  .filter((definition): definition is WorkflowDefinition => definition !== null);

function commandsFor(definition: WorkflowDefinition): fc.Arbitrary<Command[]> {
  const events = [...new Set(Object.values(definition.states).flatMap((state) => state.transitions.map((t) => t.event))), ...taskActions, 'timer'];
  const timers = Object.values(definition.states).flatMap((state) => (state.timers ?? []).map((timer) => timer.key));
  return fc.array(
    fc.record(
      {
        event: fc.constantFrom(...events),
        actor: fc.constantFrom(...allActors),
        data: fc.oneof(fc.constant({ mode: 'directed', teamId: 't1' }), fc.constant({ reason: '原因说明' }), fc.constant({ stars: 4 }), fc.constant({ mode: 'pool' }), fc.jsonValue({ maxDepth: 1 })),
        comment: fc.string({ maxLength: 20 }),
        target: fc.constantFrom('tl1', 'sa1', 'pending_dispatch'),
        timer: fc.constantFrom(...(timers.length > 0 ? timers : ['none'])),
        expectedRevision: fc.integer({ min: 0, max: 8 }),
      },
      { requiredKeys: ['event', 'actor'] },
    ),
    { maxLength: 8 },
  );
}

const starts = [
  { description: '家中老人需要上门理发', urgency: 'normal' },
  { cycleId: 'c', year: 2026, level: 'station' },
  {},
];

describe('generated definitions against the engine', () => {
  it('lint-clean mutations of the pack workflows: start and any commands never throw, a refusal leaves the instance unchanged, actions are always a list', () => {
    const scenario = lintCleanWorkflow.chain((definition) => fc.tuple(fc.constant(definition), fc.constantFrom(...allActors), fc.constantFrom(...starts), commandsFor(definition)));
    fc.assert(
      fc.property(scenario, ([definition, starter, input, commands]) => {
        const now = '2026-11-02T02:00:00.000Z';
        const started = startInstance(definition, { id: 'g1', unit: 's1', actor: starter, input }, context('2026-11-02T01:00:00.000Z'));
        if (!started.ok) {
          expect(started.rejection.message['zh-CN'].length).toBeGreaterThan(0);
          return;
        }
        let instance: WorkflowInstance = started.instance;
        for (const command of commands) {
          const before = structuredClone(instance);
          const outcome = applyCommand(definition, instance, { ...command, expectedRevision: command.expectedRevision ?? instance.revision }, context(now));
          expect(instance).toEqual(before);
          expect(Array.isArray(availableActions(definition, instance, command.actor, context(now)))).toBe(true);
          if (outcome.ok) instance = outcome.instance;
          else expect(outcome.rejection.message['zh-CN'].length).toBeGreaterThan(0);
        }
      }),
      { numRuns: runs },
    );
  });
});
