// The columns a finding fills in every findings spreadsheet (the console check's summary
// CSV, a supervision batch's CSV and .xlsx): one definition, so that the same finding reads
// the same wherever it is downloaded. Pure.
import { FORMATS } from '../format/index.js';
import type { AnnualReport, Finding } from '../model.js';
import { correctionsByFinding } from './grouping.js';
import { columnLabel, rowLabel, sectionName, SEVERITY_LABELS, tableName } from './labels.js';
import { isReadingNote, numberedFindings } from './reading-notes.js';

/** The finding's 类别: the report's own problem, or a note on how the file was read. */
export const FINDING_KINDS = { problem: '报告问题', note: '读取说明' } as const;

export const FINDING_HEADER = [
  '类别',
  '严重程度',
  '问题代码',
  '表格',
  '行',
  '列',
  '部分',
  '按勾稽关系计算值',
  '报告所列值',
  '问题说明',
  '经核算的更正',
] as const;

/**
 * The checks whose `expected` is what the report's other figures give the marked cell (the
 * sum of its parts; last year's 结转下年度继续办理; last year's stock plus this year's
 * change) and whose `actual` is what the report puts in that cell.
 */
const COMPUTED_FOR_A_CELL: ReadonlySet<Finding['code']> = new Set([
  'T3_TOTAL_COLUMN',
  'T3_OUTCOME_SUM',
  'T4_SUM',
  'CARRY_OVER',
  'T2_STOCK',
]);

/**
 * A finding's two figures as the spreadsheets show them, or null where the finding's numbers
 * are not such a pair. T3_BALANCE compares two sums of a column (一+二 with 三（七）+四):
 * neither is a cell's value, so putting them as 「应为/实为」 read like a rival to the cell
 * the 经核算的更正 column names. NARRATIVE_MISMATCH weighs two figures the report itself
 * gives (text against table), LATE counts days, and a reading note's figures are what the
 * reader weighed; their messages say what the numbers are. A CELL_INVALID cell is shown
 * as the report lists it.
 */
export function findingFigures(f: Finding): { computed: number | null; listed: number | null } {
  if (COMPUTED_FOR_A_CELL.has(f.code)) return { computed: f.expected, listed: f.actual };
  if (f.code === 'CELL_INVALID') return { computed: null, listed: f.actual };
  return { computed: null, listed: null };
}

const figure = (n: number | null) => (n === null ? '' : String(n));

/**
 * One row of FINDING_HEADER's cells per finding, the report's problems first and then its
 * reading notes (the order and the numbers of the report pages), each with its group's
 * correction.
 */
export function findingCells(report: AnnualReport, findings: readonly Finding[]): string[][] {
  const format = FORMATS[report.format];
  const { all } = numberedFindings(findings);
  const corrections = correctionsByFinding(report, all);
  return all.map((f, k) => {
    const { computed, listed } = findingFigures(f);
    return [
      isReadingNote(f) ? FINDING_KINDS.note : FINDING_KINDS.problem,
      SEVERITY_LABELS[f.severity],
      f.code,
      f.table ? tableName(format, f.table) : '',
      f.table && f.row ? rowLabel(format, f.table, f.row) : '',
      f.table && f.column ? columnLabel(format, f.table, f.row, f.column) : '',
      f.section ? sectionName(format, f.section) : '',
      figure(computed),
      figure(listed),
      f.message,
      corrections.get(k) ?? '',
    ];
  });
}

/** FINDING_HEADER's cells for a file without findings: blank, or why it could not be read. */
export function noFindingCells(message = ''): string[] {
  return FINDING_HEADER.map((h) => (h === '问题说明' ? message : ''));
}
