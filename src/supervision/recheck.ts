// A received report's findings: the parser's notes on its reading merged with every check,
// including those against last year's report of the same agency when there is one, and
// LATE against the agency's own deadline (see deadlines.ts). Run when
// the report is read and again when its agency is confirmed or corrected (last year's
// report then changes). Pure.
import { checkReport, mergeFindings } from '../reports/checks/index.js';
import type { AnnualReport, Finding } from '../reports/model.js';
import { findingCounts, type FindingCounts } from '../reports/checks/reading-notes.js';
import type { StoredFindings } from './repository.js';

export function findingsFor(
  report: AnnualReport,
  parser: readonly Finding[],
  previous: AnnualReport | null,
  /** `MM-DD` the report is due by in the following year; 1月31日 when not known. */
  deadline?: string,
): StoredFindings & FindingCounts {
  const options = { ...(previous ? { previous } : {}), ...(deadline ? { deadline } : {}) };
  const findings = mergeFindings(parser, checkReport(report, options), report);
  return { parser: [...parser], findings, ...findingCounts(findings) };
}
