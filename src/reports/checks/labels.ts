// How findings name tables, rows, columns and sections: always with the labels of the
// format definition, as a disclosure officer sees them printed in the report.
import { FORMATS, tableShape } from '../format/index.js';
import type { ReportFormat, SectionKey, TableKey } from '../format/index.js';
import type { AnnualReport, Severity } from '../model.js';

/**
 * The word for a finding's severity on every page, CSV, sheet and in `gongkai check`: a
 * report with only warnings is 「仅有提示」 (supervision/status.ts), so a warning is a 提示.
 */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: '错误',
  warning: '提示',
};

/** 「表三」: tables are numbered by the section that holds them (table keys equal section keys). */
export function tableName(format: ReportFormat, table: TableKey): string {
  const section = format.sections.find((s) => s.key === table);
  return `表${section?.numeral ?? ''}`;
}

export function rowLabel(format: ReportFormat, table: TableKey, rowKey: string): string {
  return tableShape(format, table).find((r) => r.key === rowKey)?.label ?? rowKey;
}

export function columnLabel(
  format: ReportFormat,
  table: TableKey,
  rowKey: string | null,
  columnKey: string,
): string {
  const rows = tableShape(format, table);
  const row = rowKey ? rows.find((r) => r.key === rowKey) : rows[0];
  return row?.columns.find((c) => c.key === columnKey)?.label ?? columnKey;
}

/** 「第三部分“收到和处理政府信息公开申请情况”」 */
export function sectionName(format: ReportFormat, key: SectionKey): string {
  const s = format.sections.find((x) => x.key === key);
  return s ? `第${s.numeral}部分“${s.title}”` : key;
}

export function formatOf(report: AnnualReport): ReportFormat {
  return FORMATS[report.format];
}

/** Numbers in messages: 2 decimals at most, so float noise (0.1+0.2) never shows. */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** 「2022年1月31日」 from `2022-01-31`. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
