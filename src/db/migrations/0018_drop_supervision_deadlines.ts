// Drops `supervision_deadlines` (created by 0017 and never written): a report's deadline has
// one definition, the annual-report feature's — 《条例》第四十九条 and the local schedule a
// parent agency sets for its townships and 街道 (`annual_report_schedules`) — which the
// supervision dashboard now reads. A second table of deadlines could only disagree with it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('supervision_deadlines').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('supervision_deadlines')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supervision_deadlines_pk', ['agency_id', 'year'])
    .execute();
}
