// Every check of the annual report (codes and rules in the annual-report format spec), as
// pure functions over the report model. CARRY_OVER, T2_STOCK and SAME_AS_LAST_YEAR need
// last year's report; CELL_AMBIGUOUS is the parser's, which alone knows what it guessed.
import { FORMATS } from '../format/index.js';
import type { AnnualReport, Finding } from '../model.js';
import { checkCells } from './cells.js';
import { withoutBlankSums, withoutDoubtedSections, withoutDoubtedSums } from './confidence.js';
import { checkFormatYear, checkPublishedInTime } from './dates.js';
import { checkNarrative } from './narrative.js';
import {
  checkRequestsBalance,
  checkRequestsOutcomeSum,
  checkRequestsTotalColumn,
} from './requests.js';
import { checkReviewSums } from './review.js';
import { checkSectionNumbering, checkSectionsPresent } from './sections.js';
import { checkSameAsLastYear } from './similarity.js';
import { checkCarryOver, checkStock } from './year-over-year.js';

export interface CheckOptions {
  /** Last year's report of the same agency. */
  previous?: AnnualReport;
  /** `MM-DD` in the following year after which a report is LATE; default 01-31 (《条例》第四十九条). */
  deadline?: string;
}

export function checkReport(report: AnnualReport, options: CheckOptions = {}): Finding[] {
  const findings = withoutBlankSums(report, [
    ...checkSectionsPresent(report),
    ...checkCells(report),
    ...checkRequestsBalance(report),
    ...checkRequestsTotalColumn(report),
    ...checkRequestsOutcomeSum(report),
    ...checkReviewSums(report),
    ...checkSectionNumbering(report),
    ...checkFormatYear(report),
    ...checkNarrative(report),
    ...checkPublishedInTime(report, options.deadline),
  ]);
  const { previous } = options;
  if (previous) {
    findings.push(
      ...checkCarryOver(report, previous),
      ...checkStock(report, previous),
      ...checkSameAsLastYear(report, previous),
    );
  }
  return sortFindings(findings);
}

/**
 * The parser's findings (what it guessed) with the checks' findings, each kept once (the
 * parser may already report something the checks find on the model), errors first. A sum
 * that adds up a row the parser was unsure of is not reported as an error (decision 0021);
 * `report` gives the labels for saying so (the 2021 format's when absent).
 */
export function mergeFindings(
  fromParser: readonly Finding[],
  fromChecks: readonly Finding[],
  report?: AnnualReport,
): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  const checked = withoutDoubtedSums(
    fromParser,
    withoutDoubtedSections(fromParser, fromChecks),
    report ? FORMATS[report.format] : undefined,
  );
  for (const f of [...checked, ...fromParser]) {
    const key = [f.code, f.table, f.row, f.column, f.section].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return sortFindings(out);
}

/** Errors first, then warnings; within each, in the order the checks ran. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [
    ...findings.filter((f) => f.severity === 'error'),
    ...findings.filter((f) => f.severity !== 'error'),
  ];
}

export { isPreviousYear } from './year-over-year.js';
export { textSimilarity, SIMILARITY_THRESHOLD } from './similarity.js';
