// What every calendar reader (notice text, JSON, ICS) returns: the days it read, the years
// it covers completely, and Chinese warnings for whatever it could not read.
import type { CalendarDay } from './working-days.js';

export interface CalendarReadResult {
  /** The years this source describes completely; saving it replaces those years. */
  years: number[];
  days: CalendarDay[];
  warnings: string[];
}

/** Sorts by date and drops exact duplicates; a date given two different kinds is a warning. */
export function mergeDays(days: CalendarDay[], warnings: string[]): CalendarDay[] {
  const byDate = new Map<string, CalendarDay>();
  for (const day of days) {
    const seen = byDate.get(day.date);
    if (!seen) byDate.set(day.date, day);
    else if (seen.kind !== day.kind) {
      warnings.push(
        `${day.date} 同时被写成放假和上班，已按先出现的“${seen.kind === 'holiday' ? '放假' : '上班'}”读取，请核对`,
      );
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
