/**
 * Every report is a table with bilingual column headers, so one writer serves all of them: JSON for the
 * studio, CSV (UTF-8 with a BOM, so Excel opens Chinese correctly) and XLSX (exceljs) for download.
 */

export interface ReportColumn {
  key: string;
  zh: string;
  en: string;
}

export type Cell = string | number | null;

export interface ReportTable {
  /** Sheet and file name: Chinese first. */
  title: { 'zh-CN': string; en: string };
  columns: ReportColumn[];
  rows: Record<string, Cell>[];
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table: ReportTable): string {
  const lines = [table.columns.map((column) => csvCell(column.zh)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((column) => csvCell(row[column.key] ?? null)).join(','));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export async function toXlsx(table: ReportTable): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded on the first export: exceljs holds ~28 MB that a server which never exports should not carry.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shijian';
  const sheet = workbook.addWorksheet(table.title['zh-CN'].slice(0, 31));
  sheet.columns = table.columns.map((column) => ({ header: column.zh, key: column.key, width: Math.max(10, column.zh.length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(Object.fromEntries(table.columns.map((column) => [column.key, row[column.key] ?? null])));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

/** Median and 90th percentile (nearest rank) of a list of numbers; null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

export const round2 = (value: number | null): number | null => (value === null ? null : Math.round(value * 100) / 100);
