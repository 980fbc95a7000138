import { z } from 'zod';
import { definitionBase, Expression, Key, LocalizedText } from './common';
import { OrgLevel } from './station-type';

/** Who scores an item: the unit itself (自评), the institute above it, or the district (审定). */
export const ReviewLevel = z.enum(['self', 'institute', 'district']);
export type ReviewLevel = z.infer<typeof ReviewLevel>;

/** What an assessor looks at (DOMAIN §8.2): a file, a photo, platform data, a visit or a questionnaire. */
export const EvidenceKind = z.enum(['document', 'photo', 'systemMetric', 'siteVisit', 'questionnaire']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

const Share = z.number().min(0).max(1);
const Points = z.number().nonnegative();

/**
 * A named metric and its parameters, e.g. `{ "key": "rooms-count", "params": { "minCapacity": 20 } }`.
 * The key names a metric of the registry (runtime/rubric/metrics) or one of the rubric's own `metrics`.
 */
export const MetricRef = z
  .object({
    key: Key,
    params: z.record(z.string(), z.unknown()).optional().describe('parameters checked against the metric'),
  })
  .strict();
export type MetricRef = z.infer<typeof MetricRef>;

// ---- scoring modes: one fragment per mode, the union below is keyed by `mode` -----------------------

/** Full points or none; decided by a reviewer, or automatically when `metric` is set (met when value ≥ atLeast). */
export const BinaryScoring = z
  .object({ mode: z.literal('binary'), metric: MetricRef.optional(), atLeast: z.number().default(1) })
  .strict();

/** One grade of a graded item: A = 100 %, B = 66 %, C = 33 %, C# = 0 % by default (status-description scoring). */
export const GradeLevel = z
  .object({ key: z.string().min(1).max(8), title: LocalizedText.optional(), share: Share })
  .strict();
export const defaultGrades = [
  { key: 'A', share: 1 },
  { key: 'B', share: 0.66 },
  { key: 'C', share: 0.33 },
  { key: 'C#', share: 0 },
] as const;
export const GradedScoring = z
  .object({
    mode: z.literal('graded'),
    levels: z.array(GradeLevel).min(2).default(defaultGrades.map((grade) => ({ ...grade }))),
    byDefects: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('grade for 0, 1, 2… counted defects; more defects than entries take the last grade'),
  })
  .strict();

/** Start at the item's maximum and subtract per recorded defect; never below zero. */
export const DeductionScoring = z
  .object({
    mode: z.literal('deduction'),
    defects: z
      .array(
        z
          .object({ key: Key, title: LocalizedText, points: z.number().positive(), maxCount: z.number().int().positive().optional() })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** Linear from `zeroAt` (0 points) to `fullAt` (full points); `zeroAt > fullAt` scores lower values higher. */
export const LinearScale = z.object({ type: z.literal('linear'), zeroAt: z.number(), fullAt: z.number() }).strict();
/** The highest band whose `atLeast` the value reaches gives its share of the item; below every band, zero. */
export const SteppedScale = z
  .object({
    type: z.literal('stepped'),
    bands: z.array(z.object({ atLeast: z.number(), share: Share }).strict()).min(1),
  })
  .strict();
export const MetricScoring = z
  .object({ mode: z.literal('metric'), metric: MetricRef, scale: z.discriminatedUnion('type', [LinearScale, SteppedScale]) })
  .strict();

/** Points per ticked element (e.g. the eight haves at 0.5 each), capped at the item; an element with a metric ticks itself. */
export const ChecklistScoring = z
  .object({
    mode: z.literal('checklist'),
    elements: z
      .array(
        z
          .object({
            key: Key,
            title: LocalizedText,
            points: z.number().positive(),
            metric: MetricRef.optional(),
            atLeast: z.number().default(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** The reviewer picks one of the allowed values (points), each with a label saying what it stands for. */
export const JudgementScoring = z
  .object({
    mode: z.literal('judgement'),
    options: z.array(z.object({ points: Points, title: LocalizedText }).strict()).min(2),
  })
  .strict();

export const Scoring = z.discriminatedUnion('mode', [
  BinaryScoring,
  GradedScoring,
  DeductionScoring,
  MetricScoring,
  ChecklistScoring,
  JudgementScoring,
]);
export type Scoring = z.infer<typeof Scoring>;
export type ScoringModeName = Scoring['mode'];

// ---- structure ----------------------------------------------------------------------------------

export const RubricItem = z
  .object({
    key: Key,
    title: LocalizedText,
    description: LocalizedText.optional(),
    points: z.number().positive().describe('the most this item can give'),
    evidence: z.array(EvidenceKind).default([]),
    scoring: Scoring,
  })
  .strict();
export type RubricItem = z.infer<typeof RubricItem>;

export const RubricSection = z
  .object({ key: Key, title: LocalizedText, points: z.number().positive(), items: z.array(RubricItem).min(1) })
  .strict();
export type RubricSection = z.infer<typeof RubricSection>;

/** Bonus items (加分项) add to the score up to `cap` on top of the total. */
export const RubricBonus = z.object({ cap: z.number().positive(), items: z.array(RubricItem).min(1) }).strict();

/** A veto item (一票否决): once confirmed, the unit gets the rubric's `vetoTier` whatever its score. */
export const VetoItem = z
  .object({ key: Key, title: LocalizedText, description: LocalizedText.optional(), evidence: z.array(EvidenceKind).default([]) })
  .strict();

export const ReviewRules = z
  .object({
    levels: z.array(ReviewLevel).min(1).default(['self', 'institute', 'district']).describe('in order of review'),
    counts: z.union([z.literal('last'), ReviewLevel]).default('last').describe('whose score counts; last = the last level present'),
    disagreementGap: z
      .object({ points: Points.optional(), share: Share.optional() })
      .strict()
      .default({ share: 0.3 })
      .describe('flag an item when self and reviewer differ by more than this (points, or share of the item)'),
  })
  .strict();

/** A metric the rubric defines itself: a CEL expression over other metric values, each bound to a name. */
export const DerivedMetric = z
  .object({
    key: Key,
    title: LocalizedText,
    unit: z.string().min(1),
    description: LocalizedText.optional(),
    inputs: z.record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'CEL identifier'), MetricRef),
    expression: Expression,
  })
  .strict();
export type DerivedMetric = z.infer<typeof DerivedMetric>;

/** A tier and what it takes: a minimum score and, optionally, a floor per section (share of the section's max). */
export const Tier = z
  .object({
    key: Key,
    title: LocalizedText,
    minScore: Points,
    sectionFloor: Share.optional().describe('every section must reach this share of its max'),
    sectionFloors: z.record(Key, Share).optional().describe('per-section floors overriding sectionFloor'),
  })
  .strict();
export type Tier = z.infer<typeof Tier>;

export const TieBreaker = z.union([z.object({ section: Key }).strict(), z.object({ item: Key }).strict()]);

/** At most `maxShare` (of the units in scope) or `maxCount` units get `tier`; the rest go down by rank. */
export const Quota = z
  .object({
    tier: Key,
    scope: z.enum(['parent', 'all']).default('parent').describe('parent: per parent org unit (e.g. per institute)'),
    maxShare: Share.optional(),
    maxCount: z.number().int().nonnegative().optional(),
    rounding: z.enum(['floor', 'round', 'ceil']).default('floor'),
    tieBreakers: z.array(TieBreaker).default([]).describe('after the score; the unit id decides last'),
  })
  .strict();
export type Quota = z.infer<typeof Quota>;

/**
 * A scored assessment rubric: sections of items, each with a scoring mode, plus bonus and veto items,
 * review levels, tiers from highest to lowest, and optional quotas. See runtime/rubric/README.md.
 */
export const RubricDefinition = definitionBase('rubric')
  .extend({
    appliesTo: z.array(OrgLevel).default([]).describe('org levels assessed with this rubric'),
    totalPoints: z.number().positive(),
    scoreDecimals: z
      .union([z.literal(0), z.literal(1), z.literal(2)])
      .default(2)
      .describe('the score is reported, and compared with tier thresholds, rounded (half up) to this many decimals'),
    sections: z.array(RubricSection).min(1),
    bonus: RubricBonus.optional(),
    vetoes: z.array(VetoItem).default([]),
    vetoTier: Key.optional().describe('tier forced by a confirmed veto; required when there are vetoes'),
    review: ReviewRules.default({ levels: ['self', 'institute', 'district'], counts: 'last', disagreementGap: { share: 0.3 } }),
    metrics: z.array(DerivedMetric).default([]),
    tiers: z.array(Tier).min(1).describe('highest first; the last is the fallback'),
    quotas: z.array(Quota).default([]),
  })
  .strict();
export type RubricDefinition = z.infer<typeof RubricDefinition>;
