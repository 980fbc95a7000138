import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { paramSpecs, withParam } from '../../../studio/designer/rubric/MetricPicker';
import { totalsOf, type RubricBody } from '../../../studio/designer/rubric/rubric-model';
import {
  addBonusItem,
  addSection,
  addVeto,
  bonusTotal,
  itemAt,
  moveSection,
  putItem,
  removeBonusItem,
  removeSection,
  removeVeto,
  renameSection,
  renameVeto,
  scoringModes,
  setMode,
  type ItemPlace,
} from '../../../studio/designer/rubric/rubric-structure';
import { lintErrors, packBody } from './pack';

const rubric = () => packBody<RubricBody>('rubric', 'station-rubric');
const places = (body: RubricBody): ItemPlace[] => [
  ...body.sections.flatMap((s, section) => s.items.map((_, item) => ({ where: 'section' as const, section, item }))),
  ...(body.bonus?.items ?? []).map((_, item) => ({ where: 'bonus' as const, item })),
];

describe('scoring modes', () => {
  test('switching any item to any mode writes parameters that lint clean for its points', () => {
    const body = rubric();
    const all = places(body);
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.constantFrom(...scoringModes), fc.constantFrom(0.5, 1, 2.5, 3, 8), (place, mode, points) => {
        // An unchanged mode is left alone (next test), so a resized item keeps parameters that may no longer fit.
        fc.pre(itemAt(body, place)!.scoring.mode !== mode);
        const sized = putItem(body, place, { points });
        // Section points follow so only the mode's own rules can fail.
        if (place.where === 'section') sized.sections[place.section]!.points += points - itemAt(body, place)!.points;
        const balanced = { ...sized, totalPoints: sized.sections.reduce((sum, s) => sum + s.points, 0) };
        if (place.where === 'bonus') balanced.bonus = { ...balanced.bonus!, cap: Math.max(balanced.bonus!.cap, points) };
        const changed = setMode(balanced, place, mode);
        expect(itemAt(changed, place)!.scoring.mode).toBe(mode);
        expect(lintErrors(changed)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  test('a metric survives a switch between modes that read one; an unchanged mode is left alone', () => {
    const body = rubric();
    const place: ItemPlace = { where: 'section', section: 0, item: 2 }; // a3: binary on lecture-capacity
    const item = itemAt(body, place)!;
    expect(item.scoring).toMatchObject({ mode: 'binary', metric: { key: 'lecture-capacity' } });
    const metric = setMode(body, place, 'metric');
    expect(itemAt(metric, place)!.scoring).toMatchObject({ mode: 'metric', metric: { key: 'lecture-capacity' } });
    expect(setMode(body, place, 'binary')).toBe(body);
  });
});

describe('sections', () => {
  test('add, rename, move and remove keep the running totals balanced and the rubric lint clean', () => {
    const body = rubric();
    const added = addSection(body, { 'zh-CN': '群众评价', en: 'Residents’ view' }, 4);
    expect(added.sections.at(-1)).toMatchObject({ title: { 'zh-CN': '群众评价' }, points: 4 });
    expect(added.totalPoints).toBe(body.totalPoints + 4);
    expect(totalsOf(added).ok).toBe(true);
    expect(lintErrors(added)).toEqual([]);

    const renamed = renameSection(added, 0, { 'zh-CN': '阵地建设' });
    expect(renamed.sections[0]!.title).toEqual({ 'zh-CN': '阵地建设' });

    const moved = moveSection(renamed, renamed.sections.length - 1, -1);
    expect(moved.sections.map((s) => s.key).slice(-2)).toEqual([added.sections.at(-1)!.key, body.sections.at(-1)!.key]);
    expect(moveSection(moved, 0, -1)).toBe(moved);
    expect(lintErrors(moved)).toEqual([]);

    const removed = removeSection(moved, 0);
    expect(removed.sections.length).toBe(body.sections.length);
    expect(removed.totalPoints).toBe(added.totalPoints - body.sections[0]!.points);
    expect(totalsOf(removed).ok).toBe(true);
  });

  test('removing a section drops the floors and tie-breakers that named it, and the last section stays', () => {
    const body = rubric();
    const s = body.sections.findIndex((x) => x.key === 'activity');
    body.tiers[0]!.sectionFloors = { activity: 0.8 };
    const removed = removeSection(body, s);
    expect(removed.tiers[0]!.sectionFloors).toBeUndefined();
    expect(JSON.stringify(removed.quotas)).not.toContain('"activity"');
    expect(lintErrors(removed).filter((p) => p.code !== 'rubric-tier-unreachable')).toEqual([]);
    let one = body;
    while (one.sections.length > 1) one = removeSection(one, 0);
    expect(removeSection(one, 0)).toBe(one);
  });
});

describe('veto and bonus items', () => {
  test('a veto added to a rubric without one gets the lowest tier as veto tier; rename and remove', () => {
    const body = rubric();
    const bare = { ...body, vetoes: [], vetoTier: undefined } as RubricBody;
    const one = addVeto(bare, { 'zh-CN': '拒不整改' });
    expect(one.vetoes).toEqual([{ key: 'v1', title: { 'zh-CN': '拒不整改' }, evidence: ['document'] }]);
    expect(one.vetoTier).toBe(body.tiers.at(-1)!.key);
    expect(lintErrors(one)).toEqual([]);
    const more = addVeto(body, { 'zh-CN': '拒不整改' });
    expect(more.vetoes.at(-1)!.key).toBe('v6');
    expect(more.vetoTier).toBe(body.vetoTier);
    expect(renameVeto(more, 5, { 'zh-CN': '拒不整改问题', en: 'Refused to fix' }).vetoes[5]!.title.en).toBe('Refused to fix');
    expect(removeVeto(more, 5).vetoes).toEqual(body.vetoes);
  });

  test('bonus items: the first creates the block, the running total follows, the last removal drops it', () => {
    const body = { ...rubric() } as RubricBody;
    delete body.bonus;
    expect(bonusTotal(body)).toBeUndefined();
    const first = addBonusItem(body, { 'zh-CN': '获评先进' }, 2);
    expect(first.bonus).toMatchObject({ cap: 2, items: [{ key: 'bonus-1', points: 2, scoring: { mode: 'binary' } }] });
    const second = addBonusItem(first, { 'zh-CN': '媒体报道' }, 1.5);
    expect(bonusTotal(second)).toEqual({ sum: 3.5, cap: 2, reachesCap: true });
    expect(lintErrors(second)).toEqual([]);
    expect(removeBonusItem(removeBonusItem(second, 0), 0).bonus).toBeUndefined();
  });
});

describe('metric parameters', () => {
  test('are read from the metric’s schema and dropped when emptied', () => {
    expect(paramSpecs('rooms-count')).toEqual([
      { name: 'types', type: 'strings', required: false },
      { name: 'minCapacity', type: 'number', required: false },
    ]);
    expect(paramSpecs('meeting-cadence')[0]).toMatchObject({ name: 'rules', type: 'json', required: true });
    expect(paramSpecs('no-such-metric')).toEqual([]);
    const ref = withParam({ key: 'rooms-count' }, 'minCapacity', 20);
    expect(ref).toEqual({ key: 'rooms-count', params: { minCapacity: 20 } });
    expect(withParam(ref, 'minCapacity', undefined)).toEqual({ key: 'rooms-count' });
  });
});
