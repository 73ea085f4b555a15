// Days an administrator corrected by hand are marked, so the calendar page can show them
// and a later notice import can say which corrections it would overwrite.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('calendar_days')
    .addColumn('manual', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('calendar_days').dropColumn('manual').execute();
}
