/**
 * Working days and holidays. The calendar is data the caller injects (public holidays and make-up
 * working days change every year by State Council notice), never code and never the clock.
 */

/**
 * A holiday calendar: which local dates are days off although they are weekdays, and which are
 * working days although they fall on a weekend (调休 make-up days).
 *
 * @example { "id": "cn-mainland-2026", "utcOffsetMinutes": 480, "weekend": [0, 6],
 *            "holidays": ["2026-10-01"], "workdays": ["2026-10-10"] }
 */
export interface HolidayCalendar {
  id: string;
  /** Offset of local time from UTC; dates are counted in local time (China: +480). */
  utcOffsetMinutes: number;
  /** Weekday numbers (0 = Sunday) that are days off unless listed in `workdays`. Default [0, 6]. */
  weekend?: readonly number[];
  /** Local dates (YYYY-MM-DD) that are days off. */
  holidays: readonly string[];
  /** Local dates (YYYY-MM-DD) that are working days even on a weekend. */
  workdays: readonly string[];
}

/** A plain Monday-to-Friday calendar in UTC, used when no calendar is given. */
export const weekdaysOnly: HolidayCalendar = { id: 'weekdays-utc', utcOffsetMinutes: 0, holidays: [], workdays: [] };

const DAY_MS = 86_400_000;
const durationPattern = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** The parts of an ISO 8601 duration of days and smaller, or undefined when it is not one. */
export function parseDuration(duration: string): { days: number; ms: number } | undefined {
  const match = durationPattern.exec(duration);
  if (!match || duration === 'P' || duration.endsWith('T')) return undefined;
  const [, d, h, m, s] = match;
  const ms = (Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0)) * 1000;
  return { days: Number(d ?? 0), ms };
}

/** Whether a local date (YYYY-MM-DD) is a working day under the calendar. */
export function isWorkingDay(calendar: HolidayCalendar, localDate: string): boolean {
  if (calendar.workdays.includes(localDate)) return true;
  if (calendar.holidays.includes(localDate)) return false;
  const weekday = new Date(`${localDate}T00:00:00Z`).getUTCDay();
  return !(calendar.weekend ?? [0, 6]).includes(weekday);
}

/**
 * The instant `duration` after `from`. With `working`, each day counts only when the next local date
 * is a working day (time of day kept); hours and minutes always run on the clock, because an urgent
 * four-hour SLA should not stop for a weekend.
 *
 * @example addDuration('2026-09-30T02:00:00Z', { after: 'P2D', calendar: 'working' }, cn2026)
 *          // → '2026-10-09T02:00:00.000Z' (National Day week is off, 10-09 is a Friday)
 */
export function addDuration(
  from: string,
  spec: { after: string; calendar?: 'calendar' | 'working' },
  calendar: HolidayCalendar = weekdaysOnly,
): string {
  return new Date(addDurationMs(from, spec, calendar)).toISOString();
}

/**
 * `addDuration` in epoch milliseconds, from an instant given as text or as milliseconds: the engine
 * goes on computing with the due time (reminders at fractions of the span), and each conversion
 * between text and milliseconds costs as much as the rest of starting a timer.
 */
export function addDurationMs(
  from: string | number,
  spec: { after: string; calendar?: 'calendar' | 'working' },
  calendar: HolidayCalendar = weekdaysOnly,
): number {
  const parsed = parsedDuration(spec.after);
  if (!parsed) throw new RangeError(`not an ISO 8601 duration: ${spec.after}`);
  let t = typeof from === 'number' ? from : Date.parse(from);
  if (Number.isNaN(t)) throw new RangeError(`not an instant: ${from}`);
  if (spec.calendar === 'working') {
    const offset = calendar.utcOffsetMinutes * 60_000;
    let remaining = parsed.days;
    while (remaining > 0) {
      t += DAY_MS;
      if (isWorkingLocalDay(calendar, Math.floor((t + offset) / DAY_MS))) remaining -= 1;
    }
  } else {
    t += parsed.days * DAY_MS;
  }
  return t + parsed.ms;
}

// Durations come from definitions and service items' SLAs: few distinct texts, parsed on every timer.
const durations = new Map<string, { days: number; ms: number } | undefined>();

function parsedDuration(duration: string): { days: number; ms: number } | undefined {
  if (durations.has(duration)) return durations.get(duration);
  const parsed = parseDuration(duration);
  if (durations.size >= 1000) durations.clear();
  durations.set(duration, parsed);
  return parsed;
}

// Per calendar object and local day number (days since 1970-01-01 in the calendar's time zone).
const workingDays = new WeakMap<HolidayCalendar, Map<number, boolean>>();

function isWorkingLocalDay(calendar: HolidayCalendar, day: number): boolean {
  let days = workingDays.get(calendar);
  if (days === undefined) workingDays.set(calendar, (days = new Map()));
  let working = days.get(day);
  if (working === undefined) {
    working = isWorkingDay(calendar, new Date(day * DAY_MS).toISOString().slice(0, 10));
    if (days.size >= 4000) days.clear();
    days.set(day, working);
  }
  return working;
}

/** Milliseconds of a duration counted on the clock (days as 24 h); for rate limits and reminders. */
export function durationMs(duration: string): number {
  const parsed = parseDuration(duration);
  if (!parsed) throw new RangeError(`not an ISO 8601 duration: ${duration}`);
  return parsed.days * DAY_MS + parsed.ms;
}
