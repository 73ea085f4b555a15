// The official calendar shipped with Gongkai (2004–2026), loaded into every database by
// migration 0004. Kept as data in the repository so it does not depend on a dev package.
import seed from './data/official-days-2004-2026.json' with { type: 'json' };
import type { CalendarDay, DayKind } from './working-days.js';

export interface CalendarSeed {
  source: string;
  years: number[];
  days: CalendarDay[];
}

export function officialSeed(): CalendarSeed {
  return {
    source: seed.source,
    years: [...seed.years],
    days: seed.days.map((d) => ({ date: d.date, kind: d.kind as DayKind, name: d.name })),
  };
}
