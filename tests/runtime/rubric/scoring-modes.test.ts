import { describe, expect, it } from 'vitest';
import { compileRubric, scoreUnit, scoringModes } from '../../../runtime/rubric/index';
import type { ReviewEntry } from '../../../runtime/rubric/index';
import { rubricOf } from './helpers';

/** Scores one item of one mode from a self entry and/or metric values; returns its points. */
function points(item: Parameters<typeof rubricOf>[0][number], entry?: ReviewEntry, metrics: Record<string, number> = {}) {
  const rubric = compileRubric(rubricOf([item]));
  const result = scoreUnit(rubric, { unitId: 'u', metrics, reviews: entry ? { self: { items: { [item.key]: entry } } } : {} });
  return { points: result.items[0]!.points, inputs: result.items[0]!.inputs, result };
}

describe('binary', () => {
  const item = { key: 'a1', points: 3, scoring: { mode: 'binary' } };
  it('gives full points when met, none when not, none and a flag when nobody scored it', () => {
    expect(points(item, { met: true }).points).toBe(3);
    expect(points(item, { met: false }).points).toBe(0);
    const missing = points(item);
    expect(missing.points).toBe(0);
    expect(missing.result.flags.missing).toEqual(['a1']);
  });
  it('checks a metric automatically against atLeast and ignores reviewer entries', () => {
    const auto = { key: 'a3', points: 2, scoring: { mode: 'binary', metric: { key: 'lecture-capacity' }, atLeast: 20 } };
    expect(points(auto, undefined, { 'lecture-capacity': 20 }).points).toBe(2);
    expect(points(auto, { met: true }, { 'lecture-capacity': 19 }).points).toBe(0);
    expect(points(auto, undefined, { 'lecture-capacity': 19 }).result.items[0]!.level).toBe('auto');
  });
});

describe('graded', () => {
  const item = { key: 'a5', points: 5, scoring: { mode: 'graded', byDefects: ['A', 'B', 'C', 'C#'] } };
  it('uses A/B/C/C# = 100/66/33/0 % by default', () => {
    expect(points(item, { grade: 'A' }).points).toBe(5);
    expect(points(item, { grade: 'B' }).points).toBe(3.3);
    expect(points(item, { grade: 'C' }).points).toBe(1.65);
    expect(points(item, { grade: 'C#' }).points).toBe(0);
  });
  it('turns a defect count into a grade, more defects than listed taking the last', () => {
    expect(points(item, { defects: 0 }).points).toBe(5);
    expect(points(item, { defects: 1 }).points).toBe(3.3);
    expect(points(item, { defects: 2 }).points).toBe(1.65);
    expect(points(item, { defects: 7 }).points).toBe(0);
  });
  it('accepts configured levels and scores an unknown grade zero, flagged invalid', () => {
    const custom = { key: 'x', points: 10, scoring: { mode: 'graded', levels: [{ key: 'good', share: 1 }, { key: 'fair', share: 0.5 }] } };
    expect(points(custom, { grade: 'fair' }).points).toBe(5);
    const invalid = points(custom, { grade: 'B' });
    expect(invalid.points).toBe(0);
    expect(invalid.result.flags.invalid).toEqual(['x']);
  });
});

describe('deduction', () => {
  const item = {
    key: 'd',
    points: 5,
    scoring: { mode: 'deduction', defects: [{ key: 'sign', title: { 'zh-CN': '标识缺失' }, points: 1 }, { key: 'closed', title: { 'zh-CN': '未开放' }, points: 2, maxCount: 2 }] },
  };
  it('subtracts per recorded defect from the maximum', () => {
    expect(points(item, { defects: {} }).points).toBe(5);
    expect(points(item, { defects: { sign: 1 } }).points).toBe(4);
    expect(points(item, { defects: { sign: 1, closed: 1 } }).points).toBe(2);
  });
  it('caps a defect at maxCount and never goes below zero', () => {
    expect(points(item, { defects: { closed: 9 } }).points).toBe(1);
    expect(points(item, { defects: { sign: 9, closed: 2 } }).points).toBe(0);
  });
});

