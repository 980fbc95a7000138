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

/** The bars of one report: category labels and one numeric series per column (all numeric columns when none are named). */
export function chartData(spec: ReportChartSpec, report: Report, locale: 'zh-CN' | 'en') {
  const numeric = report.columns.filter((c) => report.rows.some((r) => typeof r[c.key] === 'number'));
  const chosen = spec.series.length ? numeric.filter((c) => spec.series.includes(c.key)) : numeric.slice(0, 3);
  const rows = report.rows.slice(0, MAX_BARS);
  return {
    categories: rows.map((row) => spec.category.map((key) => row[key]).filter((v) => v !== null && v !== undefined && v !== '').join(' · ') || '—'),
    series: chosen.map((column) => ({ name: locale === 'en' ? column.en : column.zh, data: rows.map((row) => (typeof row[column.key] === 'number' ? (row[column.key] as number) : 0)) })),
  };
}
