// Indexes that let the database count table 二 and section 二 (issue 9: table 二 < 1 s at a
// million items) without reading the publications' rows. See
// docs/decisions/0024-catalogue-import-and-table-2.md.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every column table 二 groups 第二十条（一） documents by, for those only (a few per cent of
  // the items): the count is a scan of this index. The literal is LEGAL_DOCUMENT_CATEGORY
  // (src/publications/table-two/table-two.ts); a migration keeps the value of its day.
  await db.schema
    .createIndex('publications_legal_documents_idx')
    .on('publications')
    .columns([
      'agency_id',
      'state',
      'genre',
      'validity',
      'written_on',
      'published_on',
      'validity_on',
    ])
    .where(sql.ref('category'), '=', sql.lit('a20-1'))
    .execute();
  // The year's channel rows in date order, and for each its item's agency and state: the
  // channel count reads the year's rows of both indexes and no table.
  await db.schema
    .createIndex('publication_channels_date_idx')
    .on('publication_channels')
    .columns(['published_on', 'channel', 'publication_id'])
    .execute();
  await db.schema
    .createIndex('publications_id_agency_state_idx')
    .on('publications')
    .columns(['id', 'agency_id', 'state'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'publications_id_agency_state_idx',
    'publication_channels_date_idx',
    'publications_legal_documents_idx',
  ])
    await db.schema.dropIndex(name).execute();
}
