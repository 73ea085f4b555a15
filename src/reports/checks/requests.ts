// Table 三's three cross-checks (勾稽关系): each column balances (一+二 = 三（七）+四), the
// 总计 column sums the six applicant columns, and （七）总计 sums the outcome rows.
import type { AnnualReport, Finding, Grid } from '../model.js';
import { cell, numeric } from './cells.js';
import { REQUESTS } from './keys.js';
import { columnLabel, formatOf, num, rowLabel, tableName } from './labels.js';

const TABLE = 'requests' as const;

function value(grid: Grid, row: string, column: string): number | undefined {
  return numeric(cell(grid, row, column));
}

function base(code: Finding['code']) {
  return { code, severity: 'error', table: TABLE, section: null } as const;
}

/** T3_BALANCE: for every column, received + carried_in = outcome_total + carried_out. */
export function checkRequestsBalance(report: AnnualReport): Finding[] {
  const format = formatOf(report);
  const grid = report.tables.requests ?? {};
  const findings: Finding[] = [];
  for (const column of format.requests.columns) {
    const received = value(grid, REQUESTS.received, column.key);
    const carriedIn = value(grid, REQUESTS.carriedIn, column.key);
    const outcome = value(grid, REQUESTS.outcomeTotal, column.key);
    const carriedOut = value(grid, REQUESTS.carriedOut, column.key);
    if (
      received === undefined ||
      carriedIn === undefined ||
      outcome === undefined ||
      carriedOut === undefined
    )
      continue;
    const inflow = received + carriedIn;
    const outflow = outcome + carriedOut;
    if (same(inflow, outflow)) continue;
    findings.push({
      ...base('T3_BALANCE'),
      row: null,
      column: column.key,
      expected: inflow,
      actual: outflow,
      message:
        `${tableName(format, TABLE)}“${column.label}”列：第一项(${num(received)})+第二项(${num(carriedIn)})=${num(inflow)}，` +
        `不等于第三项总计(${num(outcome)})+第四项(${num(carriedOut)})=${num(outflow)}`,
    });
  }
  return findings;
}

/** T3_TOTAL_COLUMN: for every row, the 总计 column = the sum of the six applicant columns. */
export function checkRequestsTotalColumn(report: AnnualReport): Finding[] {
  const format = formatOf(report);
  const grid = report.tables.requests ?? {};
  const parts = format.requests.columns.filter((c) => c.key !== REQUESTS.totalColumn);
  const findings: Finding[] = [];
  for (const row of format.requests.rows) {
    const total = value(grid, row.key, REQUESTS.totalColumn);
    const values = parts.map((c) => value(grid, row.key, c.key));
    if (total === undefined || values.some((v) => v === undefined)) continue;
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    if (same(sum, total)) continue;
    const terms = parts
      .map((c, i) => ({ label: c.label, v: values[i] as number }))
      .filter((t) => t.v !== 0)
      .map((t) => `${t.label}${num(t.v)}`);
    findings.push({
      ...base('T3_TOTAL_COLUMN'),
      row: row.key,
      column: REQUESTS.totalColumn,
      expected: sum,
      actual: total,
      message:
        `${tableName(format, TABLE)}“${rowLabel(format, TABLE, row.key)}”行：六类申请人之和为${num(sum)}` +
        `${terms.length > 1 ? `（${terms.join('+')}）` : ''}，不等于“${columnLabel(format, TABLE, row.key, REQUESTS.totalColumn)}”列所填的${num(total)}`,
    });
  }
  return findings;
}

/** T3_OUTCOME_SUM: for every column, （七）总计 = the sum of the outcome rows. */
export function checkRequestsOutcomeSum(report: AnnualReport): Finding[] {
  const format = formatOf(report);
  const grid = report.tables.requests ?? {};
  const findings: Finding[] = [];
  for (const column of format.requests.columns) {
    const total = value(grid, REQUESTS.outcomeTotal, column.key);
    const values = format.requests.outcomeRowKeys.map((r) => value(grid, r, column.key));
    if (total === undefined || values.some((v) => v === undefined)) continue;
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    if (same(sum, total)) continue;
    findings.push({
      ...base('T3_OUTCOME_SUM'),
      row: REQUESTS.outcomeTotal,
      column: column.key,
      expected: sum,
      actual: total,
      message:
        `${tableName(format, TABLE)}“${column.label}”列：第三项（一）至（六）各项办理结果之和为${num(sum)}，` +
        `不等于“${rowLabel(format, TABLE, REQUESTS.outcomeTotal)}”所填的${num(total)}`,
    });
  }
  return findings;
}

/** Equality for sums of cells; CELL_INVALID already reports non-integers, so this only absorbs float noise. */
export function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}
