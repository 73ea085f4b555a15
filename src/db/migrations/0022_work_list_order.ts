// The request work list's default view as an index: the open cases of an agency, not yet
// received first, then by due date, cases waiting for a correction (no due date) last
// (workListQuery in src/requests/repository.ts spells the same expression and condition).
// Without it the first page of an agency with 100,000 cases sorted every open case (12.5×
// a raw count, decision 0023). The expression and the condition are written with literal
// constants here and in the query, so SQLite and PostgreSQL both match the query's WHERE
// to the partial index and its ORDER BY to the index order.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX requests_open_work_list_idx ON requests (agency_id, (CASE WHEN received_on IS NULL THEN 0 WHEN due_on IS NULL THEN 2 ELSE 1 END), due_on, created_at) WHERE state <> 'closed'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('requests_open_work_list_idx').execute();
}
