// Full-text search of an agency's published items, run in the database: SQLite FTS5 (bm25)
// or PostgreSQL tsvector ('simple') with a GIN index (ts_rank), over tokens the application
// made (search-tokens.ts). Only published items are in the index: publishing adds an item,
// withdrawing removes it, so drafts and withdrawn items can never be found.
import { sql, SqliteAdapter, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { rowToPublication } from './repository.js';
import type { Publication } from './item.js';
import { agencyToken, htmlText, indexText, queryPhrases } from './search-tokens.js';

type Q = Kysely<Database>;

/** Which database `db` (or a transaction on it) talks to. */
const isSqlite = (db: Q) => db.getExecutor().adapter instanceof SqliteAdapter;

/** Writes (or rewrites) the index entry of a published item. */
export async function indexPublication(db: Q, p: Publication): Promise<void> {
  await unindexPublication(db, p.id);
  const tokens = indexText(
    p.title,
    p.documentNumber,
    p.keywords.join(' '),
    p.indexNumber,
    p.summary,
    htmlText(p.bodyHtml),
  );
  const agency = agencyToken(p.agencyId);
  if (isSqlite(db)) {
    await db
      .insertInto('publication_search')
      .values({ publication_id: p.id, agency_id: p.agencyId, tokens, agency })
      .execute();
  } else {
    // The same vector as migration 0024 and the bench's copy make: the text's, then the agency's.
    await sql`INSERT INTO publication_search (publication_id, agency_id, tokens, agency, tsv)
      VALUES (${p.id}, ${p.agencyId}, ${tokens}, ${agency},
        to_tsvector('simple', ${tokens}) || to_tsvector('simple', ${agency}))`.execute(db);
  }
}

export async function unindexPublication(db: Q, id: string): Promise<void> {
  await db.deleteFrom('publication_search').where('publication_id', '=', id).execute();
}

export type SearchOrder = 'relevance' | 'date';

export interface SearchResult {
  total: number;
  page: number;
  pageCount: number;
  rows: Publication[];
}

/** A single Han character matches the bigrams it begins (and itself): a prefix. */
const isSingleHan = (phrase: string[]) =>
  phrase.length === 1 && /^x[0-9a-f]{4,5}$/.test(phrase[0] ?? '');

/**
 * The FTS5 MATCH of `phrases` within one agency: the agency's token (its own column) ANDed
 * with the phrases, so FTS5 intersects posting lists. Text tokens never equal an agency
 * token (search-tokens.ts), so the phrases need no column filter.
 */
export function ftsQuery(agencyId: string, phrases: string[][]): string {
  const text = phrases.map((p) => (isSingleHan(p) ? `${p[0]}*` : `"${p.join(' ')}"`));
  return [`agency : "${agencyToken(agencyId)}"`, ...text].join(' AND ');
}

/** The tsquery of `phrases` alone (what ts_rank weighs). */
function tsQuery(phrases: string[][]): string {
  return phrases.map((p) => (isSingleHan(p) ? `${p[0]}:*` : `(${p.join(' <-> ')})`)).join(' & ');
}

/** The tsquery of `phrases` within one agency: its token ANDed in, so GIN intersects. */
export function tsAgencyQuery(agencyId: string, phrases: string[][]): string {
  return `${agencyToken(agencyId)} & ${tsQuery(phrases)}`;
}

/**
 * The ranking of FTS5 matches: bm25 over the text only (weight 0 for the agency column, so
 * the agency's token, in every match, does not favour short items).
 */
export const BM25_TEXT_ONLY = sql`bm25(publication_search, 1.0, 0.0)`;

export async function searchPublished(
  db: Q,
  q: { agencyId: string; query: string; order: SearchOrder; page: number; pageSize: number },
): Promise<SearchResult> {
  const phrases = queryPhrases(q.query);
  if (phrases.length === 0) return { total: 0, page: 1, pageCount: 1, rows: [] };
  const offset = (page: number) => (page - 1) * q.pageSize;
  if (isSqlite(db)) {
    const match = ftsQuery(q.agencyId, phrases);
    // agency_id is tested too: it costs nothing on the few rows left after the intersection,
    // and no entry of another agency could be shown even if its token were wrong.
    const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM publication_search
      WHERE publication_search MATCH ${match} AND agency_id = ${q.agencyId}`.execute(db);
    const total = Number(counted.rows[0]?.n ?? 0);
    const pageCount = Math.max(1, Math.ceil(total / q.pageSize));
    const page = Math.min(Math.max(1, q.page), pageCount);
    const order =
      q.order === 'date'
        ? sql`p.published_on DESC, p.index_number DESC`
        : sql`${BM25_TEXT_ONLY}, p.published_on DESC`;
    const rows = await sql<Database['publications']>`SELECT p.* FROM publication_search
      JOIN publications p ON p.id = publication_search.publication_id
      WHERE publication_search MATCH ${match} AND publication_search.agency_id = ${q.agencyId}
        AND p.state = 'published'
      ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offset(page)}`.execute(db);
    return { total, page, pageCount, rows: rows.rows.map(rowToPublication) };
  }
  const query = tsQuery(phrases);
  const match = tsAgencyQuery(q.agencyId, phrases);
  const counted = await sql<{ n: string }>`SELECT count(*) AS n FROM publication_search
    WHERE agency_id = ${q.agencyId} AND tsv @@ to_tsquery('simple', ${match})`.execute(db);
  const total = Number(counted.rows[0]?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / q.pageSize));
  const page = Math.min(Math.max(1, q.page), pageCount);
  const order =
    q.order === 'date'
      ? sql`p.published_on DESC, p.index_number DESC`
      : sql`ts_rank(s.tsv, to_tsquery('simple', ${query})) DESC, p.published_on DESC`;
  const rows = await sql<Database['publications']>`SELECT p.* FROM publication_search s
    JOIN publications p ON p.id = s.publication_id
    WHERE s.agency_id = ${q.agencyId} AND s.tsv @@ to_tsquery('simple', ${match})
      AND p.state = 'published'
    ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offset(page)}`.execute(db);
  return { total, page, pageCount, rows: rows.rows.map(rowToPublication) };
}
