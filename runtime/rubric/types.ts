import type { ReviewLevel } from '../schema/rubric';
import type { FrozenMetrics } from './metrics/freeze';
import type { ItemInputs, ReviewEntry } from './scoring-modes/types';

/** What one review level recorded for a unit: entries per item key and veto findings per veto key. */
export interface ReviewSheet {
  items?: Readonly<Record<string, ReviewEntry>>;
  vetoes?: Readonly<Record<string, VetoFinding>>;
}

export interface VetoFinding {
  confirmed: boolean;
  comment?: string;
  evidence?: string[];
}

/** Everything needed to score one unit: frozen metric values and the sheets of the levels that reviewed it. */
export interface AssessmentInput {
  unitId: string;
  /** The parent org unit (an institute for a station), the scope of `parent` quotas and preview groups. */
  parentId?: string;
  metrics: FrozenMetrics | Readonly<Record<string, number>>;
  reviews?: Partial<Readonly<Record<ReviewLevel, ReviewSheet>>>;
}

export interface ItemScore {
  key: string;
  /** Section key, or null for a bonus item. */
  section: string | null;
  mode: string;
  max: number;
  /** Points, rounded to hundredths. */
  points: number;
  /** Whose entry counted; 'auto' when the item reads only metrics; null when nobody scored it. */
  level: ReviewLevel | 'auto' | null;
  inputs: ItemInputs;
  comment?: string;
  evidence?: string[];
  /** Self and the counting reviewer differ by more than the rubric's gap. */
  disagreement?: { self: number; reviewer: number; level: ReviewLevel };
}

export interface SectionScore {
  key: string;
  max: number;
  /** Sum of its items before the section cap. */
  raw: number;
  points: number;
}

export type TierRule = 'veto' | 'threshold' | 'fallback' | 'quota';

export interface TierDecision {
  tier: string;
  rule: TierRule;
  /** The tier the unit qualified for before quotas; differs from `tier` only when a quota demoted it. */
  qualified: string;
}

/** The score of one unit under one rubric version. Every number in it is reproducible from the input. */
export interface UnitScore {
  unitId: string;
  parentId?: string;
  /** Σ capped sections + capped bonus, rounded to the rubric's `scoreDecimals`; tiers compare this. */
  score: number;
  /** The same sum before that rounding, exact in hundredths (= Σ item points after caps). */
  rawScore: number;
  sections: SectionScore[];
  bonus: { raw: number; points: number; cap: number };
  items: ItemScore[];
  vetoes: { key: string; confirmed: boolean; level: ReviewLevel | null }[];
  vetoed: boolean;
  tier: TierDecision;
  flags: { disagreements: string[]; missing: string[]; invalid: string[] };
}
