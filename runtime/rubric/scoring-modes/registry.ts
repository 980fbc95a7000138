import type { Scoring, ScoringModeName } from '../../schema/rubric';
import { binaryScoringMode } from './binary-scoring-mode';
import { checklistScoringMode } from './checklist-scoring-mode';
import { deductionScoringMode } from './deduction-scoring-mode';
import { gradedScoringMode } from './graded-scoring-mode';
import { judgementScoringMode } from './judgement-scoring-mode';
import { metricScoringMode } from './metric-scoring-mode';
import type { ScoringMode } from './types';

/** Every scoring mode by name. Exhaustive over the schema's union: a mode without an entry does not compile. */
export const scoringModes: { readonly [M in ScoringModeName]: ScoringMode<M> } = {
  binary: binaryScoringMode,
  graded: gradedScoringMode,
  deduction: deductionScoringMode,
  metric: metricScoringMode,
  checklist: checklistScoringMode,
  judgement: judgementScoringMode,
};

/** The mode of a scoring config, typed for that config (the union is narrowed by `mode`). */
export function modeOf<S extends Scoring>(scoring: S): ScoringMode<S['mode']> {
  return scoringModes[scoring.mode] as ScoringMode<S['mode']>;
}
