import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileRubric, explain, freezeMetrics, scoreUnit } from '../../../runtime/rubric/index';
import { liangzhou, year2025 } from './helpers';
import { average, averageReview, stationSnapshot } from './snapshots';

/**
 * The whole result and explanation of the average Liangzhou station, as the server and studio receive them.
 * The numbers are checked by hand in liangzhou.test.ts; this file pins the shape and every text.
 * Regenerate deliberately with UPDATE_GOLDEN=1 and review the diff.
 */
const path = fileURLToPath(new URL('../../fixtures/rubric/golden/average-station.json', import.meta.url));

describe('golden explanation', () => {
  it('matches tests/fixtures/rubric/golden/average-station.json', () => {
    const station = compileRubric(liangzhou('station-rubric'));
    const metrics = freezeMetrics(station, stationSnapshot(average), year2025);
    const score = scoreUnit(station, { unitId: 'st-average', parentId: 'inst-1', metrics, reviews: { self: averageReview, district: averageReview } });
    const actual = JSON.parse(JSON.stringify({ metrics: metrics.values, score, explanation: explain(station, score) }));
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, `${JSON.stringify(actual, null, 1)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });
});
