import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricRegistry, UnitSnapshot as UnitSnapshotSchema } from '../../../runtime/rubric/index';
import { average, stationSnapshot, strong, weak } from './snapshots';
import type { SnapshotOrder, UnitSnapshot } from '../../../runtime/rubric/index';
import { year2025 } from './helpers';

const date = fc.record({ y: fc.constantFrom(2024, 2025, 2026), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).map(
  ({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
);
const statuses: SnapshotOrder['status'][] = ['submitted', 'dispatched', 'closed', 'rejected', 'cancelled'];

const snapshot: fc.Arbitrary<UnitSnapshot> = fc.record({
  unit: fc.record({ id: fc.constant('u'), level: fc.constant('station' as const), population: fc.nat(5000), partyMembers: fc.nat(100) }),
  rooms: fc.array(fc.record({ type: fc.constantFrom('a', 'b', 'c'), capacity: fc.nat(100), lecture: fc.boolean() }), { maxLength: 5 }),
  servicePoint: fc.record({ elements: fc.subarray(['desk', 'sign', 'rules', 'volunteers']) }),
  volunteers: fc.record({ registered: fc.nat(1000), partyMembers: fc.nat(100) }),
  teams: fc.array(fc.record({ type: fc.constantFrom('theory-lecture', 'emergency', 'culture-arts') }), { maxLength: 5 }),
  trainings: fc.array(fc.record({ date }), { maxLength: 5 }),
  activities: fc.array(fc.record({ date, category: fc.constantFrom('x', 'y', 'z') }), { maxLength: 60 }),
  monthArrangements: fc.array(date.map((value) => ({ month: value.slice(0, 7) })), { maxLength: 12 }),
  meetings: fc.array(fc.record({ type: fc.constantFrom('committee-study', 'leader-in-charge'), date }), { maxLength: 12 }),
  orders: fc.array(
    fc.record({ status: fc.constantFrom(...statuses), submittedAt: date, rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) }).map(({ rating, ...order }) =>
      rating === undefined ? order : { ...order, rating },
    ),
    { maxLength: 30 },
  ),
  serviceRecords: fc.array(fc.record({ activityDate: date, finalisedAt: date }), { maxLength: 20 }),
  needsSurveys: fc.array(fc.record({ date }), { maxLength: 6 }),
  store: fc.record({ exists: fc.boolean() }),
  redemptions: fc.array(fc.record({ date }), { maxLength: 3 }),
  children: fc.array(fc.record({ unitId: fc.string(), tier: fc.constantFrom('demonstration', 'standard', 'creation') }), { maxLength: 6 }),
});

const params: Record<string, unknown> = {
  'meeting-cadence': { rules: [{ type: 'committee-study', count: 2, per: 'year' }, { type: 'leader-in-charge', count: 2, per: 'quarter' }] },
  'meetings-count': { type: 'committee-study' },
  'service-point-element': { element: 'desk' },
  'month-arrangement-filed': { month: 3 },
  'child-tier-share': { tiers: ['demonstration', 'standard'] },
};

describe('metric properties', () => {
  it('every metric is total, finite, deterministic and leaves the snapshot untouched', () => {
    fc.assert(
      fc.property(snapshot, (data) => {
        expect(UnitSnapshotSchema.safeParse(data).success).toBe(true);
        const before = JSON.stringify(data);
        for (const metric of metricRegistry.values()) {
          const parsed = metric.params.parse(params[metric.key] ?? {}) as Record<string, unknown>;
          const value = metric.compute(data, parsed, year2025);
          expect(Number.isFinite(value), metric.key).toBe(true);
          expect(metric.compute(data, parsed, year2025)).toBe(value);
          if (metric.unit === 'share' || metric.unit === 'flag') expect(value >= 0 && value <= 1, `${metric.key} = ${value}`).toBe(true);
        }
        expect(JSON.stringify(data)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it('satisfaction lies in [1, 5] whenever an order is rated, and ignores unrated ones', () => {
    const satisfaction = metricRegistry.get('order-satisfaction')!;
    fc.assert(
      fc.property(snapshot, (data) => {
        const value = satisfaction.compute(data, { whenNone: 0 }, year2025);
        const withUnrated = { ...data, orders: [...(data.orders ?? []), { status: 'closed' as const, submittedAt: '2025-06-01' }] };
        expect(satisfaction.compute(withUnrated, { whenNone: 0 }, year2025)).toBe(value);
        if (value !== 0) expect(value >= 1 && value <= 5).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('the snapshot schema accepts what the server gathers and rejects malformed data', () => {
    for (const profile of [strong, average, weak]) expect(UnitSnapshotSchema.safeParse(stationSnapshot(profile)).success).toBe(true);
    expect(UnitSnapshotSchema.safeParse({ unit: { id: 'x', level: 'village' } }).success).toBe(false);
    expect(UnitSnapshotSchema.safeParse({ unit: { id: 'x', level: 'station' }, activities: [{ date: 'last week' }] }).success).toBe(false);
  });
});
