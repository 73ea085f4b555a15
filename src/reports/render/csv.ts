// The report's tables as CSV, one row per cell: `table,row,column,value` with the model's
// keys (machine-readable, stable), then the Chinese names of the table, row and column for
// people reading it in a spreadsheet. UTF-8 with a byte-order mark, CRLF line ends: what
// Excel as used in China needs to open Chinese text correctly with a double click.
import type { AnnualReport } from '../model.js';
import { APPLICANTS_HEADER_ID, headerTexts, tableLayouts } from './layout.js';

export const CSV_HEADER = ['table', 'row', 'column', 'value', '表名', '行名', '列名'] as const;

const BOM = '\uFEFF';

/** Quotes a field when it needs it (RFC 4180); a leading =+-@ is neutralised against formula injection. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** Joins lines into a CSV document with the byte-order mark Excel needs. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  return BOM + csvLine(header) + rows.map(csvLine).join('');
}

export function renderCsv(report: AnnualReport): string {
  const rows: string[][] = [];
  for (const layout of tableLayouts(report)) {
    const names = headerTexts(layout);
    const name = (ids: readonly string[] | undefined) =>
      (ids ?? [])
        .filter((id) => id !== APPLICANTS_HEADER_ID)
        .map((id) => names.get(id) ?? '')
        .join(' ');
    const tableName = `表${layout.numeral} ${layout.title}`;
    for (const cell of [...layout.headRows, ...layout.bodyRows].flat()) {
      if (!cell.ref) continue;
      rows.push([
        cell.ref.table,
        cell.ref.row,
        cell.ref.column,
        cell.text,
        tableName,
        name(cell.rowHeaders),
        name(cell.columnHeaders),
      ]);
    }
  }
  return csvDocument(CSV_HEADER, rows);
}
