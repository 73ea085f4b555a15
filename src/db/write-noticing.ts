// Writes made through this process's pool, noticed as they commit, so the change mark moves
// at once for this instance (its own next page shows the change) instead of when the
// change notice comes back from the server. Wraps the pool Kysely draws its connections from.
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

export type StatementKind = 'read' | 'begin' | 'commit' | 'rollback' | 'other' | 'write';

/** A word that can only write, wherever it stands in a query (CTEs can hold writes). */
const WRITING_WORD = /\b(insert|update|delete|merge)\b/i;

/**
 * What a statement does to the data, from its text. Only a single SELECT (or WITH … SELECT
 * with no writing word anywhere in it) counts as a read; anything not recognised counts as
 * a write (a page kept too briefly, never too long).
 */
export function statementKind(text: string): StatementKind {
  const head = /^[\s(]*([a-z]+)(?:\s+([a-z]+))?/i.exec(text);
  const first = head?.[1]?.toLowerCase();
  const second = head?.[2]?.toLowerCase();
  if (first === 'select' || first === 'with')
    return text.includes(';') || (first === 'with' && WRITING_WORD.test(text)) ? 'write' : 'read';
  if (first === 'begin' || (first === 'start' && second === 'transaction')) return 'begin';
  if (first === 'commit' || first === 'end') return 'commit';
  if (first === 'rollback') return second === 'to' ? 'other' : 'rollback';
  if (first === 'savepoint' || first === 'release') return 'other';
  return 'write';
}

/** The pool with every connection's committed writes reported to `wrote`. */
export function noticingWrites(pool: pg.Pool, wrote: () => void): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        w = noticingClient(client, wrote);
        wrapped.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}

function noticingClient(client: pg.PoolClient, wrote: () => void): PostgresPoolClient {
  // One checkout at a time uses a connection, so a transaction's state lives with it.
  let inTransaction = false;
  let dirty = false;
  const settle = (kind: StatementKind) => {
    if (kind === 'begin') {
      inTransaction = true;
      dirty = false;
    } else if (kind === 'commit' || kind === 'rollback') {
      // A commit whose answer was lost may still have committed: counted as a write.
      if (kind === 'commit' && dirty) wrote();
      inTransaction = false;
      dirty = false;
    } else if (kind === 'write') {
      if (inTransaction) dirty = true;
      else wrote();
    }
  };
  const query = (textOrCursor: unknown, parameters?: ReadonlyArray<unknown>): unknown => {
    if (typeof textOrCursor !== 'string') {
      // A streamed query (a cursor): Kysely streams only reads, but a write is noticed at once.
      const kind = statementKind(String((textOrCursor as { text?: string }).text ?? ''));
      if (kind !== 'read') settle(kind);
      return client.query(textOrCursor as pg.Submittable);
    }
    const kind = statementKind(textOrCursor);
    const run = client.query(textOrCursor, parameters as unknown[]);
    if (kind === 'read' || kind === 'other') return run;
    return run.then(
      (result) => {
        settle(kind);
        return result;
      },
      (error: unknown) => {
        settle(kind);
        throw error;
      },
    );
  };
  return {
    query: query as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  };
}
