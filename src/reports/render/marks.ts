// Which table cells a finding concerns, so a console page can mark them. A finding names
// a cell, a whole row (no column) or a whole column (no row); for the balance checks on a
// column only the cells that enter the sum are marked, not all 28 rows.
import type { Finding, FindingCode, Severity } from '../model.js';
import type { TableLayout } from './layout.js';

export interface CellMark {
  severity: Severity;
  /** 1-based positions of the findings in the list the page shows. */
  findingNumbers: number[];
}

/** For a finding about a whole column of table 三: the rows that enter its rule. */
const COLUMN_RULE_ROWS: Partial<Record<FindingCode, readonly string[]>> = {
  T3_BALANCE: ['received', 'carried_in', 'outcome_total', 'carried_out'],
  T3_OUTCOME_SUM: ['outcome_total'],
  CARRY_OVER: ['carried_in'],
};

export function cellKey(table: string, row: string, column: string): string {
  return `${table}\u0000${row}\u0000${column}`;
}

/** Marks for the data cells of the given table layouts, keyed by {@link cellKey}. */
export function markCells(
  findings: readonly Finding[],
  layouts: readonly TableLayout[],
): Map<string, CellMark> {
  const marks = new Map<string, CellMark>();
  const refs = layouts.flatMap((l) =>
    [...l.headRows, ...l.bodyRows].flat().flatMap((cell) => (cell.ref ? [cell.ref] : [])),
  );
  findings.forEach((f, index) => {
    if (!f.table) return;
    const onlyRows = f.row === null && f.column !== null ? COLUMN_RULE_ROWS[f.code] : undefined;
    for (const ref of refs) {
      if (ref.table !== f.table) continue;
      if (f.row !== null && ref.row !== f.row) continue;
      if (f.column !== null && ref.column !== f.column) continue;
      if (f.row === null && f.column === null) continue;
      if (onlyRows && !onlyRows.includes(ref.row)) continue;
      const key = cellKey(ref.table, ref.row, ref.column);
      const mark = marks.get(key) ?? { severity: f.severity, findingNumbers: [] };
      if (f.severity === 'error') mark.severity = 'error';
      mark.findingNumbers.push(index + 1);
      marks.set(key, mark);
    }
  });
  return marks;
}
