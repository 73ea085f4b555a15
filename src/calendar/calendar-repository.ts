// Reads and writes calendar_days / calendar_years. Callers pass the Kysely handle, or their
// transaction when the change must commit together with its audit event.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CalendarDay, DayKind } from './working-days.js';

export interface LoadedYear {
  year: number;
  source: string;
  loadedAt: string;
}

const CHUNK = 500;

export async function listCalendarDays(
  db: Kysely<Database>,
  range?: { from: string; to: string },
): Promise<CalendarDay[]> {
  let q = db.selectFrom('calendar_days').select(['date', 'kind', 'name']).orderBy('date');
  if (range) q = q.where('date', '>=', range.from).where('date', '<=', range.to);
  const rows = await q.execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind as DayKind, name: r.name }));
}

export async function listLoadedYears(db: Kysely<Database>): Promise<LoadedYear[]> {
  const rows = await db
    .selectFrom('calendar_years')
    .select(['year', 'source', 'loaded_at'])
    .orderBy('year')
    .execute();
  return rows.map((r) => ({ year: Number(r.year), source: r.source, loadedAt: r.loaded_at }));
}

export async function findCalendarDay(
  db: Kysely<Database>,
  date: string,
): Promise<CalendarDay | null> {
  const row = await db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .where('date', '=', date)
    .executeTakeFirst();
  return row ? { date: row.date, kind: row.kind as DayKind, name: row.name } : null;
}

export async function deleteDaysOfYears(
  db: Kysely<Database>,
  years: readonly number[],
): Promise<void> {
  for (const year of years) {
    await db
      .deleteFrom('calendar_days')
      .where('date', '>=', `${year}-01-01`)
      .where('date', '<=', `${year}-12-31`)
      .execute();
  }
}

/** The dates in `range` that an administrator set by hand. */
export async function listManualDays(
  db: Kysely<Database>,
  range: { from: string; to: string },
): Promise<CalendarDay[]> {
  const rows = await db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .where('manual', '=', 1)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to)
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind as DayKind, name: r.name }));
}

/** Inserts or overwrites each day; `manual` marks a correction by hand (an import clears it). */
export async function upsertDays(
  db: Kysely<Database>,
  days: readonly CalendarDay[],
  now: string,
  manual = false,
): Promise<void> {
  for (let i = 0; i < days.length; i += CHUNK) {
    const rows = days.slice(i, i + CHUNK).map((d) => ({
      date: d.date,
      kind: d.kind,
      name: d.name,
      updated_at: now,
      manual: manual ? 1 : 0,
    }));
    await db
      .insertInto('calendar_days')
      .values(rows)
      .onConflict((oc) =>
        oc.column('date').doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          name: eb.ref('excluded.name'),
          updated_at: eb.ref('excluded.updated_at'),
          manual: eb.ref('excluded.manual'),
        })),
      )
      .execute();
  }
}

export async function deleteDay(db: Kysely<Database>, date: string): Promise<void> {
  await db.deleteFrom('calendar_days').where('date', '=', date).execute();
}

export async function markYearsLoaded(
  db: Kysely<Database>,
  years: readonly number[],
  source: string,
  now: string,
): Promise<void> {
  if (years.length === 0) return;
  await db
    .insertInto('calendar_years')
    .values(years.map((year) => ({ year, source, loaded_at: now })))
    .onConflict((oc) =>
      oc.column('year').doUpdateSet((eb) => ({
        source: eb.ref('excluded.source'),
        loaded_at: eb.ref('excluded.loaded_at'),
      })),
    )
    .execute();
}
