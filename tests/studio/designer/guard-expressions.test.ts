import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { JsonSchema } from '../../../runtime/expression';
import { checkGuard, fieldChoices, guardCel, parseGuard, type FieldChoice, type Guard, type GuardCondition } from '../../../studio/designer/workflow/guard-expressions';
import { updateTransition, type WorkflowBody } from '../../../studio/designer/workflow/workflow-model';
import { formKeysOf } from '../../../studio/designer/workflow/use-form-schemas';
import { knownRoles } from '../../../runtime/workflow/roles';
import { lintErrors, packBody } from './pack';

const body = packBody<WorkflowBody>('workflow', 'five-order');
const forms: Record<string, JsonSchema> = Object.fromEntries(formKeysOf(body).map((key) => [key, packBody<{ schema: JsonSchema }>('form', key).schema]));
// The transition a guard is put on: the dispatcher's "dispatch" in pending_dispatch.
const from = 'pending_dispatch';
const index = body.states[from]!.transitions!.findIndex((t) => t.event === 'dispatch');
const transition = body.states[from]!.transitions![index]!;
const choices = fieldChoices(body, forms, transition);

const valueFor = (choice: FieldChoice) =>
  choice.options ? fc.constantFrom(...choice.options.map((o) => o.value)) : choice.type === 'boolean' ? fc.constantFrom('true', 'false') : choice.type === 'string' ? fc.string({ maxLength: 8 }) : choice.type === 'integer' ? fc.integer({ min: -5, max: 500 }).map(String) : fc.double({ min: -100, max: 100, noNaN: true }).map((n) => String(Math.round(n * 100) / 100));

const conditionArb: fc.Arbitrary<GuardCondition> = fc.oneof(
  fc.constantFrom(...knownRoles).map((role) => ({ kind: 'role' as const, role })),
  fc.constantFrom(...choices).chain((choice) => {
    const ops = choice.type === 'string' || choice.type === 'boolean' ? (['eq', 'ne'] as const) : (['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const);
    const compared = fc.record({ op: fc.constantFrom(...ops), value: valueFor(choice) }).map(({ op, value }): GuardCondition => ({ kind: 'field', source: choice.source, field: choice.field, op, value }));
    // Variables are always present: "filled"/"empty" are offered only for form fields.
    if (choice.alwaysPresent) return compared;
    return fc.oneof(compared, fc.constantFrom('filled' as const, 'empty' as const).map((op): GuardCondition => ({ kind: 'field', source: choice.source, field: choice.field, op })));
  }),
);

describe('guard picker model', () => {
  test('offers the start form, this command’s form, other events’ forms and the variables', () => {
    const sources = new Set(choices.map((c) => c.source));
    expect(sources.has('input')).toBe(true);
    expect(sources.has('form')).toBe(true);
    expect(sources.has('vars')).toBe(true);
    expect([...sources].some((s) => s.startsWith('data.'))).toBe(true);
    expect(choices.find((c) => c.source === 'vars' && c.field === 'escalationCount')).toMatchObject({ type: 'integer', alwaysPresent: true });
  });

  test('every picked guard reads back as picked and type-checks in the linter’s scope', () => {
    fc.assert(
      fc.property(fc.array(conditionArb, { minLength: 1, maxLength: 3 }), fc.constantFrom<Guard['join']>('all', 'any'), (conditions, join) => {
        const guard: Guard = { join, conditions };
        const cel = guardCel(guard, choices)!;
        const back = parseGuard(cel, choices);
        expect(back && guardCel(back, choices)).toBe(cel);
        // Values come back as CEL wrote them (1.50 → 1.5); everything else exactly.
        const shape = (list: GuardCondition[]) => list.map((c) => (c.kind === 'field' ? { ...c, value: undefined } : c));
        expect(shape(back!.conditions)).toEqual(shape(conditions));
        expect(back!.join === join || conditions.length === 1).toBe(true);
        const checked = checkGuard(cel, body, forms, transition);
        expect(checked).toMatchObject({ ok: true, type: 'bool' });
      }),
      { numRuns: 100 },
    );
  });

  test('and the linter, with the whole pack around the workflow, agrees (fewer runs: a lint takes a second)', () => {
    fc.assert(
      fc.property(fc.array(conditionArb, { minLength: 1, maxLength: 3 }), fc.constantFrom<Guard['join']>('all', 'any'), (conditions, join) => {
        const cel = guardCel({ join, conditions }, choices)!;
        expect(lintErrors(updateTransition(body, from, index, { guard: cel }))).toEqual([]);
      }),
      { numRuns: 6, endOnFailure: true },
    );
  });

  test('role and threshold conditions are written as an author would read them', () => {
    const guard: Guard = {
      join: 'all',
      conditions: [
        { kind: 'role', role: 'instituteAdmin' },
        { kind: 'field', source: 'vars', field: 'escalationCount', op: 'lt', value: '2' },
      ],
    };
    expect(guardCel(guard, choices)).toBe('(actor.roles.exists(r, r.role == "instituteAdmin")) && (vars.escalationCount < 2)');
    expect(guardCel({ join: 'all', conditions: [] }, choices)).toBeUndefined();
  });

  test('an expert’s expression is not taken apart, and a wrong type is caught before the server sees it', () => {
    expect(parseGuard('form.mode == "pool" || has(form.teamId)', choices)).toBeUndefined();
    expect(parseGuard(undefined, choices)).toEqual({ join: 'all', conditions: [] });
    const wrong = checkGuard('vars.escalationCount == "two"', body, forms, transition);
    expect(wrong.ok).toBe(false);
  });
});
