// One Kysely instance over either the embedded SQLite file or PostgreSQL.
// Everything above this file writes dialect-neutral Kysely; the few places that
// must differ ask `db.dialect`.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { listenForChanges, type ChangeListener } from './change-listener.js';
import type { Database } from './schema.js';
import { noticingWrites } from './write-noticing.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** Human-readable location without credentials, safe for logs. */
  describe: string;
  /**
   * A mark that is different after anything in the database has changed, by this process or
   * any other (null when it cannot be read). Equal marks at two moments mean nothing changed
   * in between: what was read at the first still holds — for changes another connection
   * committed more than SQLITE_RECHECK_MS (SQLite) or STALENESS_BOUND_MS (PostgreSQL,
   * src/db/change-mark.ts) before; this process's own writes move it at once. Costs no table
   * read, mostly not even a statement, on PostgreSQL no round trip while the listener vouches for it; the
   * portal's page cache (src/web/page-cache.ts) keys on it.
   */
  dataVersion?(): string | null | Promise<string | null>;
  /** PostgreSQL: the listener that keeps the mark without a round trip (change-listener.ts). */
  changes?: ChangeListener;
  close(): Promise<void>;
}

export class DatabaseUrlError extends Error {}

export interface OpenOptions {
  /** PostgreSQL schema to use as search_path (tests run each in their own schema). */
  pgSchema?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export function openDatabase(url: string, options: OpenOptions = {}): Db {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return openPostgres(url, options);
  }
  if (url.startsWith('sqlite:')) {
    return openSqlite(url.slice('sqlite:'.length));
  }
  throw new DatabaseUrlError(
    `无法识别的 DATABASE_URL：应为 sqlite:文件路径（如 sqlite:data/gongkai.db）或 postgres://用户@主机:端口/数据库`,
  );
}

function openSqlite(path: string): Db {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers proceed while one writer commits; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const writes = { count: 0 };
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({
      database: cachingStatements(sqlite, STATEMENT_CACHE_SIZE, writes),
    }),
  });
  return {
    kysely,
    dialect: 'sqlite',
    describe: `SQLite ${file}`,
    dataVersion: sqliteDataVersion(sqlite, writes),
    close: () => kysely.destroy(),
  };
}

/**
 * How long SQLite's counters are trusted before they are read again: another connection's
 * commit (another process, a CLI command) shows in the mark within this, well inside the
 * bound PostgreSQL's mark keeps (STALENESS_BOUND_MS). The app's own writes show at once.
 */
export const SQLITE_RECHECK_MS = 100;

/**
 * SQLite's two change counters, read without touching a table: `total_changes()` counts
 * every row this connection has inserted, updated or deleted (the app's single connection,
 * whatever transaction it is in), and `data_version` changes when another connection has
 * committed. Both only grow. Reading them is one statement step, yet a kept page costs little
 * more than that (docs/performance.md), so they are read again only when this connection has
 * run a statement that can write (`writes`, counted as statements are prepared: before the
 * statement runs, in the same synchronous step, so no reader comes between) or when the last
 * reading is SQLITE_RECHECK_MS old. Schema changes on this connection are not counted: only
 * migrations make them, before the app serves.
 */
function sqliteDataVersion(
  sqlite: SQLite.Database,
  writes: { readonly count: number },
): () => string | null {
  const counters = sqlite
    .prepare("SELECT total_changes() || ':' || data_version FROM pragma_data_version")
    .pluck();
  let mark: string | null = null;
  let readAt = Number.NEGATIVE_INFINITY;
  let writesAtRead = -1;
  return () => {
    if (!sqlite.open) return null;
    const now = performance.now();
    if (writes.count !== writesAtRead || now - readAt >= SQLITE_RECHECK_MS) {
      mark = counters.get() as string;
      readAt = now;
      writesAtRead = writes.count;
    }
    return mark;
  };
}

/** How many distinct SQL texts keep their prepared statement. */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely's SQLite driver prepares every query afresh, and preparing costs more than running
 * the small indexed queries a page makes. The app issues a few hundred distinct SQL texts
 * (values travel as parameters), so statements are kept by their text, least recently used
 * dropped first. A statement still being iterated (a streamed query) is busy and cannot be
 * run again meanwhile: such a query gets a fresh statement.
 */
export function cachingStatements(
  sqlite: SQLite.Database,
  size = STATEMENT_CACHE_SIZE,
  writes: { count: number } = { count: 0 },
): SqliteDatabase {
  /** Each statement with whether it can change the data (not `readonly`: INSERT … RETURNING can). */
  const cache = new Map<string, { stmt: SQLite.Statement; writes: boolean }>();
  const counted = (entry: { stmt: SQLite.Statement; writes: boolean }) => {
    if (entry.writes) writes.count++;
    return entry.stmt;
  };
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql) => {
      const hit = cache.get(sql);
      if (hit && !hit.stmt.busy) {
        // Re-inserting marks it as the most recently used.
        cache.delete(sql);
        cache.set(sql, hit);
        return counted(hit);
      }
      const stmt = sqlite.prepare(sql);
      const entry = { stmt, writes: !stmt.readonly };
      if (hit) return counted(entry); // the cached one is busy: leave it for its iterator
      cache.set(sql, entry);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return counted(entry);
    },
  };
}

/**
 * The WAL insert position: every committed change writes WAL before it becomes visible, so
 * the position has moved past it by the time another session can read the change. It also
 * moves for other databases of the cluster and for maintenance — more changes than there
 * are, never fewer. Null where it cannot be read (a standby, a role without the right).
 * Read only while the change listener cannot vouch for its mark.
 */
async function postgresDataVersion(pool: pg.Pool): Promise<string | null> {
  try {
    const r = await pool.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
    return r.rows[0]?.lsn ?? null;
  } catch {
    return null;
  }
}

function openPostgres(url: string, options: OpenOptions): Db {
  const settings = {
    connectionString: url,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  };
  const pool = new pg.Pool({ ...settings, max: options.poolSize ?? 10 });
  const changes = listenForChanges(
    () => new pg.Client({ ...settings, keepAlive: true, application_name: 'gongkai changes' }),
  );
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: noticingWrites(pool, changes.wrote) }),
  });
  const safe = new URL(url);
  safe.password = '';
  return {
    kysely,
    dialect: 'postgres',
    // The listener's mark while it vouches for it (no round trip); the WAL position otherwise.
    dataVersion: () => changes.mark() ?? postgresDataVersion(pool),
    changes,
    describe: `PostgreSQL ${safe.host}${safe.pathname}${options.pgSchema ? ` (schema ${options.pgSchema})` : ''}`,
    close: async () => {
      await changes.close();
      await kysely.destroy();
    },
  };
}
