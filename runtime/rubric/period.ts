import type { Period } from './snapshot';

// Dates compare as strings on their first ten characters: ISO dates sort lexically, and no clock or
// time zone is involved, which keeps metrics pure and fast.

export function dayOf(iso: string): string {
  return iso.length > 10 ? iso.slice(0, 10) : iso;
}

export function inPeriod(iso: string, period: Period): boolean {
  const day = dayOf(iso);
  return day >= period.from && day <= period.to;
}

/** Months of the period as `YYYY-MM`, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** Quarters of the period as `YYYY-Qn`, in order. */
export function quartersOf(period: Period): string[] {
  const quarters: string[] = [];
  for (const month of monthsOf(period)) {
    const key = quarterOf(month);
    if (quarters.at(-1) !== key) quarters.push(key);
  }
  return quarters;
}

export function quarterOf(iso: string): string {
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Whole days from `a` to `b` (calendar dates, UTC arithmetic so daylight saving never shifts it). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${dayOf(b)}T00:00:00Z`) - Date.parse(`${dayOf(a)}T00:00:00Z`)) / 86_400_000);
}

/** Hours from `a` to `b`; full timestamps keep their offsets, a bare date is midnight UTC. */
export function hoursBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 3_600_000;
}
