import { describe, expect, it } from 'vitest';
import { compileRubric, explain, scoreUnit, scoreUnits } from '../../../runtime/rubric/index';
import { RubricDefinition } from '../../../runtime/schema/rubric';
import { t } from './helpers';

// A: 10 (binary 4, checklist 6 of 3 × 2); B: 10 (metric 10, linear 0 → 10 trainings); bonus cap 2 of a 3-point item.
const rubric = compileRubric(
  RubricDefinition.parse({
    kind: 'rubric',
    key: 'explained',
    version: 1,
    title: t('解释'),
    totalPoints: 20,
    sections: [
      {
        key: 'a',
        title: t('场所'),
        points: 10,
        items: [
          { key: 'a1', title: t('牌匾'), points: 4, evidence: ['photo'], scoring: { mode: 'binary' } },
          { key: 'a2', title: t('八有'), points: 6, scoring: { mode: 'checklist', elements: ['x', 'y', 'z'].map((key) => ({ key, title: t(`要素${key}`), points: 2 })) } },
        ],
      },
      { key: 'b', title: t('队伍'), points: 10, items: [{ key: 'b1', title: t('培训'), points: 10, scoring: { mode: 'metric', metric: { key: 'trainings-count' }, scale: { type: 'linear', zeroAt: 0, fullAt: 10 } } }] },
    ],
    bonus: { cap: 2, items: [{ key: 'x1', title: t('荣誉'), points: 3, scoring: { mode: 'binary' } }] },
    vetoes: [{ key: 'v1', title: t('否决') }],
    vetoTier: 'low',
    tiers: [
      { key: 'top', title: { 'zh-CN': '示范级', en: 'Demonstration' }, minScore: 18, sectionFloor: 0.7 },
      { key: 'mid', title: { 'zh-CN': '达标级', en: 'Standard' }, minScore: 12 },
      { key: 'low', title: { 'zh-CN': '创建级', en: 'In creation' }, minScore: 0 },
    ],
    quotas: [{ tier: 'top', scope: 'all', maxCount: 1 }],
  }),
);

