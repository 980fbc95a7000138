import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRubric, explain, quotaLimit, scoreUnit, scoreUnits, scoringModes } from '../../../runtime/rubric/index';
import type { AssessmentInput, ReviewEntry } from '../../../runtime/rubric/index';
import type { RubricDefinition } from '../../../runtime/schema/rubric';
import { modeOf } from '../../../runtime/rubric/scoring-modes/registry';
import { elementKeys, entryArbitrary, inputFor, metricsArbitrary, rubricArbitrary, scoringFor } from './arbitraries';
import { rubricOf } from './helpers';

const runs = { numRuns: 150 };
const withInput = rubricArbitrary.chain((rubric) => fc.tuple(fc.constant(rubric), inputFor(rubric, 'u')));

function entriesOf(input: AssessmentInput): Record<string, ReviewEntry> {
  return { ...(input.reviews?.self?.items ?? {}) };
}

describe('rubric properties', () => {
  it('a score always lies in [0, total + bonus cap], as do sections within their max', () => {
    fc.assert(
      fc.property(withInput, ([rubric, input]) => {
        const result = scoreUnit(rubric, input);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(rubric.totalPoints + (rubric.bonus?.cap ?? 0) + 1e-9);
        result.sections.forEach((section) => expect(section.points).toBeLessThanOrEqual(section.max + 1e-9));
      }),
      runs,
    );
  });

  it('the explanation\'s points always add up to the score', () => {
    fc.assert(
      fc.property(withInput, ([rubric, input]) => {
        const result = scoreUnit(rubric, input);
        const explanation = explain(rubric, result);
        const cents = explanation.lines.reduce((sum, line) => sum + Math.round(line.points * 100), 0);
        expect(cents).toBe(Math.round(result.score * 100));
        expect(explanation.lines.filter((line) => line.kind === 'item')).toHaveLength(result.items.length);
      }),
      runs,
    );
  });

  it('a confirmed veto always yields the configured tier', () => {
    fc.assert(
      fc.property(withInput, ([rubric, input]) => {
        const vetoed = { ...input, reviews: { ...input.reviews, district: { ...(input.reviews?.district ?? {}), vetoes: { v1: { confirmed: true } } } } };
        const result = scoreUnit(rubric, vetoed);
        expect(result.tier.tier).toBe(rubric.vetoTier);
        expect(result.tier.rule).toBe('veto');
        expect(scoreUnits(rubric, [vetoed])[0]!.tier.tier).toBe(rubric.vetoTier);
      }),
      runs,
    );
  });

  it('ticking one more checklist element never lowers the score', () => {
    fc.assert(
      fc.property(withInput, fc.constantFrom(...elementKeys), ([rubric, input], element) => {
        const items = entriesOf(input);
        const ticked: Record<string, ReviewEntry> = {};
        for (const key of [...rubric.sections.flatMap((section) => section.items), ...(rubric.bonus?.items ?? [])].filter((item) => item.scoring.mode === 'checklist').map((item) => item.key)) {
          const entry = items[key] ?? {};
          ticked[key] = { ...entry, ticked: [...new Set([...(entry.ticked ?? []), element])] };
        }
        const after = scoreUnit(rubric, { ...input, reviews: { self: { ...input.reviews?.self, items: { ...items, ...ticked } } } });
        const beforeSelfOnly = scoreUnit(rubric, { ...input, reviews: { self: input.reviews?.self ?? {} } });
        expect(after.score).toBeGreaterThanOrEqual(beforeSelfOnly.score);
      }),
      runs,
    );
  });

  it('removing a deduction never lowers the score', () => {
    fc.assert(
      fc.property(withInput, ([rubric, input]) => {
        const selfOnly = { ...input, reviews: { self: input.reviews?.self ?? {} } };
        const before = scoreUnit(rubric, selfOnly);
        const items = entriesOf(input);
        for (const item of rubric.sections.flatMap((section) => section.items)) {
          if (item.scoring.mode !== 'deduction') continue;
          const defects = items[item.key]?.defects;
          if (typeof defects !== 'object') continue;
          const key = Object.keys(defects).find((name) => (defects[name] ?? 0) > 0);
          if (!key) continue;
          const fewer = { ...items, [item.key]: { ...items[item.key], defects: { ...defects, [key]: defects[key]! - 1 } } };
          const after = scoreUnit(rubric, { ...selfOnly, reviews: { self: { ...selfOnly.reviews.self, items: fewer } } });
          expect(after.score).toBeGreaterThanOrEqual(before.score);
        }
      }),
      runs,
    );
  });

  it('a quota is never exceeded in any scope, and demoted units never rise', () => {
    const cycle = rubricArbitrary
      .filter((rubric) => rubric.quotas.length > 0)
      .chain((rubric) =>
        fc.tuple(
          fc.constant(rubric),
          fc.array(fc.tuple(fc.constantFrom('i1', 'i2', 'i3'), fc.nat()), { minLength: 1, maxLength: 25 }).chain((units) =>
            fc.tuple(...units.map(([parent], index) => inputFor(rubric, `u${index}`, parent))),
          ),
        ),
      );
    fc.assert(
      fc.property(cycle, ([rubric, inputs]) => {
        const results = scoreUnits(rubric, inputs);
        const order = rubric.tiers.map((tier) => tier.key);
        for (const quota of rubric.quotas) {
          const groups = new Map<string, typeof results>();
          for (const result of results) groups.set(result.parentId ?? '', [...(groups.get(result.parentId ?? '') ?? []), result]);
          for (const group of groups.values()) {
            const holders = group.filter((result) => result.tier.tier === quota.tier).length;
            expect(holders).toBeLessThanOrEqual(quotaLimit(quota, group.length));
          }
        }
        for (const result of results) expect(order.indexOf(result.tier.tier)).toBeGreaterThanOrEqual(order.indexOf(result.tier.qualified));
      }),
      { numRuns: 60 },
    );
  });
});

