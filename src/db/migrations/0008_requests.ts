// Disclosure on request (依申请公开): the cases, their applicants' personal data (a table
// of its own, read only where staff open it), the information asked for, the clock events,
// the identity-proof uploads and the idempotency keys of submissions.
// See docs/decisions/0017-applications-and-tracking.md.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    // Random: the number alone says nothing about the agency, the year or how many came before.
    .addColumn('tracking_number', 'text', (c) => c.notNull().unique())
    .addColumn('access_code_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    // The day the application arrived (online: the day it was sent); not the date of receipt.
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    // 收到申请之日 (第31条): null until fixed (an online application before staff confirm it).
    .addColumn('received_on', 'text')
    .addColumn('due_on', 'text')
    // 1 when due_on reaches a year whose calendar is not loaded (shown as 暂定).
    .addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('delivery_form', 'text', (c) => c.notNull())
    .addColumn('delivery_method', 'text', (c) => c.notNull())
    .addColumn('accept_other_means', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closure', 'text')
    .addColumn('outcome', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('requests_agency_due_idx')
    .on('requests')
    .columns(['agency_id', 'due_on'])
    .execute();
  await db.schema
    .createIndex('requests_agency_state_idx')
    .on('requests')
    .columns(['agency_id', 'state'])
    .execute();

  await db.schema
    .createTable('request_applicants')
    .addColumn('request_id', 'text', (c) =>
      c.primaryKey().references('requests.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_type', 'text')
    .addColumn('id_number', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('legal_representative', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('email', 'text')
    .execute();

  await db.schema
    .createTable('request_items')
    .addColumn('request_id', 'text', (c) =>
      c.notNull().references('requests.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('document_number', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_items_pk', ['request_id', 'position'])
    .execute();

  await db.schema
    .createTable('request_events')
    .addColumn('request_id', 'text', (c) =>
      c.notNull().references('requests.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('data', 'text')
    .addPrimaryKeyConstraint('request_events_pk', ['request_id', 'seq'])
    .execute();

  await db.schema
    .createTable('request_files')
    .addColumn('request_id', 'text', (c) =>
      c.notNull().references('requests.id').onDelete('cascade'),
    )
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_files_pk', ['request_id', 'file_id'])
    .execute();

  await db.schema
    .createTable('request_idempotency')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    // A hash of the submission token / Idempotency-Key, never the key itself.
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) =>
      c.notNull().references('requests.id').onDelete('cascade'),
    )
    // The access code, sealed with a key derived from the idempotency key: only a retry
    // holding that key can read it back (see decision 0017).
    .addColumn('sealed_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_idempotency_pk', ['agency_id', 'key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'request_idempotency',
    'request_files',
    'request_events',
    'request_items',
    'request_applicants',
    'requests',
  ])
    await db.schema.dropTable(t).execute();
}
