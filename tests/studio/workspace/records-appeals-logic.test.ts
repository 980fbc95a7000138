import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../studio/api/client';
import { appealData, appealOf, appealWindowEnds, decisionOf } from '../../../studio/workspace/assessment/appeal-data';
import { checkInRefusal, cleanPlanItems, normalizeCode } from '../../../studio/workspace/records/records-api';
import { percent, rankForDispatch, type TeamStats } from '../../../studio/workspace/team-stats';

const stats = (openOrders: number, averageRating: number | null, onTimeRate: number | null): TeamStats => ({ openOrders, completed30d: 0, averageRating, ratedOrders: averageRating === null ? 0 : 1, onTimeRate });

describe('teams ranked for dispatch', () => {
  it('puts the least busy first, then the better rated, then the more punctual; unrated after rated', () => {
    const teams = [
      { name: '乙队', stats: stats(1, 4.5, 0.9) },
      { name: '甲队', stats: stats(0, null, null) },
      { name: '丙队', stats: stats(1, 4.8, 0.5) },
      { name: '丁队', stats: stats(1, null, 1) },
      { name: '戊队', stats: stats(1, 4.5, 1) },
    ];
    expect(rankForDispatch(teams).map((team) => team.name)).toEqual(['甲队', '丙队', '戊队', '乙队', '丁队']);
    expect(percent(0.8)).toBe(80);
    expect(percent(2 / 3)).toBe(67);
  });

  it('keeps every team, orders loads ascending, and does not depend on the input order', () => {
    const team = fc.record({
      // Names that never collate equal, so the last tie-break decides every pair.
      name: fc.stringMatching(/^[a-z甲乙丙丁]{1,4}$/),
      stats: fc.record({ openOrders: fc.nat(9), completed30d: fc.nat(9), averageRating: fc.option(fc.integer({ min: 10, max: 50 }).map((n) => n / 10)), ratedOrders: fc.nat(9), onTimeRate: fc.option(fc.integer({ min: 0, max: 100 }).map((n) => n / 100)) }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(team, { selector: (t) => t.name, maxLength: 12 }), (teams) => {
        const ranked = rankForDispatch(teams);
        expect([...ranked].sort((a, b) => a.name.localeCompare(b.name))).toEqual([...teams].sort((a, b) => a.name.localeCompare(b.name)));
        for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.stats.openOrders).toBeGreaterThanOrEqual(ranked[i - 1]!.stats.openOrders);
        expect(rankForDispatch([...teams].reverse())).toEqual(ranked);
      }),
    );
  });
});

describe('check-in codes and plan rows', () => {
  it('keeps six digits of what was typed or pasted, full-width digits included', () => {
    expect(normalizeCode('123 456')).toBe('123456');
    expect(normalizeCode('１２３４５６７')).toBe('123456');
    expect(normalizeCode('code: 04-2')).toBe('042');
    fc.assert(
      fc.property(fc.string(), (typed) => {
        expect(normalizeCode(typed)).toMatch(/^\d{0,6}$/);
      }),
    );
  });

  it('tells the two refusals at the door apart from other failures', () => {
    const problem = (type: string, status = 422) => new ApiError({ type, title: 'x', status });
    expect(checkInRefusal(problem('/problems/attendance-code'))).toBe('badCode');
    expect(checkInRefusal(problem('/problems/attendance-not-checked-in'))).toBe('notCheckedIn');
    expect(checkInRefusal(problem('/problems/attendance-code', 400))).toBeNull();
    expect(checkInRefusal(new Error('offline'))).toBeNull();
  });

  it('drops blank plan rows, trims titles and sends a date only when given', () => {
    expect(cleanPlanItems([{ title: ' 周六村道清扫 ', date: '2026-03-07' }, { title: '   ', date: '2026-03-08' }, { title: '政策宣讲', date: '' }])).toEqual([{ title: '周六村道清扫', date: '2026-03-07' }, { title: '政策宣讲' }]);
  });
});

describe('an appeal as the instance records it', () => {
  const instance = {
    data: { appeal: { items: ['f1', 7], reason: '请复核', attachments: ['att-1'] }, decide: { decision: 'amended', comment: '调整 F1' } },
    history: [
      { seq: 1, at: '2026-12-01T00:00:00Z', actor: 'a', event: 'appeal', from: 'public_notice', to: 'appeal_review', comment: null },
      { seq: 2, at: '2026-12-02T00:00:00Z', actor: 'b', event: 'decide', from: 'appeal_review', to: 'public_notice', comment: null },
    ],
    timers: [{ key: 'notice', due: '2026-12-09T00:00:00Z' }],
  };

  it('reads the contested items, reasons, evidence, the decision and when each was made', () => {
    expect(appealOf(instance)).toEqual({ items: ['f1'], reason: '请复核', attachments: ['att-1'], at: '2026-12-01T00:00:00Z' });
    expect(decisionOf(instance)).toEqual({ decision: 'amended', comment: '调整 F1', at: '2026-12-02T00:00:00Z' });
    expect(appealWindowEnds(instance)).toBe('2026-12-09T00:00:00Z');
    expect(appealOf({ data: {}, history: [], timers: [] })).toBeNull();
    expect(decisionOf({ data: { decide: { decision: 'maybe' } }, history: [], timers: [] })).toBeNull();
  });

  it('asks for at least one item and a reason before sending', () => {
    expect(appealData({ items: [], reason: ' ', attachments: [] })).toEqual({ ok: false, missing: ['items', 'reason'] });
    expect(appealData({ items: ['f1', 'f1'], reason: ' 请复核 ', attachments: ['a'] })).toEqual({ ok: true, data: { items: ['f1'], reason: '请复核', attachments: ['a'] } });
  });
});
