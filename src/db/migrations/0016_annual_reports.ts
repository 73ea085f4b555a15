// Annual reports composed here: one row per version of an agency's report on a year. A
// draft (and an approved draft) is edited in place; a published version is never changed —
// a correction is the next version, with its change note. And the local schedule a parent
// agency sets for the townships and 街道 below it (《条例》第四十九条 leaves it to the region).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('annual_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) =>
      c.notNull().references('agencies.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'draft' | 'approved' | 'published'
    .addColumn('content_json', 'text', (c) => c.notNull()) // the report engine's model
    .addColumn('computed_json', 'text', (c) => c.notNull()) // tables computed from records
    .addColumn('change_note', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_reports_agency_year_version_key', ['agency_id', 'year', 'version'])
    .execute();

  await db.schema
    .createTable('annual_report_schedules')
    .addColumn('agency_id', 'text', (c) =>
      c.primaryKey().references('agencies.id').onDelete('cascade'),
    )
    .addColumn('township_deadline', 'text', (c) => c.notNull()) // 'MM-DD'
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('annual_report_schedules').execute();
  await db.schema.dropTable('annual_reports').execute();
}
