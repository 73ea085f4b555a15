// The summary a supervisor downloads after checking many reports: one row per finding,
// with the report's file, agency, year and verdict repeated on each row so that a
// spreadsheet filter (by agency, by verdict, by code) works at once; a report without
// findings, and a file that could not be read, still get one row. UTF-8 with BOM.
import { FORMATS } from '../format/index.js';
import {
  columnLabel,
  rowLabel,
  sectionName,
  SEVERITY_LABELS,
  tableName,
} from '../checks/labels.js';
import { correctionsByFinding } from '../checks/grouping.js';
import type { Finding } from '../model.js';
import { csvDocument } from '../render/csv.js';
import { verdictOf, type CheckedReport } from './check-uploads.js';

export const SUMMARY_HEADER = [
  '序号',
  '文件',
  '机关',
  '报告年度',
  '报告格式',
  '结论',
  `${SEVERITY_LABELS.error}数`,
  `${SEVERITY_LABELS.warning}数`,
  '严重程度',
  '问题代码',
  '表格',
  '行',
  '列',
  '部分',
  '应为',
  '实为',
  '问题说明',
  '经核算的更正',
] as const;

export function formatLabel(id: keyof typeof FORMATS): string {
  return id === '2019' ? '2019年试行格式' : '2021年格式';
}

function findingColumns(
  checked: CheckedReport & { ok: true },
  f: Finding,
  correction: string | undefined,
): string[] {
  const format = FORMATS[checked.report.format];
  const n = (v: number | null) => (v === null ? '' : String(v));
  return [
    SEVERITY_LABELS[f.severity],
    f.code,
    f.table ? tableName(format, f.table) : '',
    f.table && f.row ? rowLabel(format, f.table, f.row) : '',
    f.table && f.column ? columnLabel(format, f.table, f.row, f.column) : '',
    f.section ? sectionName(format, f.section) : '',
    n(f.expected),
    n(f.actual),
    f.message,
    correction ?? '',
  ];
}

export function summaryCsv(results: readonly CheckedReport[]): string {
  const rows: string[][] = [];
  results.forEach((checked, i) => {
    const verdict = verdictOf(checked);
    const head = checked.ok
      ? [
          String(i + 1),
          checked.name,
          checked.report.agency ?? '',
          checked.report.year === null ? '' : String(checked.report.year),
          formatLabel(checked.report.format),
          verdict.label,
          String(verdict.errors),
          String(verdict.warnings),
        ]
      : [String(i + 1), checked.name, '', '', '', verdict.label, '', ''];
    if (!checked.ok) {
      rows.push([...head, '', '', '', '', '', '', '', '', checked.error, '']);
    } else if (checked.findings.length === 0) {
      rows.push([...head, '', '', '', '', '', '', '', '', '', '']);
    } else {
      const corrections = correctionsByFinding(checked.report, checked.findings);
      checked.findings.forEach((f, k) =>
        rows.push([...head, ...findingColumns(checked, f, corrections.get(k))]),
      );
    }
  });
  return csvDocument(SUMMARY_HEADER, rows);
}
