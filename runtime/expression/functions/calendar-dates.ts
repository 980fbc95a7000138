import { ExpressionFunctionError } from '../messages';

/**
 * Instants are placed on the calendar in China Standard Time (UTC+08:00, no daylight saving since
 * 1991): an order placed at 2026-03-31T17:30Z happened on 1 April for the people involved. The offset is
 * fixed, not read from the machine, so results are the same on every server.
 */
export const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

export interface Instant {
  /** Milliseconds since the epoch. */
  ms: number;
  /** True for a bare date such as `2026-05-01`: it names a calendar day, not a moment. */
  dateOnly: boolean;
}

/**
 * Reads an ISO 8601 date (`2026-05-01`) or date-time (`2026-05-01T09:30:00Z`, `…+08:00`; without an
 * offset it is Beijing time), or a CEL timestamp. Hand-parsed because `Date.parse` of a string without
 * offset depends on the machine's time zone.
 */
export function toInstant(value: unknown, where: string): Instant {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw invalidDate(where, String(value));
    return { ms: value.getTime(), dateOnly: false };
  }
  if (typeof value !== 'string') throw invalidDate(where, typeof value);
  const m = ISO.exec(value.trim());
  if (!m) throw invalidDate(where, value);
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h ?? 0), minute = Number(mi ?? 0), second = Number(s ?? 0);
  const millis = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day ||
    hour > 23 || minute > 59 || second > 59
  ) {
    throw invalidDate(where, value);
  }
  const offset = zone === undefined ? CHINA_OFFSET_MS : zoneOffset(zone);
  return { ms: local - offset, dateOnly: h === undefined };
}

function zoneOffset(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 3_600_000 + Number(digits.slice(2, 4)) * 60_000);
}

function invalidDate(where: string, got: string): ExpressionFunctionError {
  return new ExpressionFunctionError({
    'zh-CN': `${where} 需要 ISO 8601 日期（如 2026-05-01 或 2026-05-01T09:30:00+08:00），收到 ${got}`,
    en: `${where} needs an ISO 8601 date (like 2026-05-01 or 2026-05-01T09:30:00+08:00), got ${got}`,
  });
}

/** Day number (days since 1970-01-01) of the calendar day in Beijing time. */
export function chinaDayNumber(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
}

/** Year, month (1–12) and day of the calendar day in Beijing time. */
export function chinaDate(ms: number): { year: number; month: number; day: number } {
  const shifted = new Date(ms + CHINA_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export function formatDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export { DAY_MS };
