// The printed layout of tables 二, 三 and 四 as the national format lays them out: header
// cells, merges and data cells, derived from the format definition alone. The HTML and
// the .docx renderers both draw this one layout, so the two cannot drift apart.
import type { ColumnDef, ReportFormat, RowDef } from '../format/index.js';
import { FORMATS } from '../format/index.js';
import type { AnnualReport, CellValue, ReportTables } from '../model.js';

export type TableKey = keyof ReportTables;

export interface CellRef {
  table: TableKey;
  row: string;
  column: string;
}

export interface LayoutCell {
  kind: 'header' | 'data';
  text: string;
  colSpan: number;
  rowSpan: number;
  /** Header cells: a local id that data cells name in `headers`. */
  id?: string;
  scope?: 'col' | 'row' | 'colgroup' | 'rowgroup';
  /** Data cells: the ids of the header cells naming their row (outer to inner). */
  rowHeaders?: readonly string[];
  /** Data cells: the ids of the header cells naming their column (outer to inner). */
  columnHeaders?: readonly string[];
  /** Data cells: which cell of the model this is. */
  ref?: CellRef;
  value?: CellValue;
}

export interface TableLayout {
  key: TableKey;
  /** The section numeral the table belongs to (「二」…「四」). */
  numeral: string;
  title: string;
  columnCount: number;
  /** Rows printed as the table head (repeated on each printed page). */
  headRows: LayoutCell[][];
  bodyRows: LayoutCell[][];
}

/**
 * Header labels the national format prints but that name no row or column of the model,
 * so the format definition does not carry them.
 */
export const LAYOUT_LABELS = {
  contentColumn: '信息内容',
  applicants: '申请人情况',
  outcomes: '三、本年度办理结果',
} as const;

/** The 「申请人情况」 header over every applicant column (too general to name a column by). */
export const APPLICANTS_HEADER_ID = 't3-applicants';

const TOP_LEVEL_NUMBER = /^[一二三四五六七八九十]+、$/;

function header(
  text: string,
  id: string,
  scope: LayoutCell['scope'],
  colSpan = 1,
  rowSpan = 1,
): LayoutCell {
  return scope
    ? { kind: 'header', text, id, scope, colSpan, rowSpan }
    : { kind: 'header', text, id, colSpan, rowSpan };
}

function data(
  ref: CellRef,
  value: CellValue | undefined,
  rowHeaders: string[],
  columnHeaders: string[],
  colSpan = 1,
): LayoutCell {
  return {
    kind: 'data',
    text: cellText(value),
    ref,
    value: value ?? null,
    rowHeaders,
    columnHeaders,
    colSpan,
    rowSpan: 1,
  };
}

/** How a cell value is printed: numbers as written, an empty cell as nothing, odd text as it was. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return value;
}

function valueOf(
  report: AnnualReport,
  table: TableKey,
  row: string,
  column: string,
): CellValue | undefined {
  return report.tables[table][row]?.[column];
}

function sectionNumeral(format: ReportFormat, key: TableKey): string {
  return format.sections.find((s) => s.key === key)?.numeral ?? '';
}

export function proactiveLayout(
  report: AnnualReport,
  format: ReportFormat = FORMATS[report.format],
): TableLayout {
  const width = 1 + Math.max(...format.proactive.blocks.map((b) => b.columns.length));
  const body: LayoutCell[][] = [];
  for (const block of format.proactive.blocks) {
    const blockId = `t2-${block.key}`;
    body.push([header(block.heading, blockId, 'colgroup', width)]);
    const contentId = `${blockId}-content`;
    const colIds = block.columns.map((c) => `${blockId}-c-${c.key}`);
    body.push([
      header(LAYOUT_LABELS.contentColumn, contentId, 'col'),
      ...block.columns.map((c, i) =>
        header(
          c.label,
          colIds[i]!,
          'col',
          i === block.columns.length - 1 ? width - block.columns.length : 1,
        ),
      ),
    ]);
    for (const row of block.rows) {
      const rowId = `${blockId}-r-${row.key}`;
      body.push([
        header(row.label, rowId, 'row'),
        ...block.columns.map((c, i) =>
          data(
            { table: 'proactive', row: row.key, column: c.key },
            valueOf(report, 'proactive', row.key, c.key),
            [blockId, rowId],
            [colIds[i]!],
            i === block.columns.length - 1 ? width - block.columns.length : 1,
          ),
        ),
      ]);
    }
  }
  return {
    key: 'proactive',
    numeral: sectionNumeral(format, 'proactive'),
    title: format.proactive.title,
    columnCount: width,
    headRows: [],
    bodyRows: body,
  };
}

/** Column header rows for the applicant columns: 自然人 | 法人或其他组织 (its five) | 总计. */
function applicantHeadRows(
  columns: readonly ColumnDef[],
  noteCell: LayoutCell,
): {
  rows: LayoutCell[][];
  columnHeaders: Map<string, string[]>;
} {
  const applicantsId = APPLICANTS_HEADER_ID;
  const top: LayoutCell[] = [
    noteCell,
    header(LAYOUT_LABELS.applicants, applicantsId, 'colgroup', columns.length),
  ];
  const middle: LayoutCell[] = [];
  const bottom: LayoutCell[] = [];
  const columnHeaders = new Map<string, string[]>();
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i]!;
    const colId = `t3-c-${col.key}`;
    if (!col.parentLabel) {
      middle.push(header(col.label, colId, 'col', 1, 2));
      columnHeaders.set(col.key, [applicantsId, colId]);
      continue;
    }
    const parentId = `t3-p-${i}`;
    let span = 0;
    while (columns[i + span]?.parentLabel === col.parentLabel) {
      const child = columns[i + span]!;
      const childId = `t3-c-${child.key}`;
      bottom.push(header(child.label, childId, 'col'));
      columnHeaders.set(child.key, [applicantsId, parentId, childId]);
      span++;
    }
    middle.push(header(col.parentLabel, parentId, 'colgroup', span));
    i += span - 1;
  }
  return { rows: [top, middle, bottom], columnHeaders };
}

