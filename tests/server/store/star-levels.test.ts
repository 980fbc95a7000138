import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultThresholds, starLevel } from '../../../server/store/star-levels';
import { normaliseCode, presentCode } from '../../../server/store/volunteer-codes';

describe('star levels', () => {
  it('boundaries of the default thresholds: a threshold reached exactly earns the star', () => {
    expect(starLevel(0)).toEqual({ level: 0, hours: 0, nextAt: 100, progress: 0 });
    expect(starLevel(99.5)).toMatchObject({ level: 0, nextAt: 100, progress: 0.995 });
    expect(starLevel(100)).toMatchObject({ level: 1, nextAt: 300, progress: 0 });
    expect(starLevel(200)).toMatchObject({ level: 1, nextAt: 300, progress: 0.5 });
    expect(starLevel(1499.99)).toMatchObject({ level: 4, nextAt: 1500 });
    expect(starLevel(1500)).toMatchObject({ level: 5, nextAt: null, progress: 1 });
    expect(starLevel(9000)).toMatchObject({ level: 5, nextAt: null, progress: 1 });
  });

  it('more hours never lower the level; progress stays within 0…1 and the next threshold lies above the hours', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5000, noNaN: true }), fc.double({ min: 0, max: 5000, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const l = starLevel(low, defaultThresholds);
        const h = starLevel(high, defaultThresholds);
        expect(h.level).toBeGreaterThanOrEqual(l.level);
        for (const level of [l, h]) {
          expect(level.progress).toBeGreaterThanOrEqual(0);
          expect(level.progress).toBeLessThanOrEqual(1);
          if (level.nextAt !== null) expect(level.nextAt).toBeGreaterThan(level.hours);
        }
      }),
    );
  });
});

describe('volunteer codes', () => {
  it('what a person types or a scanner reads comes back to the stored code', () => {
    const shown = presentCode('ABCD2345');
    expect(shown).toEqual({ code: 'ABCD2345', display: 'ABCD-2345', qr: 'SJV:ABCD2345' });
    for (const typed of [shown.display, shown.qr, ' abcd 2345 ', 'sjv:abcd-2345']) expect(normaliseCode(typed)).toBe('ABCD2345');
  });
});
