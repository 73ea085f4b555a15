// The agency becomes part of the search index: each entry gets an `agency` column holding
// its agency's token (src/publications/search-tokens.ts), which the search ANDs into its
// MATCH / tsquery, so the database intersects posting lists instead of reading back every
// match of all agencies to test `agency_id` (that took seconds at a million items).
// See docs/decisions/0019-publications.md (search).
//
// SQLite: an FTS5 table cannot gain an indexed column, so a new one is filled from the old
// (in rowid batches, each its own statement, so the write-ahead log stays small at a
// million rows) and put in its place in one transaction; a run stopped half-way leaves the
// old table whole and starts afresh. PostgreSQL: the column is added and the tsvector
// extended, with the GIN index dropped and built again around the rewrite (one transaction,
// the migration's own).
import { sql, SqliteAdapter, type Kysely } from 'kysely';
import { agencyToken } from '../../publications/search-tokens.js';

const BATCH = 10_000;

/** The agencies' tokens, in a temporary table to join the index rows with. */
async function agencyTokens(db: Kysely<unknown>, temp: ReturnType<typeof sql>): Promise<void> {
  await sql`CREATE TEMPORARY TABLE agency_search_tokens (
    agency_id text PRIMARY KEY, token text NOT NULL) ${temp}`.execute(db);
  const ids = await sql<{ id: string }>`SELECT id FROM agencies`.execute(db);
  for (let i = 0; i < ids.rows.length; i += 500) {
    const rows = ids.rows.slice(i, i + 500).map((r) => sql`(${r.id}, ${agencyToken(r.id)})`);
    await sql`INSERT INTO agency_search_tokens (agency_id, token)
      VALUES ${sql.join(rows)}`.execute(db);
  }
}

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS publication_search_next`.execute(db);
  await sql`CREATE VIRTUAL TABLE publication_search_next USING fts5(
    tokens, agency, publication_id UNINDEXED, agency_id UNINDEXED, tokenize = 'ascii')`.execute(db);
  await sql`DROP TABLE IF EXISTS temp.agency_search_tokens`.execute(db);
  await agencyTokens(db, sql``);
  const last = await sql<{
    n: number | null;
  }>`SELECT max(rowid) AS n FROM publication_search`.execute(db);
  const end = Number(last.rows[0]?.n ?? 0);
  for (let from = 0; from < end; from += BATCH) {
    await sql`INSERT INTO publication_search_next (rowid, tokens, agency, publication_id, agency_id)
      SELECT s.rowid, s.tokens, t.token, s.publication_id, s.agency_id
      FROM publication_search s JOIN agency_search_tokens t ON t.agency_id = s.agency_id
      WHERE s.rowid > ${from} AND s.rowid <= ${from + BATCH}`.execute(db);
  }
  await sql`DROP TABLE temp.agency_search_tokens`.execute(db);
  await db.transaction().execute(async (trx) => {
    await sql`DROP TABLE publication_search`.execute(trx);
    await sql`ALTER TABLE publication_search_next RENAME TO publication_search`.execute(trx);
  });
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  await agencyTokens(db, sql`ON COMMIT DROP`);
  await sql`DROP INDEX publication_search_tsv_idx`.execute(db);
  await sql`ALTER TABLE publication_search ADD COLUMN agency text`.execute(db);
  await sql`UPDATE publication_search s
    SET agency = t.token, tsv = s.tsv || to_tsvector('simple', t.token)
    FROM agency_search_tokens t WHERE t.agency_id = s.agency_id`.execute(db);
  // An entry whose agency is gone (none should be) can never be found: it keeps no token.
  await sql`UPDATE publication_search SET agency = '' WHERE agency IS NULL`.execute(db);
  await sql`ALTER TABLE publication_search ALTER COLUMN agency SET NOT NULL`.execute(db);
  await sql`CREATE INDEX publication_search_tsv_idx ON publication_search USING gin (tsv)`.execute(
    db,
  );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) await upSqlite(db);
  else await upPostgres(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`CREATE VIRTUAL TABLE publication_search_prev USING fts5(
      tokens, publication_id UNINDEXED, agency_id UNINDEXED, tokenize = 'ascii')`.execute(db);
    await sql`INSERT INTO publication_search_prev (rowid, tokens, publication_id, agency_id)
      SELECT rowid, tokens, publication_id, agency_id FROM publication_search`.execute(db);
    await sql`DROP TABLE publication_search`.execute(db);
    await sql`ALTER TABLE publication_search_prev RENAME TO publication_search`.execute(db);
  } else {
    await sql`UPDATE publication_search SET tsv = to_tsvector('simple', tokens)`.execute(db);
    await sql`ALTER TABLE publication_search DROP COLUMN agency`.execute(db);
  }
}
