// The three tables of a report year as grids: blank (for the office to type), zero (a table
// a source owns but gave no row of), merged from every source's rows, and compared cell by
// cell (what "recompute tables" shows). Every row and column comes from the format
// definition; nothing here lists one. Pure.
import {
  TABLE_KEYS,
  tableShape,
  type ReportFormat,
  type TableKey,
} from '../reports/format/index.js';
import type { CellValue, Grid, ReportTables } from '../reports/model.js';
import type { YearContribution } from './year-sources.js';

/** Every cell of `table` in `format`, set to `value`. */
export function filledGrid(format: ReportFormat, table: TableKey, value: CellValue): Grid {
  const grid: Grid = {};
  for (const row of tableShape(format, table)) {
    grid[row.key] = Object.fromEntries(row.columns.map((c) => [c.key, value]));
  }
  return grid;
}

export function blankTables(format: ReportFormat): ReportTables {
  return {
    proactive: filledGrid(format, 'proactive', null),
    requests: filledGrid(format, 'requests', null),
    review: filledGrid(format, 'review', null),
  };
}

/** Keeps only the rows and columns the format defines, filling what is missing with `fill`. */
export function conform(format: ReportFormat, table: TableKey, grid: Grid, fill: CellValue): Grid {
  const out = filledGrid(format, table, fill);
  for (const [rowKey, cells] of Object.entries(out)) {
    const given = grid[rowKey];
    if (!given) continue;
    for (const col of Object.keys(cells)) if (col in given) cells[col] = given[col] ?? null;
  }
  return out;
}

export interface MergedTables {
  /** The tables some source gives, in full (rows no source gave are 0). */
  computed: Partial<Record<TableKey, Grid>>;
  /** Which source gave each computed row, by table and row key. */
  rowSource: Partial<Record<TableKey, Record<string, string>>>;
  /** Rows two sources both gave: the first one's figures are kept, and the clash shown. */
  conflicts: { table: TableKey; row: string; sources: [string, string] }[];
}

/**
 * The sources' rows merged into whole tables. A row belongs to the first source that gives
 * it: two features counting the same row would count the same records twice, so their sum
 * would be wrong and a silent choice would hide it — the clash is returned for the console.
 */
export function mergeContributions(
  format: ReportFormat,
  contributions: readonly { label: string; contribution: YearContribution }[],
): MergedTables {
  const computed: MergedTables['computed'] = {};
  const rowSource: MergedTables['rowSource'] = {};
  const conflicts: MergedTables['conflicts'] = [];
  for (const table of TABLE_KEYS) {
    const known = new Set(tableShape(format, table).map((r) => r.key));
    for (const { label, contribution } of contributions) {
      const grid = contribution.tables?.[table];
      if (!grid) continue;
      const target = (computed[table] ??= filledGrid(format, table, 0));
      const owners = (rowSource[table] ??= {});
      for (const [rowKey, cells] of Object.entries(grid)) {
        if (!known.has(rowKey)) continue;
        const owner = owners[rowKey];
        if (owner !== undefined) {
          conflicts.push({ table, row: rowKey, sources: [owner, label] });
          continue;
        }
        owners[rowKey] = label;
        const row = target[rowKey]!;
        for (const col of Object.keys(row)) if (col in cells) row[col] = cells[col] ?? null;
      }
    }
  }
  return { computed, rowSource, conflicts };
}

export interface CellChange {
  table: TableKey;
  row: string;
  column: string;
  before: CellValue;
  after: CellValue;
}

/** The cells that differ between two sets of tables of one format, in printed order. */
export function diffTables(
  format: ReportFormat,
  before: ReportTables,
  after: ReportTables,
): CellChange[] {
  const changes: CellChange[] = [];
  for (const table of TABLE_KEYS) {
    for (const row of tableShape(format, table)) {
      for (const col of row.columns) {
        const a = before[table]?.[row.key]?.[col.key] ?? null;
        const b = after[table]?.[row.key]?.[col.key] ?? null;
        if (a !== b) changes.push({ table, row: row.key, column: col.key, before: a, after: b });
      }
    }
  }
  return changes;
}
