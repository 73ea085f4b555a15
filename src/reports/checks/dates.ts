// OLD_FORMAT (a report on 2021 or later in the 2019 trial format) and LATE (published
// after the deadline of 《条例》第四十九条: 1月31日 of the following year, unless a
// region's schedule sets another date, e.g. 3月31日 for 本级政府 reports).
import { FORMATS, expectedFormatFor } from '../format/index.js';
import type { AnnualReport, Finding } from '../model.js';
import { chineseDate } from './labels.js';

export function checkFormatYear(report: AnnualReport): Finding[] {
  if (report.year === null) return [];
  const expected = expectedFormatFor(report.year);
  if (report.format !== '2019' || expected.id === '2019') return [];
  return [
    {
      code: 'OLD_FORMAT',
      severity: 'warning',
      table: null,
      row: null,
      column: null,
      section: null,
      expected: null,
      actual: null,
      message: `本报告为${report.year}年度报告，却使用了已停用的试行格式（${FORMATS['2019'].basis}）；${expected.years.from}年度起应使用${expected.basis}规定的格式`,
    },
  ];
}

/** `MM-DD` of the deadline in the year after the reported one. */
export const DEFAULT_DEADLINE = '01-31';

export function checkPublishedInTime(report: AnnualReport, deadline = DEFAULT_DEADLINE): Finding[] {
  if (report.year === null || report.publishedOn === null) return [];
  // A malformed setting must not silently disable the check: fall back to the statutory date.
  if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(deadline)) deadline = DEFAULT_DEADLINE;
  const due = `${report.year + 1}-${deadline}`;
  if (report.publishedOn <= due) return [];
  const days = Math.round((Date.parse(report.publishedOn) - Date.parse(due)) / 86_400_000);
  return [
    {
      code: 'LATE',
      severity: 'warning',
      table: null,
      row: null,
      column: null,
      section: null,
      expected: null,
      actual: Number.isFinite(days) ? days : null,
      message: `报告日期为${chineseDate(report.publishedOn)}，晚于公布期限${chineseDate(due)}${Number.isFinite(days) ? `（逾期${days}天）` : ''}${deadline === DEFAULT_DEADLINE ? '；《条例》第四十九条要求于每年1月31日前公布上一年度的年度报告' : ''}`,
    },
  ];
}
