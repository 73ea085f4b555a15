// The one vocabulary of a received report's status and of an agency's status for a year,
// used alike by the batch pages, the dashboard, the CSV and the .xlsx. Pure.
import type { FindingCounts } from '../reports/checks/reading-notes.js';

/** A report as read and checked (reading notes do not count: see src/reports/checks/reading-notes.ts). */
export type ReportStatus = 'errors' | 'warnings' | 'clean' | 'unreadable' | 'pending';

/**
 * An agency for a year: none received yet before the deadline (missing) or after it (late),
 * a report published after the deadline (received_late, whatever its findings), or the
 * status of the report published in time.
 */
export type AgencyStatus =
  'missing' | 'late' | 'received_late' | 'errors' | 'warnings' | 'clean' | 'unreadable';

export const STATUS_LABELS: Readonly<Record<ReportStatus | AgencyStatus, string>> = {
  missing: '未收到',
  late: '逾期未收到',
  received_late: '逾期公布',
  errors: '有错误',
  warnings: '仅有提示',
  clean: '无问题',
  unreadable: '无法读取',
  pending: '正在检查',
};

/** The word for a finding's severity, defined with the findings' other labels. */
export { SEVERITY_LABELS } from '../reports/checks/labels.js';

export function reportStatus(
  r: { state: string },
  counts: Pick<FindingCounts, 'errors' | 'warnings'>,
): ReportStatus {
  if (r.state === 'pending') return 'pending';
  if (r.state !== 'read') return 'unreadable';
  return counts.errors > 0 ? 'errors' : counts.warnings > 0 ? 'warnings' : 'clean';
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
