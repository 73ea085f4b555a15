// Shared by the parser's tests: reading fixtures from the repository and comparing grids
// row by row in printed column order.
import { readFileSync } from 'node:fs';
import type { CellValue, Grid } from '../model.js';
import { parseReport } from './index.js';
import type { ParseResult } from './index.js';

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
