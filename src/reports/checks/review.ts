// Table 四: in each group (行政复议, and the two kinds of 行政诉讼) 总计 is the sum of the
// four results.
import type { AnnualReport, Finding } from '../model.js';
import { cell, numeric } from './cells.js';
import { REVIEW_TOTAL } from './keys.js';
import { formatOf, num, rowLabel, tableName } from './labels.js';
import { same } from './requests.js';

export function checkReviewSums(report: AnnualReport): Finding[] {
  const format = formatOf(report);
  const grid = report.tables.review ?? {};
  const parts = format.review.columns.filter((c) => c.key !== REVIEW_TOTAL);
  const totalLabel =
    format.review.columns.find((c) => c.key === REVIEW_TOTAL)?.label ?? REVIEW_TOTAL;
  const findings: Finding[] = [];
  for (const group of format.review.groups) {
    const total = numeric(cell(grid, group.key, REVIEW_TOTAL));
    const values = parts.map((c) => numeric(cell(grid, group.key, c.key)));
    if (total === undefined || values.some((v) => v === undefined)) continue;
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    if (same(sum, total)) continue;
    const terms = parts.map((c, i) => `${c.label}(${num(values[i] as number)})`).join('+');
    findings.push({
      code: 'T4_SUM',
      severity: 'error',
      table: 'review',
      row: group.key,
      column: REVIEW_TOTAL,
      section: null,
      expected: sum,
      actual: total,
      message: `${tableName(format, 'review')}“${rowLabel(format, 'review', group.key)}”：${terms}=${num(sum)}，不等于${totalLabel}(${num(total)})`,
    });
  }
  return findings;
}
