// Loads the official calendar for 2004–2026 (holidays and make-up working days) so every
// database, SQLite or PostgreSQL, can compute statutory deadlines from its first start.
// Later years come from the notices administrators import in the console.
// Migrations import no feature code (a feature's code changes; a migration must not): the
// shipped data file is read directly, as it was when this migration was written.
import type { Kysely } from 'kysely';
import official from '../../calendar/data/official-days-2004-2026.json' with { type: 'json' };

// Migrations run on an untyped handle; these are the rows of calendar_days / calendar_years.
interface SeedTables {
  calendar_days: { date: string; kind: string; name: string | null; updated_at: string };
  calendar_years: { year: number; source: string; loaded_at: string };
}

const CHUNK = 500;

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as unknown as Kysely<SeedTables>;
  const seed = official;
  const now = new Date().toISOString();
  for (let i = 0; i < seed.days.length; i += CHUNK) {
    const rows = seed.days
      .slice(i, i + CHUNK)
      .map((d) => ({ date: d.date, kind: d.kind, name: d.name, updated_at: now }));
    await db.insertInto('calendar_days').values(rows).execute();
  }
  await db
    .insertInto('calendar_years')
    .values(seed.years.map((year) => ({ year, source: seed.source, loaded_at: now })))
    .execute();
}

export async function down(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as unknown as Kysely<SeedTables>;
  const seed = official;
  const first = Math.min(...seed.years);
  const last = Math.max(...seed.years);
  await db
    .deleteFrom('calendar_days')
    .where('date', '>=', `${first}-01-01`)
    .where('date', '<=', `${last}-12-31`)
    .execute();
  await db
    .deleteFrom('calendar_years')
    .where('year', '>=', first)
    .where('year', '<=', last)
    .execute();
}
