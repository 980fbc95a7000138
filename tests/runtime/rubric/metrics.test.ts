import { describe, expect, it } from 'vitest';
import { compileRubric, findMetric, freezeMetrics, metricInstanceId, metricRegistry } from '../../../runtime/rubric/index';
import type { UnitSnapshot } from '../../../runtime/rubric/index';
import { rubricOf, year2025 } from './helpers';

const snapshot: UnitSnapshot = {
  unit: { id: 'st-1', level: 'station', population: 2000, partyMembers: 50 },
  rooms: [
    { type: 'theory-lecture-room', capacity: 60, lecture: true },
    { type: 'farmhouse-library', capacity: 15 },
    { type: 'farmhouse-library', capacity: 25 },
  ],
  servicePoint: { elements: ['desk', 'sign', 'rules'] },
  volunteers: { registered: 150, partyMembers: 45 },
  teams: [{ type: 'theory-lecture' }, { type: 'culture-arts' }, { type: 'emergency', emergency: true }],
  trainings: [{ date: '2025-03-01' }, { date: '2025-09-01' }, { date: '2024-12-31' }],
  // Jan: 4, Feb: 3, Mar: 5, Dec 2024: 6 (outside the period)
  activities: [
    ...Array.from({ length: 4 }, () => ({ date: '2025-01-10', category: 'theory' })),
    ...Array.from({ length: 3 }, () => ({ date: '2025-02-10', category: 'culture' })),
    ...Array.from({ length: 5 }, () => ({ date: '2025-03-10T09:00:00+08:00', category: 'health' })),
    ...Array.from({ length: 6 }, () => ({ date: '2024-12-10', category: 'other' })),
  ],
  yearPlan: { filedAt: '2025-01-05' },
  monthArrangements: [{ month: '2025-01' }, { month: '2025-02' }, { month: '2025-04' }],
  meetings: [
    { type: 'committee-study', date: '2025-02-01' },
    { type: 'committee-study', date: '2025-08-01' },
    { type: 'committee-study', date: '2025-09-01' },
    { type: 'main-leader-research', date: '2025-01-15' },
    { type: 'main-leader-research', date: '2025-02-15' },
    { type: 'main-leader-research', date: '2025-07-15' },
    { type: 'leader-in-charge', date: '2025-01-20' },
    { type: 'leader-in-charge', date: '2025-02-20' },
    { type: 'leader-in-charge', date: '2025-03-20' },
    { type: 'leader-in-charge', date: '2025-05-20' },
  ],
  orders: [
    { status: 'closed', submittedAt: '2025-01-02', rating: 5 },
    { status: 'closed', submittedAt: '2025-01-03', rating: 4 },
    { status: 'closed', submittedAt: '2025-01-04', rating: 3 },
    { status: 'closed', submittedAt: '2025-01-05' },
    { status: 'in_service', submittedAt: '2025-02-01' },
    { status: 'cancelled', submittedAt: '2025-02-02' },
    { status: 'rejected', submittedAt: '2025-02-03' },
    { status: 'closed', submittedAt: '2024-12-01', rating: 1 },
    { status: 'closed', submittedAt: '2025-04-01', escalatedAt: '2025-04-01T08:00:00Z', dispatchedAt: '2025-04-02T08:00:00Z' },
    { status: 'closed', submittedAt: '2025-04-02', escalatedAt: '2025-04-02T08:00:00Z', dispatchedAt: '2025-04-02T20:00:00Z' },
  ],
  serviceRecords: [
    { activityDate: '2025-01-10', finalisedAt: '2025-01-17' },
    { activityDate: '2025-01-10', finalisedAt: '2025-01-18' },
    { activityDate: '2025-03-10' },
    { activityDate: '2025-03-10', finalisedAt: '2025-03-10' },
  ],
  needsSurveys: [{ date: '2025-02-01' }, { date: '2025-03-01' }, { date: '2025-11-01' }],
  store: { exists: true },
  redemptions: [{ date: '2025-06-01' }],
  children: [{ unitId: 'a', tier: 'demonstration' }, { unitId: 'b', tier: 'standard' }, { unitId: 'c', tier: 'creation' }, { unitId: 'd' }],
};