function rowLabel(row: RowDef): string {
  return `${row.number}${row.label}`;
}

export function requestsLayout(
  report: AnnualReport,
  format: ReportFormat = FORMATS[report.format],
): TableLayout {
  const def = format.requests;
  // The corner cell carries the printed note and spans the three label columns; it heads
  // neither rows nor columns, so it has no scope.
  const note = header(`（${def.note}）`, 't3-note', undefined, 3, 3);
  const { rows: headRows, columnHeaders } = applicantHeadRows(def.columns, note);

  // Rows numbered 一、二、四、 stand alone; every other row belongs to 三、本年度办理结果.
  const outcomeRows = def.rows.filter((r) => !TOP_LEVEL_NUMBER.test(r.number));
  const groupSize = new Map<string, number>();
  for (const r of outcomeRows)
    if (r.group) groupSize.set(r.group, (groupSize.get(r.group) ?? 0) + 1);

  const body: LayoutCell[][] = [];
  const outcomesId = 't3-outcomes';
  let outcomesOpened = false;
  const groupsOpened = new Set<string>();
  for (const row of def.rows) {
    const rowId = `t3-r-${row.key}`;
    const cells: LayoutCell[] = [];
    const rowHeaders: string[] = [];
    if (TOP_LEVEL_NUMBER.test(row.number)) {
      cells.push(header(rowLabel(row), rowId, 'row', 3));
    } else {
      if (!outcomesOpened) {
        cells.push(header(LAYOUT_LABELS.outcomes, outcomesId, 'rowgroup', 1, outcomeRows.length));
        outcomesOpened = true;
      }
      rowHeaders.push(outcomesId);
      const size = row.group ? (groupSize.get(row.group) ?? 1) : 1;
      if (row.group && size > 1) {
        const groupId = `t3-g-${row.group}`;
        if (!groupsOpened.has(row.group)) {
          const group = def.outcomeGroups.find((g) => g.key === row.group);
          const text = group ? `${group.number}${group.label}` : row.group;
          cells.push(header(text, groupId, 'rowgroup', 1, size));
          groupsOpened.add(row.group);
        }
        rowHeaders.push(groupId);
        cells.push(header(rowLabel(row), rowId, 'row'));
      } else {
        cells.push(header(rowLabel(row), rowId, 'row', 2));
      }
    }
    rowHeaders.push(rowId);
    for (const col of def.columns) {
      cells.push(
        data(
          { table: 'requests', row: row.key, column: col.key },
          valueOf(report, 'requests', row.key, col.key),
          rowHeaders,
          columnHeaders.get(col.key) ?? [],
        ),
      );
    }
    body.push(cells);
  }
  return {
    key: 'requests',
    numeral: sectionNumeral(format, 'requests'),
    title: def.title,
    columnCount: 3 + def.columns.length,
    headRows,
    bodyRows: body,
  };
}

export function reviewLayout(
  report: AnnualReport,
  format: ReportFormat = FORMATS[report.format],
): TableLayout {
  const def = format.review;
  const n = def.columns.length;
  const top: LayoutCell[] = [];
  const middle: LayoutCell[] = [];
  const bottom: LayoutCell[] = [];
  const values: LayoutCell[] = [];
  const groups = def.groups;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    const groupHeaders: string[] = [];
    if (g.parentLabel) {
      const parentId = `t4-p-${i}`;
      let span = 0;
      while (groups[i + span]?.parentLabel === g.parentLabel) span++;
      top.push(header(g.parentLabel, parentId, 'colgroup', n * span));
      for (let k = 0; k < span; k++) {
        const child = groups[i + k]!;
        const childId = `t4-g-${child.key}`;
        middle.push(header(child.label, childId, 'colgroup', n));
        pushColumns(child.key, [parentId, childId]);
      }
      i += span - 1;
    } else {
      const groupId = `t4-g-${g.key}`;
      top.push(header(g.label, groupId, 'colgroup', n, 2));
      groupHeaders.push(groupId);
      pushColumns(g.key, groupHeaders);
    }
  }
  function pushColumns(groupKey: string, groupHeaders: string[]): void {
    for (const col of def.columns) {
      const colId = `t4-c-${groupKey}-${col.key}`;
      bottom.push(header(col.label, colId, 'col'));
      values.push(
        data(
          { table: 'review', row: groupKey, column: col.key },
          valueOf(report, 'review', groupKey, col.key),
          groupHeaders,
          [colId],
        ),
      );
    }
  }
  return {
    key: 'review',
    numeral: sectionNumeral(format, 'review'),
    title: def.title,
    columnCount: n * groups.length,
    headRows: [top, middle, bottom],
    bodyRows: [values],
  };
}

/** The text of each header cell by id, to name a data cell in words (CSV, messages). */
export function headerTexts(layout: TableLayout): Map<string, string> {
  const out = new Map<string, string>();
  for (const cell of [...layout.headRows, ...layout.bodyRows].flat())
    if (cell.id) out.set(cell.id, cell.text);
  return out;
}

export function tableLayouts(report: AnnualReport): TableLayout[] {
  const format = FORMATS[report.format];
  return [
    proactiveLayout(report, format),
    requestsLayout(report, format),
    reviewLayout(report, format),
  ];
}
