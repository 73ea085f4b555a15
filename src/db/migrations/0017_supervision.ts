// The supervisor's check batches and the subordinates' reports they received: who ran a
// batch, when, for which year; each file (hash, name, size, how it was read), the report as
// read, its findings and the agency it was matched to. Also reports received from outside a
// batch (published on this platform), and a supervising agency's own deadline for a year.
// See docs/decisions/0027-supervision-batches.md.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('supervision_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The supervising agency whose staff ran it (and who alone see it).
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('file_count', 'integer', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('supervision_batches_agency_idx')
    .on('supervision_batches')
    .columns(['agency_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('supervision_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Null for a report received from outside a batch (published on this platform).
    .addColumn('batch_id', 'text', (c) => c.references('supervision_batches.id'))
    // The supervising agency (the batch's) — also for reports from outside a batch.
    .addColumn('owner_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // upload | folder | address | platform
    .addColumn('source', 'text', (c) => c.notNull())
    // The file name (in a zip: zip/path), or the web address it was fetched from.
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text')
    // The bytes until the job has read them (base64; cleared once read).
    .addColumn('content_b64', 'text')
    // pending | read | unreadable
    .addColumn('state', 'text', (c) => c.notNull())
    // How it was read: pdf, docx, html, text, json … (null until read).
    .addColumn('read_as', 'text')
    .addColumn('error', 'text')
    .addColumn('report_json', 'text')
    .addColumn('findings_json', 'text')
    .addColumn('errors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
    // What the report says of itself.
    .addColumn('report_agency', 'text')
    .addColumn('report_year', 'integer')
    // The agency suggested by name; the one confirmed (or corrected) by the supervisor.
    .addColumn('suggested_agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    // The year it counts for (the batch's, unless corrected).
    .addColumn('year', 'integer', (c) => c.notNull())
    // The previous year's report compared with, when one was found.
    .addColumn('previous_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('supervision_reports_batch_idx')
    .on('supervision_reports')
    .columns(['batch_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('supervision_reports_agency_year_idx')
    .on('supervision_reports')
    .columns(['owner_agency_id', 'year', 'agency_id'])
    .execute();

  await db.schema
    .createTable('supervision_deadlines')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // YYYY-MM-DD: the last day a subordinate's report for `year` is on time.
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supervision_deadlines_pk', ['agency_id', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('supervision_deadlines').execute();
  await db.schema.dropTable('supervision_reports').execute();
  await db.schema.dropTable('supervision_batches').execute();
}