function value(key: string, params: Record<string, unknown> = {}): number {
  const metric = findMetric(key)!;
  return metric.compute(snapshot, metric.params.parse(params) as Record<string, unknown>, year2025);
}

describe('metric catalogue, hand-computed', () => {
  it('counts activities, months meeting the weekly cadence and categories within the period', () => {
    expect(value('activities-count')).toBe(12);
    expect(value('activities-count', { category: 'health' })).toBe(5);
    expect(value('activities-per-month')).toBe(1);
    expect(value('activity-cadence-months')).toBeCloseTo(2 / 12); // Jan (4) and Mar (5); Feb has 3
    expect(value('activity-cadence-months', { minPerMonth: 3 })).toBeCloseTo(3 / 12);
    expect(value('activity-categories')).toBe(3);
  });
  it('reads the year plan and monthly arrangements', () => {
    expect(value('year-plan-filed')).toBe(1);
    expect(value('month-arrangement-filed', { month: 2 })).toBe(1);
    expect(value('month-arrangement-filed', { month: 3 })).toBe(0);
    expect(value('month-arrangements-share')).toBe(3 / 12);
    expect(value('needs-collection-quarters')).toBe(2 / 4);
  });
  it('applies the source cadence rules per year and per quarter, surplus never making up a gap', () => {
    expect(value('meetings-count', { type: 'committee-study' })).toBe(3);
    // committee 2 of 2; main leader Q1 1 (2 held), Q3 1 → 2 of 4; leader in charge Q1 2 (3 held), Q2 1 → 3 of 8
    const rules = [
      { type: 'committee-study', count: 2, per: 'year' },
      { type: 'main-leader-research', count: 1, per: 'quarter' },
      { type: 'leader-in-charge', count: 2, per: 'quarter' },
    ];
    expect(value('meeting-cadence', { rules })).toBeCloseTo(7 / 14);
    expect(value('meeting-cadence', { rules: [{ type: 'station-head-deploy', count: 2, per: 'year' }] })).toBe(0);
  });
  it('computes volunteer, team and training figures', () => {
    expect(value('volunteer-ratio')).toBe(0.075);
    expect(value('party-member-volunteer-ratio')).toBe(0.9);
    expect(value('teams-count')).toBe(3);
    expect(value('teams-count', { type: 'theory-lecture' })).toBe(1);
    expect(value('teams-count', { emergency: true })).toBe(1);
    expect(value('team-types-count')).toBe(3);
    expect(value('trainings-count')).toBe(2);
  });
  it('counts rooms by type once and finds the lecture capacity', () => {
    expect(value('rooms-count')).toBe(2);
    expect(value('rooms-count', { minCapacity: 20 })).toBe(2);
    expect(value('rooms-count', { minCapacity: 30 })).toBe(1);
    expect(value('lecture-capacity')).toBe(60);
    expect(value('service-point-element', { element: 'desk' })).toBe(1);
    expect(value('service-point-element', { element: 'results' })).toBe(0);
    expect(value('service-point-elements')).toBe(3);
  });
  it('derives closure, satisfaction without unrated orders, share rated and escalation time', () => {
    // in period: 9 orders; valid = 9 − cancelled − rejected = 7; closed = 6
    expect(value('orders-count')).toBe(9);
    expect(value('order-closure-rate')).toBeCloseTo(6 / 7);
    expect(value('order-satisfaction')).toBe(4); // (5 + 4 + 3) / 3; the unrated order is not a 5
    expect(value('order-rated-share')).toBe(3 / 6);
    expect(value('order-favourable-rate')).toBeCloseTo(2 / 3);
    expect(value('escalated-dispatch-hours')).toBe(18); // median of 24 h and 12 h
  });
  it('measures service-record timeliness, the store and child tiers', () => {
    expect(value('service-record-timeliness')).toBe(2 / 4); // 7 days on time, 8 late, unfinalised late
    expect(value('service-record-timeliness', { maxDays: 8 })).toBe(3 / 4);
    expect(value('store-active')).toBe(1);
    expect(value('store-active', { minRedemptions: 2 })).toBe(0);
    expect(value('child-tier-share', { tiers: ['demonstration', 'standard'] })).toBe(2 / 4);
  });
  it('returns whenNone for empty data and 0 for unknown population', () => {
    const empty: UnitSnapshot = { unit: { id: 'x', level: 'station' } };
    for (const metric of metricRegistry.values()) {
      const params = metric.key === 'meeting-cadence' ? { rules: [{ type: 'a', count: 1, per: 'year' }] } : metric.key === 'service-point-element' ? { element: 'desk' } : metric.key === 'meetings-count' ? { type: 'a' } : metric.key === 'month-arrangement-filed' ? { month: 1 } : metric.key === 'child-tier-share' ? { tiers: ['a'] } : {};
      expect(metric.compute(empty, metric.params.parse(params) as Record<string, unknown>, year2025), metric.key).toBe(0);
    }
    expect(findMetric('order-closure-rate')!.compute(empty, { whenNone: 1 }, year2025)).toBe(1);
  });
  it('describes every metric in both languages with a unit and a period', () => {
    for (const metric of metricRegistry.values()) {
      expect(metric.title['zh-CN'] && metric.title.en && metric.definition['zh-CN'] && metric.definition.en, metric.key).toBeTruthy();
      expect(metric.unit).toBeTruthy();
      expect(metric.period).toBeTruthy();
    }
  });
});

