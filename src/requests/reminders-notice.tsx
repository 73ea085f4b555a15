// The console home's line about the request clock: how many of the agency's open cases are
// overdue and how many due within REMINDER_WORKING_DAYS working days — the same sorting as
// the daily digest (reminders.ts), so the page and the e-mail never disagree.
import { loadWorkingCalendar } from '../calendar/calendar-service.js';
import type { Db } from '../db/database.js';
import { isoDateCst } from '../portal/dates.js';
import { REQUESTS_PATH } from './pages/console-pages.js';
import { dueSoonLimit, REMINDER_WORKING_DAYS, sortReminders } from './reminders.js';
import { casesDueBy } from './reminders-repository.js';

export interface DueCounts {
  overdue: number;
  dueSoon: number;
}

export async function dueCounts(db: Db, agencyId: string, now: Date): Promise<DueCounts> {
  const today = isoDateCst(now);
  const limit = dueSoonLimit(await loadWorkingCalendar({ db }), today);
  const d = sortReminders(await casesDueBy(db.kysely, agencyId, limit), today, limit);
  return { overdue: d.overdue.length, dueSoon: d.dueSoon.length };
}

export function DueCountsNotice({ counts }: { counts: DueCounts | null }) {
  if (!counts) return null;
  const attention = counts.overdue + counts.dueSoon > 0;
  return (
    <section aria-labelledby="due-title">
      <h2 id="due-title">依申请公开答复期限</h2>
      <p class={counts.overdue > 0 ? 'notice warn' : 'notice ok'} role="status">
        {attention
          ? `已超过答复期限 ${counts.overdue} 件，${REMINDER_WORKING_DAYS}个工作日内到期 ${counts.dueSoon} 件。`
          : `没有已超期或${REMINDER_WORKING_DAYS}个工作日内到期的申请。`}{' '}
        <a href={REQUESTS_PATH}>查看待办申请</a>
      </p>
    </section>
  );
}
