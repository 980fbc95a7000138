import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaUnits } from '../../../server/wishes/wishes';

/** A materialized path `/a/b/c/` of 1–5 distinct unit ids. */
const path = fc.uniqueArray(fc.stringMatching(/^[0-9a-f]{4}$/), { minLength: 1, maxLength: 5 }).map((ids) => ({ ids, path: `/${ids.join('/')}/` }));

describe('the area of a wish', () => {
  it('is the wish unit and every unit above it except the root: exactly the team units whose subtree holds the wish (what the wall lists)', () => {
    fc.assert(
      fc.property(path, fc.integer({ min: 0, max: 4 }), ({ ids, path: wishPath }, cut) => {
        const area = areaUnits(wishPath);
        expect(area).toEqual(ids.slice(1));
        // A unit whose path is a prefix of the wish's path, below the root, may take it; the root may not.
        const teamPath = `/${ids.slice(0, Math.min(cut, ids.length - 1) + 1).join('/')}/`;
        const teamUnit = ids[Math.min(cut, ids.length - 1)]!;
        expect(area.includes(teamUnit)).toBe(wishPath.startsWith(teamPath) && teamPath.split('/').filter(Boolean).length > 1);
      }),
    );
  });
});