describe('explanation', () => {
  it('shows rounding to the rubric\'s decimals as its own line, so lines still add up', () => {
    const oneDecimal = compileRubric({ ...rubric.definition, scoreDecimals: 1 });
    const result = scoreUnit(oneDecimal, { unitId: 'st', metrics: { 'trainings-count': 2.35 }, reviews: { self: { items: { a1: { met: true } } } } });
    expect([result.rawScore, result.score]).toEqual([6.35, 6.4]); // b1: 10 × 0.235 = 2.35; half up
    const lines = explain(oneDecimal, result).lines;
    expect(lines.at(-1)).toEqual({ kind: 'rounding', points: 0.05, text: { 'zh-CN': '总分 6.35 保留 1 位小数为 6.4', en: 'Score 6.35 rounded to 1 decimal(s): 6.4' } });
    expect(Math.round(lines.reduce((sum, line) => sum + line.points * 100, 0))).toBe(640);
  });

  const result = scoreUnit(rubric, {
    unitId: 'st',
    metrics: { 'trainings-count': 9 },
    reviews: { self: { items: { a1: { met: false }, a2: { ticked: ['x', 'y'] }, x1: { met: true } } }, district: { items: { a1: { met: true, evidence: ['photo-9'], comment: '已挂牌' } } } },
  });

  it('goes item → mode → inputs → points, with caps as their own lines, adding up to the score', () => {
    const explanation = explain(rubric, result);
    expect(result.score).toBe(4 + 4 + 9 + 2);
    expect(explanation.lines.map((line) => [line.kind, line.points])).toEqual([
      ['item', 4],
      ['item', 4],
      ['item', 9],
      ['item', 3],
      ['bonusCap', -1],
    ]);
    const a1 = explanation.lines[0]!;
    expect(a1.kind === 'item' && [a1.level, a1.evidence, a1.mode]).toEqual(['district', ['photo-9'], 'binary']);
    expect(a1.text).toEqual({ 'zh-CN': 'a1 牌匾：是否达标，区审定，达到要求 → 4/4 分', en: 'a1 牌匾: Binary, district review, requirement met → 4/4' });
    expect(explanation.lines[2]!.text['zh-CN']).toBe('b1 培训：指标计算，系统自动计算，trainings-count = 9 → 9/10 分');
    expect(explanation.lines.reduce((sum, line) => sum + line.points, 0)).toBe(result.score);
  });

  it('names the deciding rule and the exact shortfall to the next tier with the fewest improvements', () => {
    const low = scoreUnit(rubric, { unitId: 'st', metrics: { 'trainings-count': 5 }, reviews: { self: { items: { a1: { met: true }, a2: { ticked: [] } } } } });
    // 4 + 0 + 5 = 9 → low; to mid (12): 3 missing. a2 can give 6 (3 elements), b1 5, x1 2 (bonus cap).
    const explanation = explain(rubric, low);
    expect(explanation.decision).toEqual({ rule: 'fallback', text: { 'zh-CN': '得分 9 未达到更高等次：创建级', en: 'Score 9 reaches no higher tier: In creation' } });
    const next = explanation.next!;
    expect(next.tier).toBe('mid');
    expect(next.pointsMissing).toBe(3);
    expect(next.improvements.map((option) => [option.item, option.gain, option.steps])).toEqual([
      ['a2', 6, 3],
      ['b1', 5, 1],
      ['x1', 2, 1],
    ]);
    expect(next.fewest).toEqual(['a2']);
    // Items by key and quoted title; the gap alone for a screen that lists them itself.
    expect(next.text['zh-CN']).toBe('距达标级：还差 3 分；最少改进：a2“八有”');
    expect(next.gap).toEqual({ 'zh-CN': '距达标级：还差 3 分', en: 'To reach Standard: 3 points short' });
  });

  it('reports sections below their floor for the top tier', () => {
    const explanation = explain(rubric, result); // 19 points, A 8 ≥ 7, B 9 ≥ 7: top, nothing above it
    expect(result.tier.tier).toBe('top');
    expect(explanation.next).toBeUndefined();
    const weakA = scoreUnit(rubric, { unitId: 'st', metrics: { 'trainings-count': 10 }, reviews: { self: { items: { a1: { met: true }, a2: { ticked: ['x'] }, x1: { met: true } } } } });
    // 4 + 2 + 10 + 2 = 18 ≥ 18 but A = 6 < 7
    expect(weakA.tier.tier).toBe('mid');
    const next = explain(rubric, weakA).next!;
    expect(next.pointsMissing).toBe(0);
    expect(next.sectionsBelowFloor).toEqual([{ section: 'a', points: 6, required: 7, missing: 1 }]);
    expect(next.fewest).toEqual(['a2']);
    expect(next.text.en).toBe('To reach Demonstration: 场所 has 6, below its floor of 7; fewest improvements: a2 "八有"');
    expect(next.text['zh-CN']).toBe('距示范级：场所部分得 6 分，低于底线 7 分；最少改进：a2“八有”');
  });

  it('explains a veto and a quota demotion', () => {
    const vetoed = scoreUnit(rubric, { unitId: 'st', metrics: { 'trainings-count': 10 }, reviews: { district: { vetoes: { v1: { confirmed: true } } } } });
    expect(explain(rubric, vetoed).decision.text.en).toBe('Veto confirmed (v1): tier forced to In creation');
    const blocked = scoreUnit(rubric, { unitId: 'st', metrics: { 'trainings-count': 5 }, reviews: { district: { vetoes: { v1: { confirmed: true } } } } });
    expect(explain(rubric, blocked).next?.text['zh-CN']).toBe('距达标级：存在一票否决项 v1“否决”；还差 7 分');
    const full = { a1: { met: true }, a2: { ticked: ['x', 'y', 'z'] } };
    const [first, second] = scoreUnits(rubric, [
      { unitId: 'a', metrics: { 'trainings-count': 10 }, reviews: { self: { items: full } } },
      { unitId: 'b', metrics: { 'trainings-count': 10 }, reviews: { self: { items: full } } },
    ]);
    expect(first!.tier.tier).toBe('top');
    const demoted = explain(rubric, second!);
    expect(demoted.decision.rule).toBe('quota');
    expect(demoted.decision.text['zh-CN']).toBe('得分 20 达到示范级，但排名超出名额：达标级');
    expect(demoted.next?.quota).toBe(true);
  });
});
