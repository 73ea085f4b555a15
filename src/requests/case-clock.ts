// The clock of a STORED case: its request_events read as clock events and handed to the one
// clock (clock.ts). Commands store `due_on` and `due_provisional` from this answer (a cache
// for lists, decision 0016); the work list and the case page mark a case from classifyDue
// over the same answer; the calendar-changed job recomputes with it. Pure.
import type { IsoDate } from '../calendar/dates.js';
import type { WorkingCalendar } from '../calendar/working-days.js';
import {
  classifyDue,
  CLOCK_EVENT_TYPES,
  computeClock,
  type ClockEvent,
  type ClockEventType,
  type ClockResult,
  type DueClass,
} from './clock.js';

/** A stored event as the repository gives it. */
export interface StoredEvent {
  type: string;
  onDate: string;
}

const isClockEventType = (t: string): t is ClockEventType =>
  (CLOCK_EVENT_TYPES as readonly string[]).includes(t);

/** The events that move the clock, in stored order; others (letters, notes) are not its business. */
export function clockEventsOf(events: readonly StoredEvent[]): ClockEvent[] {
  return events.flatMap((e) =>
    isClockEventType(e.type) ? [{ type: e.type, date: e.onDate }] : [],
  );
}

/** The clock of a case, or null before its date of receipt is fixed (no clock runs yet). */
export function clockOfCase(
  calendar: WorkingCalendar,
  events: readonly StoredEvent[],
): ClockResult | null {
  const clock = clockEventsOf(events);
  return clock.length === 0 ? null : computeClock(calendar, clock);
}

/** What the case row caches: the due date (null while none runs) and whether it is provisional. */
export interface StoredDue {
  dueOn: IsoDate | null;
  provisional: boolean;
}

export function storedDueOf(clock: ClockResult | null): StoredDue {
  return { dueOn: clock?.due?.date ?? null, provisional: clock?.due?.provisional ?? false };
}

/** The work list's mark of an open case; null when closed or not yet received. */
export function dueMarkOf(
  calendar: WorkingCalendar,
  clock: ClockResult | null,
  today: IsoDate,
  open: boolean,
): DueClass | null {
  return open && clock ? classifyDue(calendar, clock, today) : null;
}
