/**
 * Quiet hours (免打扰) are wall-clock times in Beijing time. China has one time zone and no daylight
 * saving, so Beijing time is UTC+8 all year and needs no time-zone database.
 */
const beijingOffsetMs = 8 * 3_600_000;
const dayMs = 86_400_000;

export const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/**
 * The earliest instant at or after `at` outside the quiet window [start, end) (a window may wrap past
 * midnight, e.g. 22:00–07:00). Equal start and end mean no quiet hours.
 */
export function outsideQuietHours(at: Date, start: string | null, end: string | null): Date {
  if (start === null || end === null) return at;
  const from = minutesOf(start);
  const to = minutesOf(end);
  if (from === to) return at;
  const local = at.getTime() + beijingOffsetMs;
  const dayStart = Math.floor(local / dayMs) * dayMs;
  const minute = (local - dayStart) / 60_000;
  const quiet = from < to ? minute >= from && minute < to : minute >= from || minute < to;
  if (!quiet) return at;
  // The window's end today, or tomorrow when we are in the evening part of a window that wraps.
  const endDay = from > to && minute >= from ? dayStart + dayMs : dayStart;
  return new Date(endDay + to * 60_000 - beijingOffsetMs);
}
