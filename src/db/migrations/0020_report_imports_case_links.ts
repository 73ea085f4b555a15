// What the office must still confirm after importing a report file into a draft (the cells
// the reader was unsure of), and a lawsuit after reconsideration linked to that
// reconsideration. See docs/decisions/0030-report-import-and-case-links.md.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('annual_reports')
    // JSON {file, at, findings}: the reading notes of the last import, until the office saves.
    .addColumn('reading_notes_json', 'text')
    .execute();
  await db.schema
    .alterTable('review_cases')
    .addColumn('reconsideration_id', 'text', (c) =>
      c.references('review_cases.id').onDelete('set null'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('review_cases').dropColumn('reconsideration_id').execute();
  await db.schema.alterTable('annual_reports').dropColumn('reading_notes_json').execute();
}
