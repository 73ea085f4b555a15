// Keeps the search index in few pieces. FTS5 writes what each transaction indexes as a new
// segment and merges segments only as they pile up (automerge), so an index filled item by
// item and import by import holds a dozen or more segments, and every search reads the
// posting lists of each: on the million-item bench index (14 segments) merging them into
// one made a 文号 search 2–4× faster and a two-character word about 2× (decision 0019).
// The merging is done in steps, each its own short statement, so that publishing is never
// held up behind one long rewrite of the whole index. PostgreSQL's GIN index keeps recent
// entries in a pending list until VACUUM folds them in; cleaning it is the same upkeep.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { isSqlite } from './search.js';

/** Pages FTS5 may write in one merge step: about 8 MB, a few hundred milliseconds. */
const PAGES_PER_STEP = 2000;

export interface CompactionResult {
  /** Merge steps that did work (SQLite); 1 when the pending list was cleaned (PostgreSQL). */
  steps: number;
  /** False when the step limit ended the work before the index was in one piece. */
  finished: boolean;
}

/**
 * Merges the index's segments until none is left to merge, or `maxSteps` steps have run or
 * `signal` is aborted (the next run goes on from there; each step is complete in itself). Idempotent: an index in one piece costs one step that finds
 * nothing to do.
 */
export async function compactSearchIndex(
  db: Kysely<Database>,
  options: { maxSteps?: number; signal?: AbortSignal } = {},
): Promise<CompactionResult> {
  const maxSteps = options.maxSteps ?? 10_000;
  if (!isSqlite(db)) {
    const cleaned = await sql<{ pages: number | string }>`SELECT
      gin_clean_pending_list('publication_search_tsv_idx'::regclass) AS pages`.execute(db);
    return { steps: Number(cleaned.rows[0]?.pages ?? 0) > 0 ? 1 : 0, finished: true };
  }
  // All on one connection: SQLite's total_changes() is per connection, and FTS5 reports a
  // merge step that did work as two or more changes (its documented way of saying so).
  return db.connection().execute(async (conn) => {
    const changes = async () =>
      Number((await sql<{ n: number }>`SELECT total_changes() AS n`.execute(conn)).rows[0]?.n ?? 0);
    let steps = 0;
    while (steps < maxSteps && !options.signal?.aborted) {
      const before = await changes();
      // A negative page count merges any segments, not only those automerge would (as
      // 'optimize' does, but a step at a time).
      await sql`INSERT INTO publication_search (publication_search, rank)
        VALUES ('merge', ${-PAGES_PER_STEP})`.execute(conn);
      if ((await changes()) - before < 2) return { steps, finished: true };
      steps++;
    }
    return { steps, finished: false };
  });
}
