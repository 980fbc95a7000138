/** Which columns of each server report become a chart: one category column and the numeric series to draw. */
export interface ReportChartSpec {
  name: 'tiers' | 'order-funnel' | 'activity-cadence' | 'volunteer-hours' | 'meeting-cadence';
  category: string[];
  series: string[];
  stacked?: boolean;
}

export const REPORT_CHARTS: readonly ReportChartSpec[] = [
  { name: 'tiers', category: ['parentName'], series: ['demonstration', 'standard', 'creation', 'pending'], stacked: true },
  { name: 'order-funnel', category: ['stepName'], series: ['count', 'slaBreaches'] },
  { name: 'activity-cadence', category: ['unitName'], series: ['activities', 'compliantMonths'] },
  { name: 'volunteer-hours', category: ['unitName', 'teamName'], series: ['hours'] },
  { name: 'meeting-cadence', category: ['unitName'], series: [] },
];

export interface ReportColumn {
  key: string;
  zh: string;
  en: string;
}

export type ReportCell = string | number | null;

export interface Report {
  title: { 'zh-CN': string; en: string };
  period: { from: string; to: string } | null;
  columns: ReportColumn[];
  rows: Record<string, ReportCell>[];
}

// A chart with more bars than this is unreadable on a phone; the Excel export keeps every row.
export const MAX_BARS = 25;

// Every unit's name ends in what it is (黄羊镇红星村新时代文明实践站); on an axis cut to a few characters that
// ending is all that would show, so labels keep the part that tells units apart and say the level briefly.
const UNIT_SUFFIXES: readonly [RegExp, string][] = [
  [/新时代文明实践站$/, ''],
  [/新时代文明实践所$/, '（所）'],
  [/新时代文明实践中心$/, '（中心）'],
  [/ Practice Station, /, ', '],
];

/** A unit's name as an axis label: without the level's long suffix. */
export function shortUnitName(name: string): string {
  for (const [suffix, replacement] of UNIT_SUFFIXES) if (suffix.test(name)) return name.replace(suffix, replacement) || name;
  return name;
}

/**
 * The bars of one report: category labels and one numeric series per column (all numeric columns when none
 * are named). Empty when every bar would be zero: a wall of empty rows says less than "no data".
 */
export function chartData(spec: ReportChartSpec, report: Report, locale: 'zh-CN' | 'en') {
  const numeric = report.columns.filter((c) => report.rows.some((r) => typeof r[c.key] === 'number'));
  const chosen = spec.series.length ? numeric.filter((c) => spec.series.includes(c.key)) : numeric.slice(0, 3);
  const rows = report.rows.slice(0, MAX_BARS);
  const series = chosen.map((column) => ({ name: locale === 'en' ? column.en : column.zh, data: rows.map((row) => (typeof row[column.key] === 'number' ? (row[column.key] as number) : 0)) }));
  if (series.every((one) => one.data.every((value) => value === 0))) return { categories: [], series: [] };
  return {
    categories: rows.map((row) => spec.category.map((key) => row[key]).filter((v) => v !== null && v !== undefined && v !== '').map((v) => shortUnitName(String(v))).join(' · ') || '—'),
    series,
  };
}