describe('freezeMetrics', () => {
  const rubric = rubricOf(
    [
      { key: 'x', points: 4, scoring: { mode: 'metric', metric: { key: 'combined' }, scale: { type: 'linear', zeroAt: 0, fullAt: 4 } } },
      { key: 'y', points: 2, scoring: { mode: 'metric', metric: { key: 'rooms-count', params: { minCapacity: 20 } }, scale: { type: 'linear', zeroAt: 0, fullAt: 2 } } },
    ],
    {
      metrics: [
        {
          key: 'combined',
          title: { 'zh-CN': '组合' },
          unit: 'points',
          inputs: { teams: { key: 'teams-count' }, lecture: { key: 'teams-count', params: { type: 'theory-lecture' } } },
          expression: '(teams >= 2.0 ? 2.0 : teams) + (lecture >= 1.0 ? 2.0 : 0.0)',
        },
      ],
    },
  );
  it('computes registry metrics and rubric expressions over them, keyed by instance id', () => {
    const frozen = freezeMetrics(rubric, snapshot, year2025);
    expect(frozen.values).toEqual({
      'teams-count': 3,
      [metricInstanceId('teams-count', { type: 'theory-lecture' })]: 1,
      combined: 4,
      [metricInstanceId('rooms-count', { minCapacity: 20 })]: 2,
    });
    expect(frozen.problems).toEqual([]);
  });
  it('keeps frozen values when the snapshot changes later', () => {
    const frozen = freezeMetrics(rubric, snapshot, year2025);
    const copy = JSON.parse(JSON.stringify(frozen.values));
    const later = { ...snapshot, teams: [] };
    freezeMetrics(rubric, later, year2025);
    expect(frozen.values).toEqual(copy);
  });
  it('reuses values frozen earlier under the same instance id and computes only the rest', () => {
    const frozen = freezeMetrics(rubric, snapshot, year2025, { 'teams-count': 7 });
    expect(frozen.values['teams-count']).toBe(7); // kept, although the snapshot now has 3 teams
    expect(frozen.values.combined).toBe(4); // derived from the kept value: 2 + 2
    expect(frozen.values[metricInstanceId('rooms-count', { minCapacity: 20 })]).toBe(2);
  });
  it('names instances by canonical params', () => {
    expect(metricInstanceId('rooms-count', {})).toBe('rooms-count');
    expect(metricInstanceId('x', { b: 1, a: [2, { d: 1, c: 2 }] })).toBe('x{"a":[2,{"c":2,"d":1}],"b":1}');
  });
  it('compiles the plan in dependency order', () => {
    const ids = compileRubric(rubric).metricPlan.map((step) => step.id);
    expect(ids.indexOf('combined')).toBeGreaterThan(ids.indexOf('teams-count'));
  });
});

describe('metric catalogue documentation', () => {
  it('lists every registry metric in runtime/rubric/README.md', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../runtime/rubric/README.md', import.meta.url), 'utf8');
    for (const key of metricRegistry.keys()) expect(readme, key).toContain(`| \`${key}\` |`);
  });
});
