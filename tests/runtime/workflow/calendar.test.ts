import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDuration, isWorkingDay, parseDuration } from '../../../runtime/calendar';
import { cn2026 } from './helpers';

describe('holiday calendar (2026, mainland China)', () => {
  it('knows holidays, weekends and make-up working days', () => {
    expect(isWorkingDay(cn2026, '2026-10-01')).toBe(false); // National Day
    expect(isWorkingDay(cn2026, '2026-10-10')).toBe(true); // make-up Saturday
    expect(isWorkingDay(cn2026, '2026-02-14')).toBe(true); // Saturday before Spring Festival
    expect(isWorkingDay(cn2026, '2026-02-23')).toBe(false); // Monday inside Spring Festival
    expect(isWorkingDay(cn2026, '2026-11-07')).toBe(false); // ordinary Saturday
    expect(isWorkingDay(cn2026, '2026-11-09')).toBe(true);
    const offDays = cn2026.holidays.length;
    expect(offDays).toBe(33);
  });

  it('adds working days in Beijing time, skipping the Spring Festival and counting make-up days', () => {
    // Friday 2026-02-13 10:00 (+08:00) + 2 working days: Sat 02-14 is a make-up day (1), 02-15..23 off, Tue 02-24 (2).
    expect(addDuration('2026-02-13T02:00:00.000Z', { after: 'P2D', calendar: 'working' }, cn2026)).toBe('2026-02-24T02:00:00.000Z');
    // Late evening in Beijing is the next local day in UTC terms: 2026-09-30 23:30 local = 15:30Z.
    expect(addDuration('2026-09-30T15:30:00.000Z', { after: 'P1D', calendar: 'working' }, cn2026)).toBe('2026-10-08T15:30:00.000Z');
    expect(addDuration('2026-02-13T02:00:00.000Z', { after: 'P2DT4H', calendar: 'calendar' }, cn2026)).toBe('2026-02-15T06:00:00.000Z');
  });

  it('parses ISO durations of days and smaller, and rejects others', () => {
    expect(parseDuration('P2D')).toEqual({ days: 2, ms: 0 });
    expect(parseDuration('PT1H30M')).toEqual({ days: 0, ms: 5_400_000 });
    expect(parseDuration('P1W')).toBeUndefined();
    expect(parseDuration('PT')).toBeUndefined();
  });

  it('working days never land on a day off and are never earlier than calendar days', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-11-30T00:00:00Z') }), fc.integer({ min: 1, max: 20 }), (start, days) => {
        const from = new Date(start).toISOString();
        const working = addDuration(from, { after: `P${days}D`, calendar: 'working' }, cn2026);
        const calendar = addDuration(from, { after: `P${days}D` }, cn2026);
        expect(isWorkingDay(cn2026, new Date(Date.parse(working) + 8 * 3_600_000).toISOString().slice(0, 10))).toBe(true);
        expect(working >= calendar).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
