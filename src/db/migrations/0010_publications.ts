// Proactive disclosure (主动公开): published items with their metadata, the confidentiality
// reviews they went through, the channels they went out on, their attachments, the index
// number counters (one per agency and year) and the periodic re-check rounds (清查).
// See docs/decisions/0019-publications.md.
import { sql, SqliteAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    // 'draft' | 'in_review' | 'approved' | 'published' | 'withdrawn'
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    // Stored already sanitised (see src/publications/sanitize.ts).
    .addColumn('body_html', 'text', (c) => c.notNull())
    // Issued once, at the first publication, and never changed: unique across the platform.
    .addColumn('index_number', 'text', (c) => c.unique())
    // The index number as a URL path segment ('/' → '-'), unique within the agency.
    .addColumn('url_key', 'text')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addColumn('written_on', 'text')
    .addColumn('formed_on', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'text')
    .addColumn('published_on', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('genre', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    // 'valid' | 'expired' | 'repealed' | 'amended'
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('validity_on', 'text')
    .addColumn('replaced_by', 'text')
    .addColumn('submitted_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('withdrawal_reason', 'text')
    .addColumn('withdrawn_on', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('publications_url_key_idx')
    .on('publications')
    .columns(['agency_id', 'url_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('publications_public_idx')
    .on('publications')
    .columns(['agency_id', 'state', 'published_on'])
    .execute();
  await db.schema
    .createIndex('publications_category_idx')
    .on('publications')
    .columns(['agency_id', 'category', 'published_on'])
    .execute();
  await db.schema
    .createIndex('publications_updated_idx')
    .on('publications')
    .columns(['agency_id', 'updated_at'])
    .execute();

  await db.schema
    .createTable('publication_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('publication_id', 'text', (c) =>
      c.notNull().references('publications.id').onDelete('cascade'),
    )
    .addColumn('decision', 'text', (c) => c.notNull()) // 'approved' | 'rejected'
    .addColumn('opinion', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('reviewer_label', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('publication_reviews_item_idx')
    .on('publication_reviews')
    .columns(['publication_id', 'decided_at'])
    .execute();

  await db.schema
    .createTable('publication_channels')
    .addColumn('publication_id', 'text', (c) =>
      c.notNull().references('publications.id').onDelete('cascade'),
    )
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('publication_channels_pk', ['publication_id', 'channel'])
    .execute();

  await db.schema
    .createTable('publication_attachments')
    .addColumn('publication_id', 'text', (c) =>
      c.notNull().references('publications.id').onDelete('cascade'),
    )
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('publication_attachments_pk', ['publication_id', 'file_id'])
    .execute();

  await db.schema
    .createTable('publication_index_counters')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('publication_index_counters_pk', ['agency_id', 'year'])
    .execute();

  await db.schema
    .createTable('publication_rechecks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema
    .createIndex('publication_rechecks_agency_idx')
    .on('publication_rechecks')
    .columns(['agency_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('publication_recheck_items')
    .addColumn('recheck_id', 'text', (c) =>
      c.notNull().references('publication_rechecks.id').onDelete('cascade'),
    )
    .addColumn('publication_id', 'text', (c) => c.notNull().references('publications.id'))
    .addColumn('decision', 'text') // null (to check) | 'kept' | 'withdrawn'
    .addColumn('opinion', 'text')
    .addColumn('decided_by_label', 'text')
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('publication_recheck_items_pk', ['recheck_id', 'publication_id'])
    .execute();

  // The search index of published items: tokens made by the application (Han bigrams and
  // words, written as ASCII, see src/publications/search-tokens.ts), indexed by the database.
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`CREATE VIRTUAL TABLE publication_search USING fts5(
      tokens, publication_id UNINDEXED, agency_id UNINDEXED, tokenize = 'ascii')`.execute(db);
  } else {
    await db.schema
      .createTable('publication_search')
      .addColumn('publication_id', 'text', (c) =>
        c.primaryKey().references('publications.id').onDelete('cascade'),
      )
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('tokens', 'text', (c) => c.notNull())
      .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`CREATE INDEX publication_search_tsv_idx ON publication_search USING gin (tsv)`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'publication_search',
    'publication_recheck_items',
    'publication_rechecks',
    'publication_index_counters',
    'publication_attachments',
    'publication_channels',
    'publication_reviews',
    'publications',
  ])
    await db.schema.dropTable(t).execute();
}
