// What `gongkai check` prints: per report, its status in the console's words and its
// findings in Chinese (errors, then warnings, each with the likely correction where the
// arithmetic decides it, then the reading notes apart), or the JSON document of --json with
// the spec's table keys and cells as numbers.
import { SEVERITY_LABELS } from '../reports/checks/labels.js';
import {
  findingCounts,
  numberedFindings,
  type FindingCounts,
} from '../reports/checks/reading-notes.js';
import { FORMATS, TABLE_KEYS, tableShape } from '../reports/format/index.js';
import type { AnnualReport, CellValue, Finding } from '../reports/model.js';
import type { Checked, ReportFacts, ReportSummary } from '../reports/read/protocol.js';
import {
  reportStatus,
  STATUS_LABELS,
  statusCounts,
  UNASSESSED_EXPLANATION,
} from '../supervision/status.js';

/**
 * A file named on the command line and what reading and checking found: the whole report
 * for --json, only its facts and corrections for the text.
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

/** The status word, as on the console's pages, then the counts, reading notes apart. */
function verdictLine(counts: FindingCounts): string {
  const word = STATUS_LABELS[reportStatus({ state: 'read' }, counts)];
  const notes = counts.notes > 0 ? `另有读取说明${counts.notes}条` : '';
  if (counts.errors + counts.warnings === 0) return notes ? `${word}（${notes}）` : word;
  const problems = `${SEVERITY_LABELS.error}${counts.errors}项，${SEVERITY_LABELS.warning}${counts.warnings}项`;
  return `${word}（${problems}${notes ? `；${notes}` : ''}）`;
}

function reportText(f: CheckedFile<ReportSummary> & { ok: true }): string[] {
  const counts = findingCounts(f.findings);
  const out = [`${f.source}：${describeReport(f.report)}，${verdictLine(counts)}`];
  if (reportStatus({ state: 'read' }, counts) === 'unassessed')
    out.push(`  ${UNASSESSED_EXPLANATION}`);
  // Numbered as on the report page: the report's problems first, then the reading notes.
  const { problems, notes, all } = numberedFindings(f.findings);
  const number = (x: Finding) => all.indexOf(x) + 1;
  const fixOf = (x: Finding) => f.report.corrections[f.findings.indexOf(x)] ?? null;
  const item = (x: Finding) => {
    const fix = fixOf(x);
    if (!fix) return [`    ${number(x)}. [${x.code}] ${x.message}`];
    // One correction for all the findings of its group, said under each, as the page groups them.
    const group = all.filter((y) => fixOf(y) === fix).map(number);
    return [
      `    ${number(x)}. [${x.code}] ${x.message}`,
      `       第${group.join('、')}条很可能出自同一处，经核算的更正：${fix}`,
    ];
  };
  for (const severity of ['error', 'warning'] as const) {
    const list = problems.filter((x) => (x.severity === 'error') === (severity === 'error'));
    if (list.length) out.push(`  ${SEVERITY_LABELS[severity]}：`, ...list.flatMap(item));
  }
  if (notes.length)
    out.push(
      '  读取说明（系统读取该文件时的说明，并非报告本身的问题，不计入提示；请对照原文核实）：',
      ...notes.flatMap(item),
    );
  return out;
}

export function checkText(files: readonly CheckedFile<ReportSummary>[]): string {
  const out: string[] = [];
  for (const f of files) {
    if (f.ok) out.push(...reportText(f), '');
    else out.push(`${f.source}：无法读取。${f.error}`, '');
  }
  // Each report counted once, by its status's precedence: one with errors is not also among
  // the 部分未能核对, one with a 提示 and unchecked sums is.
  const counted = statusCounts(
    files.map((f) =>
      f.ok ? reportStatus({ state: 'read' }, findingCounts(f.findings)) : 'unreadable',
    ),
  );
  const parts = [`共检查${files.length}份报告`, `${counted.errors}份有错误`];
  if (counted.unassessed)
    parts.push(`${counted.unassessed}份${STATUS_LABELS.unassessed}（需人工核对）`);
  if (counted.unreadable) parts.push(`${counted.unreadable}份无法读取`);
  out.push(`${parts.join('，')}。`);
  return `${out.join('\n')}\n`;
}

/** 0: no report has an error finding; 1: some report has; 2: a file could not be read. */
export function checkExitCode(files: readonly CheckedFile[], previousUnreadable: boolean): number {
  if (previousUnreadable || files.some((f) => !f.ok)) return 2;
  return files.some((f) => f.ok && f.findings.some((x) => x.severity === 'error')) ? 1 : 0;
}
