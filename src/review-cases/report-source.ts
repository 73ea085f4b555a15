// What review cases contribute to the annual report: table 四, whole, computed from the cases
// (never typed), and the counts section 四 is drafted from.
import { keepsRecordsHere, type ReportSource } from '../annual-reports/year-sources.js';
import type { Grid } from '../reports/model.js';
import { casesForYear } from './repository.js';
import { reviewTableForYear, type ReviewKind, type ReviewResult } from './review-case.js';

export const reviewCasesReportSource: ReportSource = {
  label: '行政复议、行政诉讼案件登记',
  async contribute({ db, agencyId, year }) {
    if (!(await keepsRecordsHere(db, agencyId, ['review_cases']))) return {};
    const rows = await casesForYear(db, agencyId, year);
    const table = reviewTableForYear(
      rows.map((r) => ({
        kind: r.kind as ReviewKind,
        receivedOn: r.received_on,
        result: r.result as ReviewResult,
        decidedOn: r.decided_on,
      })),
      year,
    );
    const review: Grid = table;
    return {
      tables: { review },
      facts: {
        reconsiderations: table.reconsideration.total,
        lawsuits: table.litigation_direct.total + table.litigation_after_reconsideration.total,
      },
    };
  },
};
