import { describe, expect, it } from 'vitest';
import { lintDefinitions } from '../../../runtime/lint/lint';
import { compileRubric, explain, freezeMetrics, scoreUnit, scoreUnits } from '../../../runtime/rubric/index';
import type { ReviewSheet } from '../../../runtime/rubric/index';
import { liangzhou, year2025 } from './helpers';
import { average, averageReview, stationSnapshot, strong, strongReview, weak, weakReview, type StationProfile } from './snapshots';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const station = compileRubric(liangzhou('station-rubric'));

function assess(profile: StationProfile, district: ReviewSheet) {
  const frozen = freezeMetrics(station, stationSnapshot(profile), year2025);
  expect(frozen.problems).toEqual([]);
  return scoreUnit(station, { unitId: profile.id, parentId: 'inst-1', metrics: frozen, reviews: { self: district, district } });
}

describe('Liangzhou station rubric (DOMAIN §8.2, §8.3)', () => {
  it('is 100 points in sections A–F of 20/20/25/15/15/5, bonus ≤ 5 and vetoes V1–V5', () => {
    const definition = station.definition;
    expect(definition.sections.map((section) => [section.key, section.points, section.items.map((item) => [item.key, item.points, item.scoring.mode])])).toEqual([
      ['venue', 20, [['a1', 3, 'binary'], ['a2', 6, 'metric'], ['a3', 2, 'binary'], ['a4', 4, 'checklist'], ['a5', 5, 'graded']]],
      ['team', 20, [['b1', 3, 'binary'], ['b2', 5, 'metric'], ['b3', 4, 'metric'], ['b4', 4, 'metric'], ['b5', 4, 'metric']]],
      ['activity', 25, [['c1', 4, 'checklist'], ['c2', 8, 'metric'], ['c3', 5, 'metric'], ['c4', 5, 'metric'], ['c5', 3, 'metric']]],
      ['project', 15, [['d1', 5, 'metric'], ['d2', 5, 'judgement'], ['d3', 5, 'metric']]],
      ['mechanism', 15, [['e1', 4, 'checklist'], ['e2', 6, 'metric'], ['e3', 3, 'binary'], ['e4', 2, 'graded']]],
      ['brand', 5, [['f1', 5, 'judgement']]],
    ]);
    expect(definition.bonus?.cap).toBe(5);
    expect(definition.vetoes.map((veto) => veto.key)).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
    expect(definition.vetoTier).toBe('creation');
    expect(definition.tiers.map((tier) => [tier.key, tier.minScore, tier.sectionFloor])).toEqual([
      ['demonstration', 90, 0.7],
      ['standard', 75, undefined],
      ['creation', 0, undefined],
    ]);
  });

  it('passes the linter, with the institute rubric', () => {
    const root = fileURLToPath(new URL('../../../definitions/liangzhou/rubrics/', import.meta.url));
    const documents = ['station-rubric.json', 'institute-rubric.json'].map((file) => ({ file, json: JSON.parse(readFileSync(root + file, 'utf8')) }));
    expect(lintDefinitions(documents).filter((problem) => problem.code.startsWith('rubric') || problem.code === 'schema-invalid')).toEqual([]);
  });

  it('awards a strong station 示范级 with 100 + 2 bonus', () => {
    const result = assess(strong, strongReview);
    expect(result.sections.map((section) => section.points)).toEqual([20, 20, 25, 15, 15, 5]);
    expect(result.bonus).toEqual({ raw: 2, points: 2, cap: 5 });
    expect(result.score).toBe(102);
    expect(result.tier).toEqual({ tier: 'demonstration', rule: 'threshold', qualified: 'demonstration' });
  });

  it('awards an average station 达标级 and says what stands between it and 示范级', () => {
    const result = assess(average, averageReview);
    // venue 3+4+2+3+3.3; team 3+4+4+2+3; activity 3.5+4.67+4+2.5+2.4; project 4.17+3.5+3.75; mechanism 3.2+6+3+1.32; brand 3.5
    expect(result.sections.map((section) => section.points)).toEqual([15.3, 16, 17.07, 11.42, 13.52, 3.5]);
    expect(result.rawScore).toBe(76.81);
    expect(result.score).toBe(76.8); // reported to one decimal (§8.3)
    expect(result.tier.tier).toBe('standard');
    const next = explain(station, result).next!;
    expect(next.tier).toBe('demonstration');
    expect(next.pointsMissing).toBe(13.2);
    // brand 3.5 < 3.5 (70 % of 5)? no: equal is enough; activity 17.07 < 17.5 is below its floor
    expect(next.sectionsBelowFloor).toEqual([{ section: 'activity', points: 17.07, required: 17.5, missing: 0.43 }]);
    expect(next.reachable).toBe(true);
    expect(next.fewest.length).toBeGreaterThan(0);
  });

  it('leaves a weak station at 创建级', () => {
    const result = assess(weak, weakReview);
    expect(result.score).toBeLessThan(75);
    expect(result.tier).toEqual({ tier: 'creation', rule: 'fallback', qualified: 'creation' });
  });

  it('forces 创建级 on a strong station with a confirmed veto, and says so', () => {
    const frozen = freezeMetrics(station, stationSnapshot(strong), year2025);
    const result = scoreUnit(station, {
      unitId: 'st-vetoed',
      metrics: frozen,
      reviews: { self: strongReview, district: { ...strongReview, vetoes: { v2: { confirmed: true, comment: '活动室被村委会长期占用', evidence: ['visit-2025-10-12'] } } } },
    });
    expect(result.score).toBe(102);
    expect(result.vetoed).toBe(true);
    expect(result.tier).toEqual({ tier: 'creation', rule: 'veto', qualified: 'creation' });
    const explanation = explain(station, result);
    expect(explanation.decision.text['zh-CN']).toContain('一票否决');
    expect(explanation.next?.vetoes).toEqual(['v2']);
    expect(explanation.next?.reachable).toBe(false);
  });

  it('holds 示范级 to 30 % of a town\'s stations, ranking by score then C then B', () => {
    const town = ['s1', 's2', 's3', 's4', 's5', 's6', 's7'].map((id) => ({ ...strong, id, parentId: 'inst-1' }));
    town[0] = { ...town[0]!, busyMonths: 11 }; // loses 0.67 of C2
    town[4] = { ...town[4]!, teams: ['culture-arts', 'civility'] }; // loses 2 of B3: 100, C full
    const inputs = town.map((profile) => ({
      unitId: profile.id,
      parentId: 'inst-1',
      metrics: freezeMetrics(station, stationSnapshot(profile), year2025),
      reviews: { district: strongReview },
    }));
    const results = scoreUnits(station, inputs);
    // floor(0.3 × 7) = 2 places. Five stations tie at 102 (ids decide: s2, s3); s1 has 101.3, s5 100.
    expect(results.map((result) => [result.unitId, result.score, result.tier.tier, result.tier.rule])).toEqual([
      ['s1', 101.3, 'standard', 'quota'],
      ['s2', 102, 'demonstration', 'threshold'],
      ['s3', 102, 'demonstration', 'threshold'],
      ['s4', 102, 'standard', 'quota'],
      ['s5', 100, 'standard', 'quota'],
      ['s6', 102, 'standard', 'quota'],
      ['s7', 102, 'standard', 'quota'],
    ]);
  });

  it('scores an institute with section G from its stations and escalated orders', () => {
    const institute = compileRubric(liangzhou('institute-rubric'));
    const snapshot = stationSnapshot({ ...strong, id: 'inst-1', rooms: 5, lectureSeats: 80, teams: ['theory-lecture', 'emergency'] });
    snapshot.unit.level = 'institute';
    snapshot.children = [{ unitId: 'a', tier: 'demonstration' }, { unitId: 'b', tier: 'standard' }, { unitId: 'c', tier: 'creation' }, { unitId: 'd', tier: 'standard' }];
    snapshot.orders = [...(snapshot.orders ?? []), { status: 'closed', submittedAt: '2025-03-01', escalatedAt: '2025-03-01T08:00:00+08:00', dispatchedAt: '2025-03-02T20:00:00+08:00' }];
    snapshot.meetings = [
      { type: 'committee-study', date: '2025-03-01' },
      { type: 'committee-study', date: '2025-09-01' },
      ...[1, 4, 7, 10].map((m) => ({ type: 'main-leader-research', date: `2025-${String(m).padStart(2, '0')}-05` })),
      ...[1, 2, 4, 5, 7, 8].map((m) => ({ type: 'leader-in-charge', date: `2025-${String(m).padStart(2, '0')}-06` })),
    ];
    const result = scoreUnit(institute, { unitId: 'inst-1', metrics: freezeMetrics(institute, snapshot, year2025), reviews: { district: strongReview } });
    const item = (key: string) => result.items.find((candidate) => candidate.key === key)!;
    expect(item('a3').points).toBe(2); // 80 seats ≥ 50
    expect(item('b6').points).toBe(3); // an emergency team
    expect(item('e2').points).toBe(6); // 12 of 14 required meetings: Q4 leader-in-charge missing → 7 × 12/14
    expect(item('g1').points).toBe(4.5); // 3 of 4 stations at standard or above → 6 × 0.75
    expect(item('g2').points).toBe(4 * (72 - 36) / 48); // median 36 h between 72 (0) and 24 (full)
    expect(result.sections.map((section) => section.key)).toEqual(['venue', 'team', 'activity', 'project', 'mechanism', 'brand', 'guidance']);
  });
});
