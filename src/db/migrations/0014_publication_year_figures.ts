// Table 二 of the annual report, the parts not computed from items: the yearly 行政许可,
// 行政处罚 and 行政强制 decision counts and the 行政事业性收费 amount (in fen), each with the
// source it was taken from; and per-channel counts of posts that are not catalogue items
// (a WeChat article is not an item, yet the report counts it). See
// docs/decisions/0024-catalogue-import-and-table-2.md.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('publication_year_figures')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // 'licensing' | 'penalty' | 'enforcement' | 'fees'
    .addColumn('figure', 'text', (c) => c.notNull())
    // A count, or for 'fees' an amount in fen (decision 0002).
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('publication_year_figures_pk', ['agency_id', 'year', 'figure'])
    .execute();
  await db.schema
    .createTable('publication_channel_counts')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('publication_channel_counts_pk', ['agency_id', 'year', 'channel'])
    .execute();
  // Sitemaps and feeds page through an agency's published items by index number.
  await db.schema
    .createIndex('publications_published_key_idx')
    .on('publications')
    .columns(['state', 'agency_id', 'url_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('publications_published_key_idx').execute();
  await db.schema.dropTable('publication_channel_counts').execute();
  await db.schema.dropTable('publication_year_figures').execute();
}
