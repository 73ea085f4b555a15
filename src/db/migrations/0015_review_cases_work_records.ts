// Reconsideration and litigation cases about disclosure (行政复议、行政诉讼) with their
// documents, and the other records the annual report speaks of (open days, deputies'
// suggestions and CPPCC proposals, training sessions, community-level disclosure work).
// See docs/decisions/0025-review-cases-and-work-records.md.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('review_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) =>
      c.notNull().references('agencies.id').onDelete('cascade'),
    )
    // The request case the review is about, when there is one here.
    .addColumn('request_id', 'text', (c) => c.references('requests.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull()) // 'reconsideration' | 'litigation_direct' | 'litigation_after_reconsideration'
    .addColumn('body', 'text', (c) => c.notNull()) // 复议机关 or court
    .addColumn('case_number', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull()) // 'pending' | 'upheld' | 'corrected' | 'other'
    .addColumn('decided_on', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('review_cases_agency_number_key', ['agency_id', 'body', 'case_number'])
    .execute();
  await db.schema
    .createIndex('review_cases_agency_received_idx')
    .on('review_cases')
    .columns(['agency_id', 'received_on'])
    .execute();

  await db.schema
    .createTable('review_case_documents')
    .addColumn('case_id', 'text', (c) =>
      c.notNull().references('review_cases.id').onDelete('cascade'),
    )
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_case_documents_pkey', ['case_id', 'file_id'])
    .execute();

  // One table for every kind: the kinds share one shape (a date, a title, a detail) and
  // each uses the optional columns it needs (see src/work-records/work-record.ts).
  await db.schema
    .createTable('work_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) =>
      c.notNull().references('agencies.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull()) // 'open_day' | 'deputy_suggestion' | 'cppcc_proposal' | 'training' | 'community'
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('reference', 'text') // a suggestion's or proposal's number
    .addColumn('role', 'text') // 'lead' | 'assisting', for suggestions and proposals
    .addColumn('closed', 'integer') // 0 | 1, for suggestions and proposals
    .addColumn('participants', 'integer') // for training sessions
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('work_records_agency_kind_idx')
    .on('work_records')
    .columns(['agency_id', 'kind', 'occurred_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['work_records', 'review_case_documents', 'review_cases'])
    await db.schema.dropTable(t).execute();
}
