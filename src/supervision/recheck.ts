// A received report's findings: the parser's notes on its reading merged with every check,
// including those against last year's report of the same agency when there is one. Run when
// the report is read and again when its agency is confirmed or corrected (last year's
// report then changes). Pure.
import { checkReport, mergeFindings } from '../reports/checks/index.js';
import type { AnnualReport, Finding } from '../reports/model.js';
import type { StoredFindings } from './repository.js';

export function findingsFor(
  report: AnnualReport,
  parser: readonly Finding[],
  previous: AnnualReport | null,
): StoredFindings & { errors: number; warnings: number } {
  const findings = mergeFindings(parser, checkReport(report, previous ? { previous } : {}), report);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { parser: [...parser], findings, errors, warnings: findings.length - errors };
}
