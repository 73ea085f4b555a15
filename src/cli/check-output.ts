// What `gongkai check` prints: per report, its findings in Chinese (errors first), or the
// JSON document of --json with the spec's table keys and cells as numbers.
import { SEVERITY_LABELS } from '../reports/checks/labels.js';
import { FORMATS, TABLE_KEYS, tableShape } from '../reports/format/index.js';
import type { AnnualReport, CellValue } from '../reports/model.js';
import type { Checked, ReportFacts } from '../reports/read/protocol.js';

/**
 * A file named on the command line and what reading and checking found: the whole report
 * for --json, only its facts for the text.
 */
export type CheckedFile<R extends ReportFacts = ReportFacts> = { source: string } & Checked<R>;

/** Cells as numbers: an empty cell is 0 (its CELL_EMPTY finding says so); text that is no number is null (CELL_INVALID). */
function jsonCell(value: CellValue | undefined): number | null {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function jsonTables(
  report: AnnualReport,
): Record<string, Record<string, Record<string, number | null>>> {
  const format = FORMATS[report.format];
  return Object.fromEntries(
    TABLE_KEYS.map((table) => [
      table,
      Object.fromEntries(
        tableShape(format, table).map((row) => [
          row.key,
          Object.fromEntries(
            row.columns.map((c) => [c.key, jsonCell(report.tables[table]?.[row.key]?.[c.key])]),
          ),
        ]),
      ),
    ]),
  );
}

export function checkJson(files: readonly CheckedFile<AnnualReport>[]): string {
  const reports = files.map((f) =>
    f.ok
      ? {
          source: f.source,
          agency: f.report.agency,
          year: f.report.year,
          format: f.report.format,
          tables: jsonTables(f.report),
          findings: f.findings.map((x) => ({
            code: x.code,
            severity: x.severity,
            table: x.table,
            row: x.row,
            column: x.column,
            section: x.section,
            expected: x.expected,
            actual: x.actual,
            message: x.message,
          })),
        }
      : // Same keys as a report that was read, so consumers can treat every entry alike.
        {
          source: f.source,
          error: f.error,
          agency: null,
          year: null,
          format: null,
          tables: null,
          findings: [],
        },
  );
  return `${JSON.stringify({ reports }, null, 2)}\n`;
}

function describeReport(report: ReportFacts): string {
  const year = report.year !== null ? `${report.year}年度` : '年度不详的';
  return `${report.agency ?? '（未署机关名称）'}${year}报告（${report.format}年格式）`;
}

export function checkText(files: readonly CheckedFile[]): string {
  const out: string[] = [];
  for (const f of files) {
    if (!f.ok) {
      out.push(`${f.source}：无法读取。${f.error}`, '');
      continue;
    }
    const errors = f.findings.filter((x) => x.severity === 'error');
    const warnings = f.findings.filter((x) => x.severity !== 'error');
    const counts =
      f.findings.length === 0
        ? '未发现问题'
        : `${SEVERITY_LABELS.error}${errors.length}项，${SEVERITY_LABELS.warning}${warnings.length}项`;
    out.push(`${f.source}：${describeReport(f.report)}，${counts}`);
    for (const [severity, list] of [
      ['error', errors],
      ['warning', warnings],
    ] as const)
      if (list.length)
        out.push(
          `  ${SEVERITY_LABELS[severity]}：`,
          ...list.map((x) => `    [${x.code}] ${x.message}`),
        );
    out.push('');
  }
  const unreadable = files.filter((f) => !f.ok).length;
  const withErrors = files.filter(
    (f) => f.ok && f.findings.some((x) => x.severity === 'error'),
  ).length;
  const parts = [`共检查${files.length}份报告`, `${withErrors}份有错误`];
  if (unreadable) parts.push(`${unreadable}份无法读取`);
  out.push(`${parts.join('，')}。`);
  return `${out.join('\n')}\n`;
}

/** 0: no report has an error finding; 1: some report has; 2: a file could not be read. */
export function checkExitCode(files: readonly CheckedFile[], previousUnreadable: boolean): number {
  if (previousUnreadable || files.some((f) => !f.ok)) return 2;
  return files.some((f) => f.ok && f.findings.some((x) => x.severity === 'error')) ? 1 : 0;
}
