// Letters (文书): each agency's versions of the letter templates, the letter-number
// counters, the letters issued (never updated) and every e-mail delivery attempt.
// See docs/decisions/0018-letters.md.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('letter_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // 1, 2, 3 … per agency and kind; a change is a new row, never an update.
    .addColumn('version', 'integer', (c) => c.notNull())
    // The template's parts as JSON; a reset stores the shipped default as a new version.
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addUniqueConstraint('letter_templates_version_uq', ['agency_id', 'kind', 'version'])
    .execute();

  await db.schema
    .createTable('letter_counters')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_counters_pk', ['agency_id', 'year', 'family'])
    .execute();

  await db.schema
    .createTable('issued_letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('letter_number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    // 0 when the shipped default was used (the agency had no version of its own).
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.references('letter_templates.id'))
    .addColumn('html_file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('html_sha256', 'text', (c) => c.notNull())
    .addColumn('docx_file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('docx_sha256', 'text', (c) => c.notNull())
    // Where the letter is sent by e-mail (personal data: read by case staff only).
    .addColumn('email_to', 'text')
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('issued_by_label', 'text', (c) => c.notNull())
    // The number is never given twice, whatever races the counter loses.
    .addUniqueConstraint('issued_letters_number_uq', ['agency_id', 'year', 'family', 'seq'])
    .execute();
  await db.schema
    .createIndex('issued_letters_subject_idx')
    .on('issued_letters')
    .columns(['subject_type', 'subject_id', 'issued_at'])
    .execute();

  await db.schema
    .createTable('letter_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('letter_id', 'text', (c) => c.notNull().references('issued_letters.id'))
    .addColumn('channel', 'text', (c) => c.notNull()) // 'email'
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull()) // 'sent' | 'failed'
    // The SMTP server's answer (message id, or the error), never the letter's content.
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('letter_deliveries_letter_idx')
    .on('letter_deliveries')
    .columns(['letter_id', 'attempted_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['letter_deliveries', 'issued_letters', 'letter_counters', 'letter_templates'])
    await db.schema.dropTable(t).execute();
}
