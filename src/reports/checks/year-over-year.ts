// Checks against last year's report: CARRY_OVER (this year's 上年结转 is last year's
// 结转下年度继续办理, column by column) and T2_STOCK (现行有效件数 follows from last year's
// stock, this year's 制发 and 废止 — soft, since revisions and clean-ups break it).
import type { AnnualReport, Finding } from '../model.js';
import { cell, numeric } from './cells.js';
import { REQUESTS, STOCK } from './keys.js';
import { columnLabel, formatOf, num, rowLabel, tableName } from './labels.js';
import { same } from './requests.js';

/** Only a report on the year just before is a "previous" report; other pairs are not compared. */
export function isPreviousYear(
  report: Pick<AnnualReport, 'year'>,
  previous: Pick<AnnualReport, 'year'>,
): boolean {
  return report.year !== null && previous.year !== null && previous.year === report.year - 1;
}

export function checkCarryOver(report: AnnualReport, previous: AnnualReport): Finding[] {
  if (!isPreviousYear(report, previous)) return [];
  const format = formatOf(report);
  const prevFormat = formatOf(previous);
  const findings: Finding[] = [];
  for (const column of format.requests.columns) {
    const carriedIn = numeric(cell(report.tables.requests, REQUESTS.carriedIn, column.key));
    const carriedOut = numeric(cell(previous.tables.requests, REQUESTS.carriedOut, column.key));
    if (carriedIn === undefined || carriedOut === undefined || same(carriedIn, carriedOut))
      continue;
    findings.push({
      code: 'CARRY_OVER',
      severity: 'error',
      table: 'requests',
      row: REQUESTS.carriedIn,
      column: column.key,
      section: null,
      expected: carriedOut,
      actual: carriedIn,
      message:
        `${tableName(format, 'requests')}“${column.label}”列：本年“${rowLabel(format, 'requests', REQUESTS.carriedIn)}”为${num(carriedIn)}，` +
        `不等于${previous.year}年度报告“${rowLabel(prevFormat, 'requests', REQUESTS.carriedOut)}”的${num(carriedOut)}`,
    });
  }
  return findings;
}

export function checkStock(report: AnnualReport, previous: AnnualReport): Finding[] {
  if (!isPreviousYear(report, previous)) return [];
  const format = formatOf(report);
  const block = format.proactive.blocks.find((b) => b.key === STOCK.block);
  const prevBlock = formatOf(previous).proactive.blocks.find((b) => b.key === STOCK.block);
  const has = (cols: readonly { key: string }[] | undefined, key: string) =>
    cols?.some((c) => c.key === key) ?? false;
  // The 2019 trial format counted 新制作/新公开/对外公开总数量, not a stock of documents in force.
  if (
    !block ||
    !prevBlock ||
    ![STOCK.issued, STOCK.repealed, STOCK.inForce].every((k) => has(block.columns, k))
  )
    return [];
  if (!has(prevBlock.columns, STOCK.inForce)) return [];
  const findings: Finding[] = [];
  for (const row of block.rows) {
    const get = (r: AnnualReport, col: string) => numeric(cell(r.tables.proactive, row.key, col));
    const before = get(previous, STOCK.inForce);
    const issued = get(report, STOCK.issued);
    const repealed = get(report, STOCK.repealed);
    const inForce = get(report, STOCK.inForce);
    if (
      before === undefined ||
      issued === undefined ||
      repealed === undefined ||
      inForce === undefined
    )
      continue;
    const expected = before + issued - repealed;
    if (same(expected, inForce)) continue;
    const label = (k: string) => columnLabel(format, 'proactive', row.key, k);
    findings.push({
      code: 'T2_STOCK',
      severity: 'warning',
      table: 'proactive',
      row: row.key,
      column: STOCK.inForce,
      section: null,
      expected,
      actual: inForce,
      message:
        `${tableName(format, 'proactive')}“${row.label}”：上年${label(STOCK.inForce)}(${num(before)})+${label(STOCK.issued)}(${num(issued)})` +
        `−${label(STOCK.repealed)}(${num(repealed)})=${num(expected)}，与所填${label(STOCK.inForce)}(${num(inForce)})不符；` +
        `如因修订、清理等原因造成差异，请在报告中说明`,
    });
  }
  return findings;
}
