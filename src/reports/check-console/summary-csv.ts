// The summary a supervisor downloads after checking many reports: one row per finding,
// with the report's file, agency, year and verdict repeated on each row so that a
// spreadsheet filter (by agency, by verdict, by code) works at once; a report without
// findings, and a file that could not be read, still get one row. UTF-8 with BOM.
import type { FORMATS } from '../format/index.js';
import { SEVERITY_LABELS } from '../checks/labels.js';
import { FINDING_HEADER, findingCells, noFindingCells } from '../checks/finding-columns.js';
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
  '读取说明数',
  ...FINDING_HEADER,
] as const;

export function formatLabel(id: keyof typeof FORMATS): string {
  return id === '2019' ? '2019年试行格式' : '2021年格式';
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
          String(verdict.notes),
        ]
      : [String(i + 1), checked.name, '', '', '', verdict.label, '', '', ''];
    if (!checked.ok) rows.push([...head, ...noFindingCells(checked.error)]);
    else if (checked.findings.length === 0) rows.push([...head, ...noFindingCells()]);
    else
      for (const cells of findingCells(checked.report, checked.findings))
        rows.push([...head, ...cells]);
  });
  return csvDocument(SUMMARY_HEADER, rows);
}
