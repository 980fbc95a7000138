import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand, availableActions, startInstance, taskActions } from '../../../runtime/workflow/index';
import type { Actor, Command } from '../../../runtime/workflow/index';
import { actors, context, Driver, packWorkflow } from './helpers';

/** Junk in, outcome out: whatever a client sends, the engine answers with a value and never throws. */
const fiveOrder = packWorkflow('five-order');
const events = [...new Set(Object.values(fiveOrder.states).flatMap((s) => s.transitions.map((t) => t.event))), ...taskActions, 'timer'];
const actor: fc.Arbitrary<Actor> = fc.record({
  id: fc.oneof(fc.constantFrom('r1', 'sa1', 'ia1', 'da1', 'tl1', 'system'), fc.string()),
  roles: fc.array(fc.record({ role: fc.constantFrom('resident', 'stationAdmin', 'instituteAdmin', 'teamLeader', 'volunteer', 'x'), unitId: fc.constantFrom('s1', 'i1', 'c1', 't1', '') })),
});
const command: fc.Arbitrary<Command> = fc.record(
  {
    event: fc.oneof(fc.constantFrom(...events), fc.string()),
    actor,
    data: fc.anything(),
    comment: fc.string(),
    target: fc.oneof(fc.constantFrom('tl2', 'pending_dispatch', 'x'), fc.string()),
    position: fc.constantFrom('before' as const, 'after' as const),
    timer: fc.oneof(fc.constantFrom('triage', 'triage@50', 'accept', 'dispatch'), fc.string()),
    expectedRevision: fc.integer({ min: 0, max: 5 }),
  },
  { requiredKeys: ['event', 'actor'] },
);

describe('fuzzed commands', () => {
  it('never throw, and a refused command leaves the instance as it was', () => {
    const base = new Driver(fiveOrder, '2026-11-02T01:00:00.000Z', { actor: actors.resident, input: { description: '打扫院落' } });
    base.ok('accept_for_dispatch', actors.stationAdmin);
    const instances = [base.instance];
    base.ok('dispatch', actors.stationAdmin, { data: { mode: 'pool' } });
    instances.push(base.instance);
    fc.assert(
      fc.property(fc.constantFrom(...instances), fc.array(command, { maxLength: 6 }), (start, commands) => {
        let instance = start;
        for (const c of commands) {
          const before = structuredClone(instance);
          const outcome = applyCommand(fiveOrder, instance, c, context('2026-11-02T02:00:00.000Z'));
          expect(instance).toEqual(before);
          expect(Array.isArray(availableActions(fiveOrder, instance, c.actor, context('2026-11-02T02:00:00.000Z')))).toBe(true);
          if (outcome.ok) instance = outcome.instance;
          else expect(outcome.rejection.message['zh-CN'].length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a start with any input is accepted or refused with form issues, never thrown', () => {
    fc.assert(
      fc.property(fc.anything(), actor, (input, who) => {
        const outcome = startInstance(fiveOrder, { id: 'f', unit: 's1', actor: who, input: input as Record<string, unknown> }, context('2026-11-02T01:00:00.000Z'));
        if (!outcome.ok) expect(['actor-not-allowed', 'form-invalid']).toContain(outcome.rejection.code);
      }),
      { numRuns: 300 },
    );
  });
});
