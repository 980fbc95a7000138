import { describe, expect, it } from 'vitest';
import { compileRubric, scoreUnit } from '../../../runtime/rubric/index';
import { rubricOf } from './helpers';

const items = [
  { key: 'g', points: 10, scoring: { mode: 'graded' } },
  { key: 'j', points: 5, scoring: { mode: 'judgement', options: [{ points: 0, title: { 'zh-CN': '无' } }, { points: 2, title: { 'zh-CN': '一般' } }, { points: 5, title: { 'zh-CN': '好' } }] } },
];

describe('levels of review', () => {
  const rubric = compileRubric(rubricOf(items));
  it('counts the last level present per item, with its comment and evidence', () => {
    const result = scoreUnit(rubric, {
      unitId: 'u',
      metrics: {},
      reviews: {
        self: { items: { g: { grade: 'A' }, j: { value: 5 } } },
        institute: { items: { g: { grade: 'B', comment: '开放时间未公示', evidence: ['photo-17'] } } },
      },
    });
    expect(result.items.map((item) => [item.key, item.level, item.points])).toEqual([
      ['g', 'institute', 6.6],
      ['j', 'self', 5],
    ]);
    expect(result.items[0]!.comment).toBe('开放时间未公示');
    expect(result.items[0]!.evidence).toEqual(['photo-17']);
    expect(result.score).toBe(11.6);
  });
  it('flags items where self and the counting reviewer differ by more than the gap (default 30 % of the item)', () => {
    const result = scoreUnit(rubric, {
      unitId: 'u',
      metrics: {},
      reviews: {
        self: { items: { g: { grade: 'A' }, j: { value: 5 } } },
        district: { items: { g: { grade: 'B' }, j: { value: 2 } } },
      },
    });
    // g: 10 vs 6.6 → 3.4 > 3 flagged; j: 5 vs 2 → 3 > 1.5 flagged
    expect(result.flags.disagreements).toEqual(['g', 'j']);
    expect(result.items[0]!.disagreement).toEqual({ self: 10, reviewer: 6.6, level: 'district' });
  });
  it('uses a configured gap in points and a configured counting level', () => {
    const strict = compileRubric(rubricOf(items, { review: { counts: 'institute', disagreementGap: { points: 4 } } }));
    const result = scoreUnit(strict, {
      unitId: 'u',
      metrics: {},
      reviews: {
        self: { items: { g: { grade: 'A' }, j: { value: 5 } } },
        institute: { items: { g: { grade: 'C' } } },
        district: { items: { g: { grade: 'C#' }, j: { value: 0 } } },
      },
    });
    expect(result.items.map((item) => [item.key, item.level, item.points])).toEqual([
      ['g', 'institute', 3.3],
      ['j', null, 0],
    ]);
    expect(result.flags.disagreements).toEqual(['g']); // 6.7 > 4
    expect(result.flags.missing).toEqual(['j']);
  });
});
