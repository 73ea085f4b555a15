// The one vocabulary of a received report's status and of an agency's status for a year,
// used alike by the batch pages, the dashboard, the CSV and the .xlsx. Pure.

/** A report as read and checked. */
export type ReportStatus = 'errors' | 'warnings' | 'clean' | 'unreadable' | 'pending';

/** An agency for a year: a report's status, or none received (before / after the deadline). */
export type AgencyStatus = 'missing' | 'late' | 'errors' | 'warnings' | 'clean' | 'unreadable';

export const STATUS_LABELS: Readonly<Record<ReportStatus | AgencyStatus, string>> = {
  missing: '未收到',
  late: '逾期',
  errors: '有错误',
  warnings: '仅有提示',
  clean: '无问题',
  unreadable: '无法读取',
  pending: '正在检查',
};

/** The word for a finding's severity, defined with the findings' other labels. */
export { SEVERITY_LABELS } from '../reports/checks/labels.js';

export function reportStatus(r: { state: string; errors: number; warnings: number }): ReportStatus {
  if (r.state === 'pending') return 'pending';
  if (r.state !== 'read') return 'unreadable';
  return r.errors > 0 ? 'errors' : r.warnings > 0 ? 'warnings' : 'clean';
}

/**
 * An agency's status for the year: its counted report's, or, with none, 未收到 until the
 * deadline has passed and 逾期 after it (`today` and `dueOn` as YYYY-MM-DD in China time).
 */
export function agencyStatus(
  counted: { state: string; errors: number; warnings: number } | null,
  dueOn: string,
  today: string,
): AgencyStatus {
  if (counted) {
    const s = reportStatus(counted);
    return s === 'pending' ? 'missing' : s;
  }
  return today > dueOn ? 'late' : 'missing';
}
