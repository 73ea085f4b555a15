// The one vocabulary of a received report's status and of an agency's status for a year,
// used alike by the batch pages, the dashboard, the CSV and the .xlsx, the console's check
// and `gongkai check`. Pure.
import type { FindingCounts } from '../reports/checks/reading-notes.js';

/**
 * A report read and checked, worst first: this order is the precedence of a report's status
 * (`reportStatus` gives the first that holds) and the order of every list, filter and sort
 * that shows these statuses. 部分未能核对 comes before 仅有提示: a report with a warning AND
 * sums that could not be checked (NOT_ASSESSED) has had some of its sums not checked at all,
 * which the supervisor must do by hand; a 提示 only asks a question of what was checked.
 * Reading notes are not a report's problems (src/reports/checks/reading-notes.ts), but with
 * unchecked sums and no error it is `unassessed`, never `clean` nor `warnings`: the machine
 * did not find it right, only found nothing (or only a 提示) in what it read.
 */
export const CHECKED_STATUSES = ['errors', 'unassessed', 'warnings', 'clean'] as const;
export type CheckedStatus = (typeof CHECKED_STATUSES)[number];

/** A received report: checked, or not read (yet, or at all). */
export type ReportStatus = CheckedStatus | 'unreadable' | 'pending';

/**
 * An agency for a year: none received yet before the deadline (missing) or after it (late),
 * a report published after the deadline (received_late, whatever its findings), or the
 * status of the report published in time.
 */
export type AgencyStatus = 'missing' | 'late' | 'received_late' | CheckedStatus | 'unreadable';

export const STATUS_LABELS: Readonly<Record<ReportStatus | AgencyStatus, string>> = {
  missing: '未收到',
  late: '逾期未收到',
  received_late: '逾期公布',
  errors: '有错误',
  warnings: '仅有提示',
  // The report may be right; what could not be read was not checked, and must be by hand.
  unassessed: '部分未能核对',
  clean: '无问题',
  unreadable: '无法读取',
  pending: '正在检查',
};

/** The word for a finding's severity, defined with the findings' other labels. */
export { SEVERITY_LABELS } from '../reports/checks/labels.js';

/** What 部分未能核对 means, said where the status is shown on its own (a report's 结论). */
export const UNASSESSED_EXPLANATION =
  '部分表格数字未能可靠读取，与之相关的勾稽关系未能由系统核对。报告可能无误，请对照原文人工核对这些数字。';

/**
 * A report's status: the first of CHECKED_STATUSES that holds — 有错误, 部分未能核对,
 * 仅有提示, 无问题. CELL_AMBIGUOUS notes alone leave a report 无问题: the reader chose a
 * reading and the checks were made on it.
 */
export function reportStatus(
  r: { state: string },
  counts: Pick<FindingCounts, 'errors' | 'warnings' | 'unassessed'>,
): ReportStatus {
  if (r.state === 'pending') return 'pending';
  if (r.state !== 'read') return 'unreadable';
  const holds: Readonly<Record<CheckedStatus, boolean>> = {
    errors: counts.errors > 0,
    unassessed: counts.unassessed > 0,
    warnings: counts.warnings > 0,
    clean: true,
  };
  return CHECKED_STATUSES.find((s) => holds[s]) ?? 'clean';
}

/** How many of `statuses` have each status: a summary's counts, for the summaries of a check. */
export function statusCounts(statuses: readonly ReportStatus[]): Record<ReportStatus, number> {
  const counts: Record<ReportStatus, number> = {
    errors: 0,
    unassessed: 0,
    warnings: 0,
    clean: 0,
    unreadable: 0,
    pending: 0,
  };
  for (const s of statuses) counts[s] += 1;
  return counts;
}

/**
 * An agency's status for the year: with no report, 未收到 until the deadline has passed and
 * 逾期未收到 after it (`today` and `dueOn` as YYYY-MM-DD in China time); with a report dated
 * after the deadline (`daysLate` > 0), 逾期公布; otherwise its report's status.
 */
export function agencyStatus(
  counted: { status: ReportStatus; daysLate: number } | null,
  dueOn: string,
  today: string,
): AgencyStatus {
  if (!counted || counted.status === 'pending') return today > dueOn ? 'late' : 'missing';
  if (counted.status !== 'unreadable' && counted.daysLate > 0) return 'received_late';
  return counted.status;
}