describe('scoring mode contract (run over every mode)', () => {
  const cases = fc
    .integer({ min: 1, max: 20 })
    .map((n) => n / 2)
    .chain((points) => fc.tuple(fc.constant(points), scoringFor(points), entryArbitrary, metricsArbitrary));

  it('points lie in [0, max]; accepted entries score; an improvement never promises more than the gap; full points need none', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(cases, ([points, scoring, entry, metrics]) => {
        const rubric: RubricDefinition = rubricOf([{ key: 'x', points, scoring }]);
        const compiled = compileRubric(rubric);
        const item = compiled.items[0]!;
        seen.add(item.mode);
        const outcome = item.prepared.score(entry, metrics);
        expect(outcome.points).toBeGreaterThanOrEqual(0);
        expect(outcome.points).toBeLessThanOrEqual(points + 1e-9);
        expect(item.prepared.score(entry, metrics)).toEqual(outcome);
        // An entry the mode accepts without error is never scored as missing or invalid.
        const config = compiled.definition.sections[0]!.items[0]!.scoring;
        const errors: string[] = [];
        modeOf(config).validateEntry(config, entry, (path, code, _message, severity) => {
          if (severity !== 'warning') errors.push(`${path.join('/')} ${code}`);
        });
        if (errors.length === 0) {
          expect(outcome.inputs.missing ?? false).toBe(false);
          expect(outcome.inputs.invalid ?? false).toBe(false);
        }
        const improvement = item.prepared.improve(outcome, metrics);
        if (outcome.points >= points - 1e-9) expect(improvement).toBeUndefined();
        if (improvement) {
          expect(improvement.gain).toBeGreaterThan(0);
          expect(improvement.gain).toBeLessThanOrEqual(points - outcome.points + 1e-9);
          expect(improvement.steps).toBeGreaterThanOrEqual(1);
          expect(improvement.hint['zh-CN'] && improvement.hint.en).toBeTruthy();
        }
      }),
      { numRuns: 300 },
    );
    expect([...seen].sort()).toEqual(Object.keys(scoringModes).sort());
  });
});
