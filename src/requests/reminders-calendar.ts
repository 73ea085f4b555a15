// The working-day calendar as stored, for the reminders (outside a command's transaction).
import type { Kysely } from 'kysely';
import { listCalendarDays, listLoadedYears } from '../calendar/calendar-repository.js';
import { createCalendar, type WorkingCalendar } from '../calendar/working-days.js';
import type { Database } from '../db/schema.js';

export async function storedCalendar(db: Kysely<Database>): Promise<WorkingCalendar> {
  const [days, years] = await Promise.all([listCalendarDays(db), listLoadedYears(db)]);
  return createCalendar({ days, loadedYears: years.map((y) => y.year) });
}
