import { describe, expect, it } from 'vitest';
import { applyQuotas, compileRubric, quotaLimit, scoreUnit, scoreUnits } from '../../../runtime/rubric/index';
import type { AssessmentInput } from '../../../runtime/rubric/index';
import { Quota } from '../../../runtime/schema/rubric';
import { sectionedRubric } from './helpers';

// Sections A 30, B 30, C 40 = 100 in binary items of 5 points, so a unit's points are the items it met.
const layout = { a: [5, 5, 5, 5, 5, 5], b: [5, 5, 5, 5, 5, 5], c: [5, 5, 5, 5, 5, 5, 5, 5] };
const rubric = compileRubric(sectionedRubric(layout));

function unit(unitId: string, missed: string[], extra: Partial<AssessmentInput> = {}): AssessmentInput {
  const items = Object.fromEntries(rubric.items.map((item) => [item.key, { met: !missed.includes(item.key) }]));
  return { unitId, metrics: {}, reviews: { self: { items } }, ...extra };
}

describe('tiers from rubric data', () => {
  it('awards the highest tier whose threshold and floors are met', () => {
    expect(scoreUnit(rubric, unit('u', [])).tier).toEqual({ tier: 'top', rule: 'threshold', qualified: 'top' });
    expect(scoreUnit(rubric, unit('u', ['c4', 'c3'])).tier.tier).toBe('top'); // 90, every section ≥ 70 %
    expect(scoreUnit(rubric, unit('u', ['c4', 'c3', 'a1'])).tier.tier).toBe('mid'); // 85
    expect(scoreUnit(rubric, unit('u', ['a1', 'b1', 'c1', 'c2', 'c3'])).tier.tier).toBe('mid'); // 75 exactly
    expect(scoreUnit(rubric, unit('u', ['a1', 'b1', 'c1', 'c2', 'c3', 'c4'])).tier.tier).toBe('low'); // 70
  });
  it('keeps a high score out of the top tier when one section is below its floor', () => {
    const rich = compileRubric(sectionedRubric({ a: [5, 5], b: [30], c: [60] }, { tiers: [
      { key: 'top', title: { 'zh-CN': '示范级' }, minScore: 90, sectionFloor: 0.7 },
      { key: 'mid', title: { 'zh-CN': '达标级' }, minScore: 75 },
      { key: 'low', title: { 'zh-CN': '创建级' }, minScore: 0 },
    ] }));
    const high = scoreUnit(rich, { unitId: 'u', metrics: {}, reviews: { self: { items: { a1: { met: true }, a2: { met: false }, b1: { met: true }, c1: { met: true } } } } });
    expect(high.score).toBe(95); // ≥ 90 but section a is 5 of 10 (50 %)
    expect(high.tier).toEqual({ tier: 'mid', rule: 'threshold', qualified: 'mid' });
  });
  it('falls back to the last tier', () => {
    expect(scoreUnit(rubric, unit('u', ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'])).tier).toEqual({ tier: 'low', rule: 'fallback', qualified: 'low' });
  });
  it('forces the veto tier whatever the score, and flags it', () => {
    const vetoed = scoreUnit(rubric, unit('u', [], { reviews: { self: { items: unit('u', []).reviews!.self!.items! }, district: { vetoes: { v1: { confirmed: true } } } } }));
    expect(vetoed.score).toBe(100);
    expect(vetoed.vetoed).toBe(true);
    expect(vetoed.tier).toEqual({ tier: 'low', rule: 'veto', qualified: 'low' });
    expect(vetoed.vetoes).toEqual([{ key: 'v1', confirmed: true, level: 'district' }]);
  });
  it('lets the last reviewer clear a veto the unit declared', () => {
    const cleared = scoreUnit(rubric, unit('u', [], { reviews: { self: { items: unit('u', []).reviews!.self!.items!, vetoes: { v1: { confirmed: true } } }, district: { vetoes: { v1: { confirmed: false } } } } }));
    expect(cleared.vetoed).toBe(false);
    expect(cleared.tier.tier).toBe('top');
  });
  it('respects custom section floors per section', () => {
    const custom = compileRubric(sectionedRubric({ a: [10, 10], b: [10, 10], c: [60] }, { tiers: [
      { key: 'top', title: { 'zh-CN': '示范级' }, minScore: 80, sectionFloor: 0.7, sectionFloors: { a: 0.5 } },
      { key: 'low', title: { 'zh-CN': '创建级' }, minScore: 0 },
    ] }));
    const items = { a1: { met: true }, a2: { met: false }, b1: { met: true }, b2: { met: true }, c1: { met: true } };
    expect(scoreUnit(custom, { unitId: 'u', metrics: {}, reviews: { self: { items } } }).tier.tier).toBe('top'); // a = 50 % ≥ its own floor
  });
});

describe('quotas', () => {
  const withQuota = (quota: Record<string, unknown>) => compileRubric(sectionedRubric(layout, { quotas: [quota] }));

  it('computes limits from share and count with the configured rounding', () => {
    const parse = (quota: Record<string, unknown>) => Quota.parse({ tier: 'top', ...quota });
    expect(quotaLimit(parse({ maxShare: 0.3 }), 10)).toBe(3); // 0.3 × 10 is 3.0000000000000004 in floating point
    expect(quotaLimit(parse({ maxShare: 0.3 }), 7)).toBe(2);
    expect(quotaLimit(parse({ maxShare: 0.3, rounding: 'ceil' }), 7)).toBe(3);
    expect(quotaLimit(parse({ maxShare: 0.3, rounding: 'round' }), 5)).toBe(2);
    expect(quotaLimit(parse({ maxShare: 0.5, maxCount: 1 }), 10)).toBe(1);
  });

  it('keeps the best-ranked units and demotes the rest to the next tier they qualify for', () => {
    const quota = withQuota({ tier: 'top', scope: 'parent', maxShare: 0.3 });
    // Five units of one institute all qualify for top: limit floor(1.5) = 1.
    const inputs = [
      unit('s1', ['c4'], { parentId: 'i1' }), // 95
      unit('s2', [], { parentId: 'i1' }), // 100
      unit('s3', ['a1'], { parentId: 'i1' }), // 95
      unit('s4', ['a1', 'b1', 'c1'], { parentId: 'i1' }), // 85 → mid already
      unit('s5', ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'], { parentId: 'i1' }), // 70 → low
    ];
    const results = scoreUnits(quota, inputs);
    expect(results.map((result) => [result.unitId, result.tier.tier, result.tier.rule])).toEqual([
      ['s1', 'mid', 'quota'],
      ['s2', 'top', 'threshold'],
      ['s3', 'mid', 'quota'],
      ['s4', 'mid', 'threshold'],
      ['s5', 'low', 'fallback'],
    ]);
    expect(results[0]!.tier.qualified).toBe('top');
  });

  it('breaks ties by section C, then B, then unit id', () => {
    const quota = withQuota({ tier: 'top', scope: 'all', maxCount: 1, tieBreakers: [{ section: 'c' }, { section: 'b' }] });
    // All 95: x misses a C item (C 35), y misses a B item (B 25, C 40), z misses an A item (B 30, C 40).
    const results = scoreUnits(quota, [unit('x', ['c1']), unit('y', ['b1']), unit('z', ['a1'])]);
    expect(results.map((result) => result.tier.tier)).toEqual(['mid', 'mid', 'top']);
    const tied = scoreUnits(quota, [unit('b', ['a1']), unit('a', ['a2'])]);
    expect(tied.map((result) => result.tier.tier)).toEqual(['mid', 'top']);
  });

  it('applies quotas per parent unit', () => {
    const quota = withQuota({ tier: 'top', scope: 'parent', maxCount: 1 });
    const results = scoreUnits(quota, [unit('a', [], { parentId: 'i1' }), unit('b', [], { parentId: 'i1' }), unit('c', [], { parentId: 'i2' })]);
    expect(results.map((result) => result.tier.tier)).toEqual(['top', 'mid', 'top']);
  });

  it('cascades: units demoted into a tier with its own quota go further down', () => {
    const rubricWithTwo = compileRubric(
      sectionedRubric(layout, {
        quotas: [
          { tier: 'top', scope: 'all', maxCount: 1 },
          { tier: 'mid', scope: 'all', maxCount: 1 },
        ],
      }),
    );
    const results = scoreUnits(rubricWithTwo, [unit('a', []), unit('b', ['a1']), unit('c', ['a2'])]);
    expect(results.map((result) => result.tier.tier)).toEqual(['top', 'mid', 'low']);
  });

  it('never moves a vetoed unit and does not mutate its input', () => {
    const quota = withQuota({ tier: 'top', scope: 'all', maxCount: 0 });
    const scored = [scoreUnit(quota, unit('a', []))];
    const results = applyQuotas(quota, scored);
    expect(results[0]!.tier.tier).toBe('mid');
    expect(scored[0]!.tier.tier).toBe('top');
  });
});
