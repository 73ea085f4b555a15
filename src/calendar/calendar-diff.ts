// What saving an import would change, for the preview: days added, removed or changed in
// the years it replaces (and the days outside them it overwrites). Pure.
import type { CalendarDay } from './working-days.js';

export interface CalendarDiff {
  added: CalendarDay[];
  removed: CalendarDay[];
  changed: Array<{ before: CalendarDay; after: CalendarDay }>;
}

/** `existing`: the stored days of the replaced years plus any stored day `incoming` touches. */
export function diffCalendarDays(
  existing: readonly CalendarDay[],
  incoming: readonly CalendarDay[],
): CalendarDiff {
  const before = new Map(existing.map((d) => [d.date, d]));
  const after = new Map(incoming.map((d) => [d.date, d]));
  const diff: CalendarDiff = { added: [], removed: [], changed: [] };
  for (const d of incoming) {
    const old = before.get(d.date);
    if (!old) diff.added.push(d);
    else if (old.kind !== d.kind || (old.name ?? '') !== (d.name ?? ''))
      diff.changed.push({ before: old, after: d });
  }
  for (const d of existing) if (!after.has(d.date)) diff.removed.push(d);
  return diff;
}
