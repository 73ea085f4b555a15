// 第二十六条: proactive information is published within 20 working days of being formed or
// changed. The clock runs on the working-day calendar from the later of the two dates; a
// due date that needed a year whose calendar is not loaded is provisional. Pure.
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.js';

export const PUBLICATION_WORKING_DAYS = 20;

export interface PublicationDue {
  /** The date the clock started: the date of change when there is one, else the date formed. */
  from: string;
  due: string;
  provisional: boolean;
}

export function publicationDue(
  calendar: WorkingCalendar,
  item: { formedOn: string; changedOn: string | null },
): PublicationDue {
  const from = item.changedOn && item.changedOn > item.formedOn ? item.changedOn : item.formedOn;
  const answer = addWorkingDays(calendar, from, PUBLICATION_WORKING_DAYS);
  return { from, due: answer.date, provisional: answer.provisional };
}

/** Late: not published and the due date has passed (`today` is a Beijing date). */
export function isOverdue(due: PublicationDue, today: string): boolean {
  return due.due < today;
}
