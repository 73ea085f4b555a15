// Table 三 over the cases, assisted handling (协查) and the daily reminders of request staff.
// See docs/decisions/0023-request-years.md.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Table 三 of a year reads the cases received by its end and not closed before its start:
  // a range on received_on within the agency, closed_on checked from the index itself.
  await db.schema
    .createIndex('requests_agency_received_idx')
    .on('requests')
    .columns(['agency_id', 'received_on', 'closed_on'])
    .execute();

  // Requests another agency handled with this agency's help. The requesting agency is either
  // an agency on the platform (requesting_agency_id) or only named (free text); its name is
  // kept in both cases, so the record reads the same if that agency is renamed or removed.
  await db.schema
    .createTable('assisted_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) =>
      c.notNull().references('agencies.id').onDelete('cascade'),
    )
    .addColumn('requesting_agency_id', 'text', (c) =>
      c.references('agencies.id').onDelete('set null'),
    )
    .addColumn('requesting_agency_name', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('their_reference', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assisted_requests_agency_received_idx')
    .on('assisted_requests')
    .columns(['agency_id', 'received_on'])
    .execute();

  // One reminder digest per agency and day: the primary key is what makes a second run the
  // same day (on this instance or another) send nothing.
  await db.schema
    .createTable('request_reminder_digests')
    .addColumn('agency_id', 'text', (c) =>
      c.notNull().references('agencies.id').onDelete('cascade'),
    )
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('due_soon', 'integer', (c) => c.notNull())
    .addColumn('overdue', 'integer', (c) => c.notNull())
    .addColumn('cases_json', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addPrimaryKeyConstraint('request_reminder_digests_pkey', ['agency_id', 'on_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('request_reminder_digests').execute();
  await db.schema.dropTable('assisted_requests').execute();
  await db.schema.dropIndex('requests_agency_received_idx').execute();
}
