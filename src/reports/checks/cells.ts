// Reading cells for arithmetic, and the findings about cells themselves: CELL_INVALID (not
// a number of the kind its column holds) and CELL_EMPTY (left blank: read as 0, but
// always reported so that a blank never silently becomes a zero).
import { TABLE_KEYS, tableShape } from '../format/index.js';
import type { CellKind, TableKey } from '../format/index.js';
import type { AnnualReport, CellValue, Finding, Grid } from '../model.js';
import { columnLabel, formatOf, rowLabel, tableName } from './labels.js';

/** The value used in sums: null (empty) counts as 0; text is unknown (undefined), so relations using it are skipped. */
export function numeric(cell: CellValue | undefined): number | undefined {
  if (cell === null || cell === undefined) return 0;
  if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
  return undefined;
}

export function cell(grid: Grid | undefined, row: string, column: string): CellValue | undefined {
  return grid?.[row]?.[column];
}

function validFor(kind: CellKind, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (kind === 'count') return Number.isInteger(value) && value >= 0;
  if (kind === 'signed') return Number.isInteger(value);
  return value >= 0;
}

const KIND_RULE: Record<CellKind, string> = {
  count: '应填写不小于0的整数',
  signed: '应填写整数（减少时为负数）',
  amount: '应填写不小于0的数（可有小数）',
};

export function checkCells(report: AnnualReport): Finding[] {
  const format = formatOf(report);
  const findings: Finding[] = [];
  for (const table of TABLE_KEYS) {
    const grid = report.tables[table] ?? {};
    for (const row of tableShape(format, table)) {
      const empty: string[] = [];
      for (const column of row.columns) {
        const value = cell(grid, row.key, column.key);
        if (value === null || value === undefined) {
          empty.push(column.key);
          continue;
        }
        if (typeof value === 'string' || !validFor(column.kind, value)) {
          findings.push(invalid(report, table, row.key, column.key, column.kind, value));
        }
      }
      findings.push(...emptyFindings(report, table, row.key, empty, row.columns.length));
    }
  }
  return findings;
}

function where(report: AnnualReport, table: TableKey, row: string, column: string): string {
  const format = formatOf(report);
  return `${tableName(format, table)}“${rowLabel(format, table, row)}”行“${columnLabel(format, table, row, column)}”列`;
}

function invalid(
  report: AnnualReport,
  table: TableKey,
  row: string,
  column: string,
  kind: CellKind,
  value: CellValue,
): Finding {
  const shown = typeof value === 'string' ? `“${value}”` : String(value);
  return {
    code: 'CELL_INVALID',
    severity: 'error',
    table,
    row,
    column,
    section: null,
    expected: null,
    actual: typeof value === 'number' && Number.isFinite(value) ? value : null,
    message: `${where(report, table, row, column)}填写为${shown}，${KIND_RULE[kind]}`,
  };
}

function emptyFindings(
  report: AnnualReport,
  table: TableKey,
  row: string,
  empty: string[],
  width: number,
): Finding[] {
  if (empty.length === 0) return [];
  const format = formatOf(report);
  const base = {
    code: 'CELL_EMPTY',
    severity: 'warning',
    table,
    row,
    section: null,
    expected: null,
    actual: null,
  } as const;
  // A row left entirely blank is one finding, not one per cell.
  if (empty.length === width && width > 1) {
    return [
      {
        ...base,
        column: null,
        message: `${tableName(format, table)}“${rowLabel(format, table, row)}”行没有数据（各列均为空，或报告中没有这一行），已按0计算；如确为0，请填写“0”`,
      },
    ];
  }
  return empty.map((column) => ({
    ...base,
    column,
    message: `${where(report, table, row, column)}为空，已按0计算；如确为0，请填写“0”`,
  }));
}
