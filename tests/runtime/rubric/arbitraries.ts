import fc from 'fast-check';
import { RubricDefinition } from '../../../runtime/schema/rubric';
import type { AssessmentInput, ReviewEntry } from '../../../runtime/rubric/index';

const t = (zh: string) => ({ 'zh-CN': zh, en: zh });
const halfPoints = fc.integer({ min: 1, max: 20 }).map((n) => n / 2);
const metricKeys = ['rooms-count', 'volunteer-ratio', 'trainings-count'] as const;
export const elementKeys = ['e1', 'e2', 'e3', 'e4', 'e5'];
export const defectKeys = ['d1', 'd2', 'd3'];

/** A scoring config valid for an item of `points`, of any mode. */
export function scoringFor(points: number): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(
    fc.constant({ mode: 'binary' }),
    fc.record({ mode: fc.constant('binary'), metric: fc.constantFrom(...metricKeys).map((key) => ({ key })), atLeast: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ mode: fc.constant('graded'), byDefects: fc.option(fc.constant(['A', 'B', 'C', 'C#']), { nil: undefined }) }).map(({ byDefects, ...rest }) => (byDefects ? { ...rest, byDefects } : rest)),
    fc
      .uniqueArray(fc.constantFrom(...defectKeys), { minLength: 1, maxLength: 3 })
      .chain((keys) => fc.tuple(fc.constant(keys), fc.array(halfPoints, { minLength: keys.length, maxLength: keys.length })))
      .map(([keys, amounts]) => ({ mode: 'deduction', defects: keys.map((key, index) => ({ key, title: t(key), points: Math.min(amounts[index]!, points) })) })),
    fc.record({
      mode: fc.constant('metric'),
      metric: fc.constantFrom(...metricKeys).map((key) => ({ key })),
      scale: fc.oneof(
        fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.boolean()).map(([zero, width, down]) => ({ type: 'linear', zeroAt: down ? zero + width : zero, fullAt: down ? zero : zero + width })),
        fc.uniqueArray(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 4 }).map((thresholds) => {
          const sorted = [...thresholds].sort((a, b) => a - b);
          return { type: 'stepped', bands: sorted.map((atLeast, index) => ({ atLeast, share: (index + 1) / sorted.length })) };
        }),
      ),
    }),
    fc.integer({ min: 1, max: 5 }).map((count) => {
      const each = points / count;
      return { mode: 'checklist', elements: elementKeys.slice(0, count).map((key, index) => ({ key, title: t(key), points: each, ...(index === 0 && count > 1 ? { metric: { key: 'trainings-count' } } : {}) })) };
    }),
    fc.uniqueArray(fc.integer({ min: 0, max: Math.floor(points * 2) - 1 }), { minLength: 1, maxLength: 3 }).map((others) => ({
      mode: 'judgement',
      options: [points, ...others.map((n) => n / 2)].map((value) => ({ points: value, title: t(String(value)) })),
    })),
  );
}

const item = (key: string) => halfPoints.chain((points) => scoringFor(points).map((scoring) => ({ key, title: t(key), points, scoring })));

/** A well-formed rubric: 1–3 sections of 1–4 items of any mode, maybe a bonus, a veto, three tiers and a quota. */
export const rubricArbitrary: fc.Arbitrary<RubricDefinition> = fc
  .record({
    sections: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    bonusCap: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    floor: fc.option(fc.constantFrom(0.5, 0.7), { nil: undefined }),
    decimals: fc.constantFrom(0, 1, 2),
    quota: fc.option(fc.record({ maxShare: fc.constantFrom(0.1, 0.3, 0.5), rounding: fc.constantFrom('floor', 'ceil', 'round') }), { nil: undefined }),
  })
  .chain(({ sections, bonusCap, floor, decimals, quota }) =>
    fc
      .tuple(
        fc.tuple(...sections.map((count, sectionIndex) => fc.tuple(...Array.from({ length: count }, (_, i) => item(`i${sectionIndex}-${i}`))))),
        bonusCap === undefined ? fc.constant([]) : fc.tuple(item('bonus-1'), item('bonus-2')),
        fc.tuple(fc.double({ min: 0.5, max: 0.95, noNaN: true }), fc.double({ min: 0.1, max: 0.49, noNaN: true })),
      )
      .map(([sectionItems, bonusItems, [high, low]]) => {
        const built = sectionItems.map((items, index) => ({ key: `s${index}`, title: t(`s${index}`), points: items.reduce((sum, entry) => sum + entry.points, 0), items }));
        const total = built.reduce((sum, section) => sum + section.points, 0);
        return RubricDefinition.parse({
          kind: 'rubric',
          key: 'generated',
          version: 1,
          title: t('生成'),
          totalPoints: total,
          scoreDecimals: decimals,
          sections: built,
          ...(bonusCap === undefined ? {} : { bonus: { cap: bonusCap, items: bonusItems } }),
          vetoes: [{ key: 'v1', title: t('否决') }],
          vetoTier: 'low',
          tiers: [
            { key: 'top', title: t('示范级'), minScore: Math.round(total * high * 100) / 100, ...(floor === undefined ? {} : { sectionFloor: floor }) },
            { key: 'mid', title: t('达标级'), minScore: Math.round(total * low * 100) / 100 },
            { key: 'low', title: t('创建级'), minScore: 0 },
          ],
          quotas: quota ? [{ tier: 'top', scope: 'parent', ...quota }] : [],
        });
      }),
  );

/** Any review entry: every mode reads the fields it knows and ignores the rest. */
export const entryArbitrary: fc.Arbitrary<ReviewEntry> = fc.record(
  {
    met: fc.boolean(),
    grade: fc.constantFrom('A', 'B', 'C', 'C#', 'Z'),
    defects: fc.oneof(fc.nat(6), fc.dictionary(fc.constantFrom(...defectKeys), fc.nat(4))),
    ticked: fc.subarray([...elementKeys, 'ghost']),
    value: fc.oneof(fc.integer({ min: 0, max: 20 }).map((n) => n / 2), fc.double({ min: -5, max: 50, noNaN: true })),
  },
  { requiredKeys: [] },
);

export const metricsArbitrary = fc.record({
  'rooms-count': fc.nat(6),
  'volunteer-ratio': fc.double({ min: 0, max: 0.3, noNaN: true }),
  'trainings-count': fc.nat(4),
});

/** Inputs for every item of a rubric, at random levels, with maybe a veto. */
export function inputFor(rubric: RubricDefinition, unitId: string, parentId?: string): fc.Arbitrary<AssessmentInput> {
  const keys = [...rubric.sections.flatMap((section) => section.items.map((entry) => entry.key)), ...(rubric.bonus?.items.map((entry) => entry.key) ?? [])];
  const sheet = fc.record({
    items: fc.dictionary(fc.constantFrom(...keys), entryArbitrary, { maxKeys: keys.length }),
    vetoes: fc.option(fc.record({ v1: fc.record({ confirmed: fc.boolean() }) }), { nil: undefined }),
  }).map(({ items, vetoes }) => (vetoes ? { items, vetoes } : { items }));
  return fc.record({ metrics: metricsArbitrary, self: sheet, district: fc.option(sheet, { nil: undefined }) }).map(({ metrics, self, district }) => ({
    unitId,
    ...(parentId === undefined ? {} : { parentId }),
    metrics,
    reviews: district ? { self, district } : { self },
  }));
}
