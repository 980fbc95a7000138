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
 * are named), and how many rows the report has. Empty when every bar would be zero: a wall of empty rows
 * says less than "no data". A report with more rows than MAX_BARS (a district's 500 stations) draws the
 * MAX_BARS with the largest total of the drawn series, largest first: the first rows in the report's own
 * order (the org tree's) would be one institute's stations, which says nothing about the district.
 */
export function chartData(spec: ReportChartSpec, report: Report, locale: 'zh-CN' | 'en') {
  const numeric = report.columns.filter((c) => report.rows.some((r) => typeof r[c.key] === 'number'));
  const chosen = spec.series.length ? numeric.filter((c) => spec.series.includes(c.key)) : numeric.slice(0, 3);
  const value = (row: Record<string, ReportCell>, key: string) => (typeof row[key] === 'number' ? (row[key] as number) : 0);
  const total = report.rows.length;
  const rows =
    total <= MAX_BARS
      ? report.rows
      : report.rows
          .map((row, index) => ({ row, index, sum: chosen.reduce((sum, column) => sum + value(row, column.key), 0) }))
          .sort((a, b) => b.sum - a.sum || a.index - b.index)
          .slice(0, MAX_BARS)
          .map(({ row }) => row);
  const series = chosen.map((column) => ({ name: locale === 'en' ? column.en : column.zh, data: rows.map((row) => value(row, column.key)) }));
  if (series.every((one) => one.data.every((v) => v === 0))) return { categories: [], series: [], total };
  return {
    categories: rows.map((row) => spec.category.map((key) => row[key]).filter((v) => v !== null && v !== undefined && v !== '').map((v) => shortUnitName(String(v))).join(' · ') || '—'),
    series,
    total,
  };
}
