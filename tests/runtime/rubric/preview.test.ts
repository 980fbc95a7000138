import { describe, expect, it } from 'vitest';
import { previewImpact } from '../../../runtime/rubric/index';
import type { PreviewUnit } from '../../../runtime/rubric/index';
import { RubricDefinition } from '../../../runtime/schema/rubric';
import { liangzhou, year2025 } from './helpers';
import { average, averageReview, stationSnapshot, strong, strongReview, weak, weakReview } from './snapshots';

// Without the town quota, so threshold changes show on their own; the last test adds it back.
const published = RubricDefinition.parse({ ...liangzhou('station-rubric'), quotas: [] });

const units: PreviewUnit[] = [
  { unitId: 's1', parentId: 'i1', snapshot: stationSnapshot(strong), reviews: { district: strongReview } },
  { unitId: 's2', parentId: 'i1', snapshot: stationSnapshot(average), reviews: { district: averageReview } },
  { unitId: 's3', parentId: 'i2', snapshot: stationSnapshot({ ...average, busyMonths: 12 }), reviews: { district: averageReview } },
  { unitId: 's4', parentId: 'i2', snapshot: stationSnapshot(weak), reviews: { district: weakReview } },
];

function draftWith(change: (draft: RubricDefinition) => void): RubricDefinition {
  const draft = structuredClone(published);
  draft.version = 2;
  change(draft);
  return RubricDefinition.parse(draft);
}

describe('impact preview', () => {
  it('reports nothing when the draft equals the published version', () => {
    const impact = previewImpact(published, draftWith(() => {}), units, year2025);
    expect(impact.scoringUnchanged).toBe(true);
    expect(impact.changed).toEqual([]);
    expect(impact.thresholdsOnly.changed).toEqual([]);
    expect(impact.tiers.before).toEqual(impact.tiers.after);
  });

  it('finds units whose tier changes when a threshold moves, as a thresholds-only change', () => {
    const draft = draftWith((rubric) => {
      rubric.tiers[1]!.minScore = 80;
    });
    const impact = previewImpact(published, draft, units, year2025);
    expect(impact.scoringUnchanged).toBe(true);
    // s2 has 76.8 and drops to 创建级; s3 (all months busy) has 80.1 and stays 达标级
    expect(impact.changed).toEqual([{ unitId: 's2', parentId: 'i1', before: { score: 76.8, tier: 'standard' }, after: { score: 76.8, tier: 'creation' } }]);
    expect(impact.thresholdsOnly.changed).toEqual(impact.changed);
    expect(impact.tiers).toEqual({ before: { demonstration: 1, standard: 2, creation: 1 }, after: { demonstration: 1, standard: 1, creation: 2 } });
    expect(impact.byParent.i1).toEqual({ before: { demonstration: 1, standard: 1 }, after: { demonstration: 1, creation: 1 }, changed: 1 });
    expect(impact.byParent.i2!.changed).toBe(0);
  });

  it('rescores every unit when items change, and separates what thresholds alone would do', () => {
    const draft = draftWith((rubric) => {
      // C2 asks for 8 activities a month instead of 4; 示范级 needs 95.
      const c2 = rubric.sections[2]!.items[1]!;
      if (c2.scoring.mode === 'metric') c2.scoring.metric = { key: 'activity-cadence-months', params: { minPerMonth: 8 } };
      rubric.tiers[0]!.minScore = 95;
    });
    const impact = previewImpact(published, draft, units, year2025);
    expect(impact.scoringUnchanged).toBe(false);
    const byUnit = Object.fromEntries(impact.changed.map((change) => [change.unitId, change]));
    // Nobody has 8 activities a month: every unit loses the C2 points it had.
    expect(byUnit.s1).toEqual({ unitId: 's1', parentId: 'i1', before: { score: 102, tier: 'demonstration' }, after: { score: 94, tier: 'standard' } });
    expect(byUnit.s2?.after.tier).toBe('creation');
    expect(byUnit.s4?.after.tier).toBe('creation');
    // Thresholds alone: 102 ≥ 95, so s1 would keep 示范级 and nothing would change.
    expect(impact.thresholdsOnly.changed).toEqual([]);
    expect(impact.tiers.after).toEqual({ standard: 1, creation: 3 });
  });

  it('counts a new quota as a tier-rules change: the only 示范级 of a two-station town is demoted', () => {
    const impact = previewImpact(published, liangzhou('station-rubric'), units, year2025);
    expect(impact.scoringUnchanged).toBe(true);
    // floor(0.3 × 2) = 0 places in town i1
    expect(impact.changed).toEqual([{ unitId: 's1', parentId: 'i1', before: { score: 102, tier: 'demonstration' }, after: { score: 102, tier: 'standard' } }]);
    expect(impact.thresholdsOnly.changed).toEqual(impact.changed);
    expect(impact.byParent.i1).toEqual({ before: { demonstration: 1, standard: 1 }, after: { standard: 2 }, changed: 1 });
  });

  it('treats a change of reported precision as a scoring change', () => {
    const draft = draftWith((rubric) => {
      rubric.scoreDecimals = 2;
    });
    const impact = previewImpact(published, draft, units, year2025);
    expect(impact.scoringUnchanged).toBe(false);
    expect(impact.changed.find((change) => change.unitId === 's2')).toEqual({ unitId: 's2', parentId: 'i1', before: { score: 76.8, tier: 'standard' }, after: { score: 76.81, tier: 'standard' } });
  });
});
