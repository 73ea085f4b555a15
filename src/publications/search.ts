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
export const isSqlite = (db: Q) => db.getExecutor().adapter instanceof SqliteAdapter;

/** Writes (or rewrites) the index entry of a published item. */
export async function indexPublication(db: Q, p: Publication): Promise<void> {
  await indexPublications(db, [p]);
}

/** Rows per statement when many entries are written at once (the demo's generated items). */
const INDEX_CHUNK = 100;

/** Writes (or rewrites) the index entries of published items, a chunk per statement. */
export async function indexPublications(db: Q, ps: readonly Publication[]): Promise<void> {
  for (let start = 0; start < ps.length; start += INDEX_CHUNK) {
    const part = ps.slice(start, start + INDEX_CHUNK);
    await db
      .deleteFrom('publication_search')
      .where(
        'publication_id',
        'in',
        part.map((p) => p.id),
      )
      .execute();
    const entries = part.map((p) => ({
      publication_id: p.id,
      agency_id: p.agencyId,
      tokens: indexText(
        p.title,
        p.documentNumber,
        p.keywords.join(' '),
        p.indexNumber,
        p.summary,
        htmlText(p.bodyHtml),
      ),
      agency: agencyToken(p.agencyId),
    }));
    if (isSqlite(db)) {
      await db.insertInto('publication_search').values(entries).execute();
    } else {
      // The same vector as migration 0024 and the bench's copy make: the text's, then the agency's.
      const rows = entries.map(
        (e) => sql`(${e.publication_id}, ${e.agency_id}, ${e.tokens}, ${e.agency},
          to_tsvector('simple', ${e.tokens}) || to_tsvector('simple', ${e.agency}))`,
      );
      await sql`INSERT INTO publication_search (publication_id, agency_id, tokens, agency, tsv)
        VALUES ${sql.join(rows)}`.execute(db);
    }
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

/** One page of matches, each row carrying the number of all matches (the window's count). */
type CountedRow = Database['publications'] & { search_total: number | string };

/**
 * The condition of the agency's matches on the index table (aliased `s` on PostgreSQL).
 * agency_id is tested beside the token: it costs nothing on the few rows left after the
 * intersection, and no entry of another agency could be shown even if its token were wrong.
 */
function matching(db: Q, agencyId: string, phrases: string[][]) {
  return isSqlite(db)
    ? sql`publication_search MATCH ${ftsQuery(agencyId, phrases)}
        AND publication_search.agency_id = ${agencyId}`
    : sql`s.agency_id = ${agencyId}
        AND s.tsv @@ to_tsquery('simple', ${tsAgencyQuery(agencyId, phrases)})`;
}

/**
 * The page of matches at `offset`, with the total in the same query: `count(*) OVER ()` is
 * computed over every match before LIMIT, so the database evaluates the MATCH (and the
 * phrase's position lists) once instead of once for a count and again for the page. On
 * SQLite, bm25 is an FTS5 auxiliary function that cannot stand beside a window function in
 * one SELECT, so the subquery ranks and the outer query counts, sorts and cuts.
 */
function pageQuery(
  db: Q,
  q: { agencyId: string; order: SearchOrder; pageSize: number },
  phrases: string[][],
  offset: number,
) {
  const where = matching(db, q.agencyId, phrases);
  // The index number (unique) ends every order, so equal scores and dates still page the
  // same way each time: no item on two pages, none on neither.
  const byDate = sql`p.published_on DESC, p.index_number DESC`;
  if (isSqlite(db)) {
    // bm25 reads each match's position lists: only the relevance order pays for it.
    const score = q.order === 'date' ? sql`0` : BM25_TEXT_ONLY;
    const order = q.order === 'date' ? byDate : sql`s.score, ${byDate}`;
    return sql<CountedRow>`SELECT p.*, count(*) OVER () AS search_total
      FROM (SELECT publication_id, ${score} AS score FROM publication_search WHERE ${where}) s
      JOIN publications p ON p.id = s.publication_id
      WHERE p.state = 'published'
      ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offset}`.execute(db);
  }
  const order =
    q.order === 'date'
      ? byDate
      : sql`ts_rank(s.tsv, to_tsquery('simple', ${tsQuery(phrases)})) DESC, ${byDate}`;
  return sql<CountedRow>`SELECT p.*, count(*) OVER () AS search_total
    FROM publication_search s JOIN publications p ON p.id = s.publication_id
    WHERE ${where} AND p.state = 'published'
    ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${offset}`.execute(db);
}

/** The number of matches alone (pageQuery's condition, nothing read back or ranked). */
async function countMatches(db: Q, agencyId: string, phrases: string[][]): Promise<number> {
  const table = isSqlite(db) ? sql`publication_search` : sql`publication_search s`;
  const counted = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${table}
    WHERE ${matching(db, agencyId, phrases)}`.execute(db);
  return Number(counted.rows[0]?.n ?? 0);
}

export async function searchPublished(
  db: Q,
  q: { agencyId: string; query: string; order: SearchOrder; page: number; pageSize: number },
): Promise<SearchResult> {
  const phrases = queryPhrases(q.query);
  if (phrases.length === 0) return { total: 0, page: 1, pageCount: 1, rows: [] };
  const wanted = Math.max(1, q.page);
  let rows = (await pageQuery(db, q, phrases, (wanted - 1) * q.pageSize)).rows;
  let page = wanted;
  let total = Number(rows[0]?.search_total ?? 0);
  if (rows.length === 0 && wanted > 1) {
    // A page past the last one (a link kept from before items were withdrawn) has no row to
    // carry the total: counted on its own, and the last page is shown instead.
    total = await countMatches(db, q.agencyId, phrases);
    page = Math.max(1, Math.ceil(total / q.pageSize));
    if (total > 0) rows = (await pageQuery(db, q, phrases, (page - 1) * q.pageSize)).rows;
  }
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / q.pageSize)),
    rows: rows.map(({ search_total: _, ...row }) => rowToPublication(row)),
  };
}
