import type { LintRule } from '../../types';
import { rubricAppliesTo } from './rubric-applies-to';
import { rubricBonus } from './rubric-bonus';
import { rubricDuplicateKey } from './rubric-duplicate-key';
import { rubricMetricExpression } from './rubric-metric-expression';
import { rubricMetricKnown } from './rubric-metric-known';
import { rubricPointsMismatch } from './rubric-points-mismatch';
import { rubricQuota } from './rubric-quota';
import { rubricReview } from './rubric-review';
import { rubricScoringParams } from './rubric-scoring-params';
import { rubricTierOrder } from './rubric-tier-order';
import { rubricVeto } from './rubric-veto';

/**
 * Rules for rubric definitions (arithmetic, tiers, metrics, expressions, review levels), and the one
 * check of a station type against the rubric it names. Owned by the rubric engine.
 */
export const rubricRules: readonly LintRule[] = [
  rubricPointsMismatch,
  rubricDuplicateKey,
  rubricTierOrder,
  rubricVeto,
  rubricBonus,
  rubricScoringParams,
  rubricMetricKnown,
  rubricMetricExpression,
  rubricQuota,
  rubricReview,
  rubricAppliesTo,
];
