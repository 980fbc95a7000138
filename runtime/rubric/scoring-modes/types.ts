import type { LocalizedText } from '../../schema/common';
import type { MetricRef, Scoring, ScoringModeName } from '../../schema/rubric';
import type { PathSegment } from '../../lint/pointer';
import type { Severity } from '../../lint/types';

/**
 * What one review level recorded for one item. Which fields matter depends on the item's mode:
 * binary `met`; graded `grade` (or `defects` as a count when the item grades by defects); deduction
 * `defects` per defect key; checklist `ticked` element keys; judgement `value` (one of the options).
 * Metric items take nothing: their value is frozen from platform data.
 */
export interface ReviewEntry {
  met?: boolean;
  grade?: string;
  defects?: number | Record<string, number>;
  ticked?: string[];
  value?: number;
  comment?: string;
  /** References to uploaded evidence (file ids, photo ids, links). */
  evidence?: string[];
}

/** Frozen metric values of one unit, keyed by metric instance id (see `metricInstanceId`). */
export type MetricValues = Readonly<Record<string, number>>;

/** The inputs that produced an item's points, kept for the explanation. */
export interface ItemInputs {
  metrics?: { key: string; id: string; value: number }[];
  met?: boolean;
  grade?: string;
  share?: number;
  defects?: Record<string, number>;
  ticked?: string[];
  value?: number;
  /** No review level recorded anything for an item that needs a reviewer. */
  missing?: boolean;
  /** The recorded input is not allowed by the item (unknown grade, value not among the options). */
  invalid?: boolean;
}

export interface ModeOutcome {
  /** Unrounded points in [0, item max]. */
  points: number;
  inputs: ItemInputs;
}

/** How an item could gain points: how much, in how few steps (elements to tick, defects to fix…), and what to do. */
export interface Improvement {
  gain: number;
  steps: number;
  hint: LocalizedText;
}

/** An item prepared once per rubric version, so scoring a unit is a closure call with no lookups by name. */
export interface PreparedItem {
  /** False when every input comes from metrics: no reviewer entry is needed or used. */
  readonly usesReview: boolean;
  score(entry: ReviewEntry | undefined, values: MetricValues): ModeOutcome;
  improve(outcome: ModeOutcome, values: MetricValues): Improvement | undefined;
}

/** Resolves a metric reference to its instance id and display title; done once when a rubric is compiled. */
export type MetricResolver = (ref: MetricRef) => { id: string; title: LocalizedText };

export type ModeReport = (path: PathSegment[], code: string, message: LocalizedText, severity?: Severity) => void;

/**
 * One scoring mode. The registry holds one per mode name, as an exhaustive table, so a new mode in the
 * schema union without an implementation does not compile.
 */
export interface ScoringMode<M extends ScoringModeName> {
  mode: M;
  title: LocalizedText;
  /** Metric references inside the mode's parameters, with their path relative to `scoring`. */
  metricRefs(config: Extract<Scoring, { mode: M }>): { ref: MetricRef; path: PathSegment[] }[];
  prepare(config: Extract<Scoring, { mode: M }>, max: number, resolve: MetricResolver): PreparedItem;
  /** Checks the mode's parameters against the item; paths are relative to the item's `scoring`. */
  check(config: Extract<Scoring, { mode: M }>, item: { points: number; bonus: boolean }, report: ModeReport): void;
  /** Checks what a reviewer recorded for an item of this mode; paths are relative to the entry. */
  validateEntry(config: Extract<Scoring, { mode: M }>, entry: ReviewEntry, report: ModeReport): void;
}

/** Shared message for entries on items whose value comes from frozen metrics. */
export const automaticEntry: LocalizedText = {
  'zh-CN': '该项由系统指标自动计分，录入的值不计入',
  en: 'This item is scored from platform metrics; the recorded value is ignored',
};

export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export function defineScoringMode<M extends ScoringModeName>(mode: ScoringMode<M>): ScoringMode<M> {
  return mode;
}

/** Shared number formatting for hints: at most two decimals, no trailing zeros. */
export function fmt(value: number): string {
  return String(Math.round(value * 100) / 100);
}
