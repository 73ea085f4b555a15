// Which deadline an agency's annual report has (《条例》第四十九条): 县级以上人民政府部门 by
// 1月31日, the 本级政府 report by 3月31日; townships and 街道 follow the schedule of their
// region — a setting of the agency above them, 1月31日 when it has set none. Pure.
import type { AgencyKind, AgencyLevel } from '../agencies/agency.js';

export const STATUTORY_DEADLINE = '01-31';
export const GOVERNMENT_DEADLINE = '03-31';

export interface ReportDeadlineRule {
  /** `MM-DD` in the year after the reported one. */
  deadline: string;
  /** Why, as the console shows it. */
  basis: string;
}

export function deadlineRule(
  agency: { level: AgencyLevel; kind: AgencyKind },
  regionTownshipDeadline: string | null,
): ReportDeadlineRule {
  if (agency.level === 'township') {
    return regionTownshipDeadline
      ? { deadline: regionTownshipDeadline, basis: '乡镇（街道）按上级机关确定的本地区时间公布' }
      : { deadline: STATUTORY_DEADLINE, basis: '乡镇（街道）：上级机关未另行确定时间，按1月31日' };
  }
  if (agency.kind === 'government')
    return {
      deadline: GOVERNMENT_DEADLINE,
      basis: '《条例》第四十九条：本级政府年度报告于3月31日前公布',
    };
  return {
    deadline: STATUTORY_DEADLINE,
    basis: '《条例》第四十九条：县级以上人民政府部门于1月31日前公布',
  };
}

/** `MM-DD` that is a real day of every year (29 February is not). */
export function isDeadline(value: string): boolean {
  const m = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(value);
  if (!m) return false;
  const [month, day] = [Number(m[1]), Number(m[2])];
  return day <= [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** The due date of the report on `year`, `YYYY-MM-DD`. */
export function dueDate(year: number, rule: ReportDeadlineRule): string {
  return `${year + 1}-${rule.deadline}`;
}

/** `MM-DD` → 「1月31日」. */
export function deadlineLabel(deadline: string): string {
  const [m, d] = deadline.split('-').map(Number);
  return `${m}月${d}日`;
}
