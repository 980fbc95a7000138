import { toPointer } from '../../pointer';
import { defineRule } from '../../types';
import { modeOf } from '../../../rubric/scoring-modes/registry';
import { itemsOf } from './walk';

/**
 * Each mode checks its own parameters (levels, thresholds ascending, element points, options) against
 * the item. An unknown mode never gets here: the schema's union rejects it at `…/scoring/mode`.
 */
export const rubricScoringParams = defineRule({
  name: 'rubric-scoring-params',
  kinds: ['rubric'],
  check({ definition: rubric }, _context, report) {
    for (const { item, path, bonus } of itemsOf(rubric)) {
      modeOf(item.scoring).check(item.scoring, { points: item.points, bonus }, (relative, code, message, severity) =>
        report({ pointer: toPointer([...path, 'scoring', ...relative]), code, message, ...(severity ? { severity } : {}), params: { item: item.key, mode: item.scoring.mode } }),
      );
    }
  },
});
