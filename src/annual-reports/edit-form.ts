// The editor's form: one text field per section, one field per cell of each typed table.
// A cell is kept as typed — blank is an empty cell, digits a number, anything else the
// text itself — so that the checks (CELL_INVALID, CELL_EMPTY) say what is wrong with it
// and the form shows it again unchanged.
import { z } from 'zod';
import { FORMATS, tableShape, type SectionKey, type TableKey } from '../reports/format/index.js';
import type { CellValue, Grid } from '../reports/model.js';
import type { StoredReport } from './annual-report.js';
import type { DraftEdit } from './annual-report-service.js';

export const SECTION_MAX = 20_000;

/** The text before section 一. */
export const PREAMBLE_FIELD = 'preamble';
export const sectionField = (key: SectionKey): string => `section_${key}`;
export const cellField = (table: TableKey, row: string, column: string): string =>
  `cell_${table}_${row}_${column}`;

const sectionText = z
  .string()
  .max(SECTION_MAX, `每部分正文不能超过 ${SECTION_MAX} 字`)
  .transform((s) => s.replace(/\r\n?/g, '\n').trim());

export function parseCell(typed: string): CellValue {
  const s = typed.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (s === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  return typed.trim();
}

export function cellText(value: CellValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export interface EditRead {
  edit: DraftEdit;
  /** Every field as typed, to show the form again. */
  values: Record<string, string>;
  errors: Record<string, string>;
}

export function readEdit(body: Readonly<Record<string, unknown>>, stored: StoredReport): EditRead {
  const format = FORMATS[stored.report.format];
  const str = (name: string) => {
    const v = body[name];
    const first = Array.isArray(v) ? v[0] : v;
    return typeof first === 'string' ? first : '';
  };
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const sections: DraftEdit['sections'] = {};
  let preamble: string | undefined;
  if (PREAMBLE_FIELD in body) {
    values[PREAMBLE_FIELD] = str(PREAMBLE_FIELD);
    const parsed = sectionText.safeParse(values[PREAMBLE_FIELD]);
    if (parsed.success) preamble = parsed.data;
    else errors[PREAMBLE_FIELD] = `报告开头的说明：${parsed.error.issues[0]?.message ?? ''}`;
  }
  for (const def of format.sections) {
    const name = sectionField(def.key);
    if (!(name in body)) continue;
    values[name] = str(name);
    const parsed = sectionText.safeParse(values[name]);
    if (parsed.success) sections[def.key] = parsed.data;
    else errors[name] = `${def.numeral}、${def.title}：${parsed.error.issues[0]?.message ?? ''}`;
  }
  const typed: DraftEdit['typed'] = {};
  for (const table of ['proactive', 'requests', 'review'] as const) {
    if (stored.computed.includes(table)) continue;
    const grid: Grid = {};
    let any = false;
    for (const row of tableShape(format, table)) {
      grid[row.key] = {};
      for (const col of row.columns) {
        const name = cellField(table, row.key, col.key);
        if (name in body) any = true;
        values[name] = str(name);
        grid[row.key]![col.key] = parseCell(values[name]);
      }
    }
    if (any) typed[table] = grid;
  }
  return {
    edit: { ...(preamble !== undefined ? { preamble } : {}), sections, typed },
    values,
    errors,
  };
}
