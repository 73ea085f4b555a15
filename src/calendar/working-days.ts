// The working-day calendar as a value, and the arithmetic on it. Pure: no I/O.
//
// A day is a working day when it is a make-up working day (调休上班), or a Monday–Friday
// that is not a holiday. Only years listed in `loadedYears` are known; any answer that
// had to look at a day of another year is marked `provisional` (it was estimated from
// weekends alone and must be confirmed once that year's notice is loaded).
import { addDays, checkIsoDate, isWeekend, toDayNumber, yearOf, type IsoDate } from './dates.js';

export type DayKind = 'holiday' | 'workday';

/** One official exception to the weekly rhythm: a holiday, or a weekend made a working day. */
export interface CalendarDay {
  date: IsoDate;
  kind: DayKind;
  /** The festival it belongs to, e.g. 春节 (also for its make-up working days). */
  name: string | null;
}

export interface WorkingCalendar {
  readonly days: ReadonlyMap<IsoDate, CalendarDay>;
  readonly loadedYears: ReadonlySet<number>;
}

/**
 * How a period of N working days is counted. This is the ONE place the convention lives.
 *
 * Practice under 第31、33条 of the regulation: the day the application is received is not
 * counted; day 1 is the next working day, so "20 working days from receipt" ends on the
 * 20th working day after it (`countStartDay: false`, the default). An agency whose rules
 * count the start day itself (when it is a working day) sets `countStartDay: true`.
 */
export interface CountingRule {
  countStartDay: boolean;
}

export const DEFAULT_COUNTING_RULE: CountingRule = Object.freeze({ countStartDay: false });

export interface DayAnswer {
  working: boolean;
  provisional: boolean;
}

export interface DateAnswer {
  date: IsoDate;
  provisional: boolean;
}

export interface CountAnswer {
  workingDays: number;
  provisional: boolean;
}

/** A Chinese message for input the calendar functions cannot work with. */
export class CalendarInputError extends Error {}

/** The largest period accepted: longer than any statutory clock, small enough to stay fast. */
export const MAX_WORKING_DAYS = 5000;

export function createCalendar(input: {
  days: Iterable<CalendarDay>;
  loadedYears: Iterable<number>;
}): WorkingCalendar {
  const days = new Map<IsoDate, CalendarDay>();
  for (const day of input.days) {
    requireDate(day.date);
    days.set(day.date, { date: day.date, kind: day.kind, name: day.name });
  }
  return { days, loadedYears: new Set(input.loadedYears) };
}

export function isLoaded(calendar: WorkingCalendar, date: IsoDate): boolean {
  return calendar.loadedYears.has(yearOf(date));
}

export function isWorkingDay(calendar: WorkingCalendar, date: IsoDate): DayAnswer {
  requireDate(date);
  return { working: working(calendar, date), provisional: !isLoaded(calendar, date) };
}

/** The date on which a period of `workingDays` working days starting at `from` ends. */
export function addWorkingDays(
  calendar: WorkingCalendar,
  from: IsoDate,
  workingDays: number,
  rule: CountingRule = DEFAULT_COUNTING_RULE,
): DateAnswer {
  requireDate(from);
  requireCount(workingDays);
  // The start day is part of every answer (it may be the answer), so an unloaded start
  // year makes the result provisional whichever counting rule applies.
  let provisional = !isLoaded(calendar, from);
  let counted = 0;
  let date = from;
  if (rule.countStartDay && workingDays > 0 && working(calendar, date)) counted = 1;
  while (counted < workingDays) {
    date = addDays(date, 1);
    provisional ||= !isLoaded(calendar, date);
    if (working(calendar, date)) counted += 1;
  }
  return { date, provisional };
}

/**
 * How many working days of a period starting at `from` have passed on `to` (inclusive):
 * the inverse of `addWorkingDays`. `to` must not be before `from`.
 */
export function workingDaysBetween(
  calendar: WorkingCalendar,
  from: IsoDate,
  to: IsoDate,
  rule: CountingRule = DEFAULT_COUNTING_RULE,
): CountAnswer {
  requireDate(from);
  requireDate(to);
  if (toDayNumber(to) < toDayNumber(from)) {
    throw new CalendarInputError(`结束日期 ${to} 早于开始日期 ${from}，请检查日期顺序`);
  }
  let provisional = !isLoaded(calendar, from);
  let count = 0;
  let date = rule.countStartDay ? addDays(from, -1) : from;
  while (date < to) {
    date = addDays(date, 1);
    provisional ||= !isLoaded(calendar, date);
    if (working(calendar, date)) count += 1;
  }
  return { workingDays: count, provisional };
}

function working(calendar: WorkingCalendar, date: IsoDate): boolean {
  const entry = calendar.days.get(date);
  if (entry) return entry.kind === 'workday';
  return !isWeekend(date);
}

function requireDate(date: IsoDate): void {
  const check = checkIsoDate(date);
  if (!check.ok) throw new CalendarInputError(check.error);
}

function requireCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new CalendarInputError(`工作日数「${n}」无效：应为 0 到 ${MAX_WORKING_DAYS} 之间的整数`);
  }
}
