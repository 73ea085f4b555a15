// Shared by the parser's tests: reading fixtures from the repository, comparing grids row
// by row in printed column order, and printing a report's table 三 as page text.
import { readFileSync } from 'node:fs';
import { FORMATS } from '../format/index.js';
import type { AnnualReport, CellValue, Grid } from '../model.js';
import { parseReport } from './index.js';
import type { ParseResult } from './index.js';
import { printedRowLabel } from './tables.js';

export function fixture(name: string): Uint8Array {
  return new Uint8Array(
    readFileSync(new URL(`../../../test/fixtures/reports/${name}`, import.meta.url)),
  );
}

export async function parseFixture(name: string): Promise<Extract<ParseResult, { ok: true }>> {
  const result = await parseReport({ bytes: fixture(name), filename: name });
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  return result;
}

/** The grid as row → values in column order. */
export function rowsOf(grid: Grid): Record<string, CellValue[]> {
  return Object.fromEntries(
    Object.entries(grid).map(([row, cells]) => [row, Object.values(cells)]),
  );
}

/** Every row of `grid` filled with `fill`, then the given rows: the expected reading of a whole table. */
export function expectRows(
  grid: Grid,
  fill: CellValue,
  rows: Record<string, CellValue[]>,
): Record<string, CellValue[]> {
  const out: Record<string, CellValue[]> = {};
  for (const [row, cells] of Object.entries(grid))
    out[row] = rows[row] ?? Object.values(cells).map(() => fill);
  for (const row of Object.keys(rows)) if (!(row in out)) out[row] = rows[row]!;
  return out;
}

export type Rows = string[][];

/** Table 三 of a report as its rows of cells: the printed label, then the seven values. */
export function requestRows(report: AnnualReport): Rows {
  const format = FORMATS[report.format];
  return format.requests.rows.map((row) => [
    printedRowLabel(row),
    ...format.requests.columns.map((c) => String(report.tables.requests[row.key]?.[c.key] ?? '')),
  ]);
}

/** A report's page text around the given lines of table 三 (as a stored page prints it). */
export function requestsPage(report: AnnualReport, lines: readonly string[]): string {
  const format = FORMATS[report.format];
  const heading = (i: number) => `${format.sections[i]!.numeral}、${format.sections[i]!.title}`;
  return [
    `${report.year}年政府信息公开工作年度报告`,
    heading(0),
    '本机关依法做好政府信息公开工作。',
    heading(1),
    heading(2),
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |',
    ...lines,
    heading(3),
    heading(4),
    '无。',
    heading(5),
    '无。',
  ].join('\n');
}

/** Parses page text as a .txt file; fails the test when it does not read at all. */
export async function parseText(text: string): Promise<Extract<ParseResult, { ok: true }>> {
  const result = await parseReport({ bytes: new TextEncoder().encode(text), filename: 'x.txt' });
  if (!result.ok) throw new Error(result.error);
  return result;
}
