// Personal-information retention: the day a request case's applicant data was erased after
// its retention period (null while it is kept). See docs/security.md, "Retention".
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('requests').addColumn('personal_data_purged_on', 'text').execute();
  // The purge job looks for closed cases not yet purged, oldest first.
  await db.schema
    .createIndex('requests_purge_idx')
    .on('requests')
    .columns(['personal_data_purged_on', 'closed_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('requests_purge_idx').execute();
  await db.schema.alterTable('requests').dropColumn('personal_data_purged_on').execute();
}
