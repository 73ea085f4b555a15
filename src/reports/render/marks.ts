// Which table cells a finding concerns, so a console page can mark them. A finding names
// a cell, a whole row (no column) or a whole column (no row); for the balance checks on a
// column only the cells that enter the sum are marked, not all 28 rows. A reading note
// (how the file was read, not a problem of the report) marks its cells apart, as a note.
import { isReadingNote } from '../checks/reading-notes.js';
import type { Finding, FindingCode, Severity } from '../model.js';
import type { CellRef, TableLayout } from './layout.js';

/** How a marked cell is drawn: its worst problem, or `note` when only reading notes concern it. */
export type MarkKind = Severity | 'note';

export interface CellMark {
  kind: MarkKind;
  /** 1-based positions, in the list the page shows, of the report's problems about the cell. */
  problemNumbers: number[];
  /** 1-based positions of the reading notes about the cell. */
  noteNumbers: number[];
}

export interface TableMarks {
  /** Marks of the data cells, keyed by {@link cellKey}. */
  cells: Map<string, CellMark>;
  /** Each marked finding's first cell in reading order (table by table, row by row): where its list entry links to. */
  firstCell: Map<number, CellRef>;
}

/** For a finding about a whole column of table 三: the rows that enter its rule. */
const COLUMN_RULE_ROWS: Partial<Record<FindingCode, readonly string[]>> = {
  T3_BALANCE: ['received', 'carried_in', 'outcome_total', 'carried_out'],
  T3_OUTCOME_SUM: ['outcome_total'],
  CARRY_OVER: ['carried_in'],
};

function ruleRows(f: Finding): readonly string[] | undefined {
  if (f.row !== null || f.column === null || f.table !== 'requests') return undefined;
  // A column's sum that could not be assessed is one of the two rules above on that column:
  // the note shades the cells the balance compares, not the whole column.
  if (f.code === 'NOT_ASSESSED') return COLUMN_RULE_ROWS.T3_BALANCE;
  return COLUMN_RULE_ROWS[f.code];
}

export function cellKey(table: string, row: string, column: string): string {
  return `${table}\u0000${row}\u0000${column}`;
}

/** The numbers shown in a marked cell, problems first. */
export const markNumbers = (mark: CellMark): number[] => [
  ...mark.problemNumbers,
  ...mark.noteNumbers,
];

/** Marks for the data cells of the given table layouts; a finding's number is its position + 1. */
export function markCells(
  findings: readonly Finding[],
  layouts: readonly TableLayout[],
): TableMarks {
  const cells = new Map<string, CellMark>();
  const firstCell = new Map<number, CellRef>();
  const refs = layouts.flatMap((l) =>
    [...l.headRows, ...l.bodyRows].flat().flatMap((cell) => (cell.ref ? [cell.ref] : [])),
  );
  findings.forEach((f, index) => {
    if (!f.table || (f.row === null && f.column === null)) return;
    const n = index + 1;
    const note = isReadingNote(f);
    const onlyRows = ruleRows(f);
    for (const ref of refs) {
      if (ref.table !== f.table) continue;
      if (f.row !== null && ref.row !== f.row) continue;
      if (f.column !== null && ref.column !== f.column) continue;
      if (onlyRows && !onlyRows.includes(ref.row)) continue;
      const key = cellKey(ref.table, ref.row, ref.column);
      const mark = cells.get(key) ?? { kind: 'note', problemNumbers: [], noteNumbers: [] };
      if (note) mark.noteNumbers.push(n);
      else {
        mark.problemNumbers.push(n);
        if (mark.kind !== 'error') mark.kind = f.severity;
      }
      cells.set(key, mark);
      if (!firstCell.has(n)) firstCell.set(n, ref);
    }
  });
  return { cells, firstCell };
}