describe('metric', () => {
  const linear = { key: 'b2', points: 5, scoring: { mode: 'metric', metric: { key: 'volunteer-ratio' }, scale: { type: 'linear', zeroAt: 0, fullAt: 0.1 } } };
  it('is linear between zeroAt and fullAt and clamps outside', () => {
    expect(points(linear, undefined, { 'volunteer-ratio': 0.05 }).points).toBe(2.5);
    expect(points(linear, undefined, { 'volunteer-ratio': 0.17 }).points).toBe(5);
    expect(points(linear, undefined, { 'volunteer-ratio': -1 }).points).toBe(0);
    expect(points(linear, undefined, { 'volunteer-ratio': 0.033 }).points).toBe(1.65);
  });
  it('scores lower values higher when zeroAt > fullAt', () => {
    const hours = { key: 'g2', points: 4, scoring: { mode: 'metric', metric: { key: 'escalated-dispatch-hours' }, scale: { type: 'linear', zeroAt: 72, fullAt: 24 } } };
    expect(points(hours, undefined, { 'escalated-dispatch-hours': 48 }).points).toBe(2);
    expect(points(hours, undefined, { 'escalated-dispatch-hours': 12 }).points).toBe(4);
  });
  it('takes the highest band reached when stepped', () => {
    const stepped = {
      key: 'c3',
      points: 5,
      scoring: { mode: 'metric', metric: { key: 'order-closure-rate' }, scale: { type: 'stepped', bands: [{ atLeast: 0.5, share: 0.2 }, { atLeast: 0.8, share: 0.8 }, { atLeast: 0.9, share: 1 }] } },
    };
    expect(points(stepped, undefined, { 'order-closure-rate': 0.49 }).points).toBe(0);
    expect(points(stepped, undefined, { 'order-closure-rate': 0.5 }).points).toBe(1);
    expect(points(stepped, undefined, { 'order-closure-rate': 0.85 }).points).toBe(4);
    expect(points(stepped, undefined, { 'order-closure-rate': 0.9 }).points).toBe(5);
  });
});

describe('checklist', () => {
  const haves = ['desk', 'sign', 'rules', 'volunteers', 'projects', 'process', 'facilities', 'results'];
  const eight = { key: 'a4', points: 4, scoring: { mode: 'checklist', elements: haves.map((key) => ({ key, title: { 'zh-CN': key }, points: 0.5 })) } };
  it('gives 0.5 per ticked "have"', () => {
    expect(points(eight, { ticked: [] }).points).toBe(0);
    expect(points(eight, { ticked: ['desk', 'sign', 'rules'] }).points).toBe(1.5);
    expect(points(eight, { ticked: haves }).points).toBe(4);
  });
  it('ignores unknown element keys and caps at the item', () => {
    const bonus = {
      key: 'x',
      points: 5,
      scoring: { mode: 'checklist', elements: [{ key: 'nat', title: { 'zh-CN': '国' }, points: 3 }, { key: 'prov', title: { 'zh-CN': '省' }, points: 2 }, { key: 'city', title: { 'zh-CN': '市' }, points: 1 }] },
    };
    expect(points(bonus, { ticked: ['nat', 'prov', 'city'] }).points).toBe(5);
    expect(points(bonus, { ticked: ['ghost', 'city'] }).points).toBe(1);
  });
  it('ticks elements with a metric from frozen values', () => {
    const auto = {
      key: 'c1',
      points: 2,
      scoring: { mode: 'checklist', elements: [{ key: 'plan', title: { 'zh-CN': '计划' }, points: 1, metric: { key: 'year-plan-filed' } }, { key: 'manual', title: { 'zh-CN': '人工' }, points: 1 }] },
    };
    expect(points(auto, undefined, { 'year-plan-filed': 1 }).points).toBe(1);
    expect(points(auto, { ticked: ['manual', 'plan'] }, { 'year-plan-filed': 0 }).points).toBe(1);
  });
});

describe('judgement', () => {
  const item = {
    key: 'f1',
    points: 5,
    scoring: { mode: 'judgement', options: [{ points: 0, title: { 'zh-CN': '无' } }, { points: 3.5, title: { 'zh-CN': '有' } }, { points: 5, title: { 'zh-CN': '好' } }] },
  };
  it('takes one of the allowed values and rejects others as invalid', () => {
    expect(points(item, { value: 3.5 }).points).toBe(3.5);
    expect(points(item, { value: 5 }).points).toBe(5);
    const invalid = points(item, { value: 4 });
    expect(invalid.points).toBe(0);
    expect(invalid.inputs.invalid).toBe(true);
  });
});

describe('registry', () => {
  it('has one mode per name in the schema union', () => {
    expect(Object.keys(scoringModes).sort()).toEqual(['binary', 'checklist', 'deduction', 'graded', 'judgement', 'metric']);
    for (const [name, mode] of Object.entries(scoringModes)) {
      expect(mode.mode).toBe(name);
      expect(mode.title['zh-CN']).toBeTruthy();
      expect(mode.title.en).toBeTruthy();
    }
  });
});
