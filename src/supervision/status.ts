// The one vocabulary of a received report's status and of an agency's status for a year,
// used alike by the batch pages, the dashboard, the CSV and the .xlsx. Pure.
import type { FindingCounts } from '../reports/checks/reading-notes.js';

/**
 * A report as read and checked. Reading notes are not its problems (see
 * src/reports/checks/reading-notes.ts), but a check that could not be made (NOT_ASSESSED)
 * leaves some of its sums unchecked: with no error or warning it is `unassessed`, never
 * `clean`, since the machine did not find it right, only found nothing wrong in what it read.
 */
export type ReportStatus =
  'errors' | 'warnings' | 'unassessed' | 'clean' | 'unreadable' | 'pending';

/**
 * An agency for a year: none received yet before the deadline (missing) or after it (late),
 * a report published after the deadline (received_late, whatever its findings), or the
 * status of the report published in time.
 */
export type AgencyStatus =
  | 'missing'
  | 'late'
  | 'received_late'
  | 'errors'
  | 'warnings'
  | 'unassessed'
  | 'clean'
  | 'unreadable';

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
 * A report's status by its worst finding: 有错误, then 仅有提示 (a problem found), then
 * 部分未能核对 (nothing found, but not everything checked), then 无问题. CELL_AMBIGUOUS notes
 * alone leave a report 无问题: the reader chose a reading and the checks were made on it.
 */
export function reportStatus(
  r: { state: string },
  counts: Pick<FindingCounts, 'errors' | 'warnings' | 'unassessed'>,
): ReportStatus {
  if (r.state === 'pending') return 'pending';
  if (r.state !== 'read') return 'unreadable';
  if (counts.errors > 0) return 'errors';
  if (counts.warnings > 0) return 'warnings';
  return counts.unassessed > 0 ? 'unassessed' : 'clean';
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
