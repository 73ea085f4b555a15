// Reminders of the statutory clock: which open cases are overdue or due within
// REMINDER_WORKING_DAYS working days, as the daily digest to request staff and the console
// home count them, and the digest's words. The digest names a case by its tracking number,
// due date and state only: it goes by e-mail, so it carries no applicant data. Pure.
import type { IsoDate } from '../calendar/dates.js';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.js';
import { CASE_STATE_LABELS, type CaseState } from './case.js';

/** A case is in the digest when its due date is at most this many working days after today. */
export const REMINDER_WORKING_DAYS = 3;

/** While the clock is paused (consultation, fee) the due date moves on: not yet "due soon". */
const PAUSED: readonly CaseState[] = ['consulting', 'fee_pending'];

export interface ReminderCase {
  trackingNumber: string;
  dueOn: IsoDate;
  dueProvisional: boolean;
  state: CaseState;
}

export interface ReminderDigest {
  overdue: ReminderCase[];
  dueSoon: ReminderCase[];
}

/** The last due date that counts as due soon on `today`. */
export function dueSoonLimit(calendar: WorkingCalendar, today: IsoDate): IsoDate {
  return addWorkingDays(calendar, today, REMINDER_WORKING_DAYS).date;
}

/**
 * Sorts open cases due on or before the limit into overdue (due before today, paused or
 * not) and due soon (due today up to the limit, clock running), each earliest first.
 */
export function sortReminders(
  cases: readonly ReminderCase[],
  today: IsoDate,
  limit: IsoDate,
): ReminderDigest {
  const byDue = [...cases].sort(
    (a, b) => a.dueOn.localeCompare(b.dueOn) || a.trackingNumber.localeCompare(b.trackingNumber),
  );
  return {
    overdue: byDue.filter((c) => c.dueOn < today),
    dueSoon: byDue.filter((c) => c.dueOn >= today && c.dueOn <= limit && !PAUSED.includes(c.state)),
  };
}

export const isEmptyDigest = (d: ReminderDigest) => d.overdue.length + d.dueSoon.length === 0;

function line(c: ReminderCase): string {
  const due = `${c.dueOn}${c.dueProvisional ? '（暂定，待次年工作日历发布后确认）' : ''}`;
  return `  ${c.trackingNumber}  答复期限 ${due}  ${CASE_STATE_LABELS[c.state]}`;
}

/** The digest's subject and text for the agency's request staff. */
export function digestMail(
  agencyName: string,
  today: IsoDate,
  digest: ReminderDigest,
  workListUrl: string | null,
): { subject: string; text: string } {
  const subject = `【依申请公开到期提醒】${agencyName}：已超期${digest.overdue.length}件，即将到期${digest.dueSoon.length}件（${today}）`;
  const section = (title: string, cases: ReminderCase[]) =>
    cases.length === 0 ? [] : [`${title}（${cases.length}件）：`, ...cases.map(line), ''];
  const text = [
    `${agencyName}政府信息公开工作机构：`,
    '',
    `截至${today}，本机关以下政府信息公开申请需要关注。答复期限按《中华人民共和国政府信息公开条例》第三十三条计算。`,
    '',
    ...section('已超过答复期限', digest.overdue),
    ...section(`${REMINDER_WORKING_DAYS}个工作日内到期`, digest.dueSoon),
    workListUrl
      ? `请登录工作台查看并办理：${workListUrl}`
      : '请登录工作台“依申请公开”待办列表查看并办理。',
    '',
    '——',
    '本邮件由政府信息公开工作平台每个工作日自动发送，不含申请人个人信息，请勿直接回复。',
  ].join('\n');
  return { subject, text };
}
