// Databases for the benches at full size: a generated SQLite file is kept between runs
// (node_modules/.cache/gongkai-bench/, named by what it holds and the generator's version,
// never in the repository), since making a million items costs minutes; PostgreSQL data
// is made afresh in a schema of its own and dropped after. Sizes come from environment
// variables so a quick run can shrink them (docs/performance.md lists them).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { openDatabase, type Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { migrations } from '../src/db/migrations/index.js';
import { GENERATOR_VERSION } from './catalogue-data.js';

const CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/gongkai-bench/', import.meta.url));

/** A positive whole number from the environment, or the default. */
export function sizeFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/[_,]/g, ''));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The PostgreSQL server to measure on, or null when GONGKAI_BENCH_PG_URL is `off`. */
export function benchPgUrl(): string | null {
  const url = process.env.GONGKAI_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  return url === 'off' ? null : url;
}

/**
 * The migrations a cached file was made with, as a short digest of their names: a file made
 * before an index was added is not reused (it would measure the old schema), and branches
 * with different migrations never share one.
 */
const SCHEMA_VERSION = createHash('sha256')
  .update(Object.keys(migrations).join('\n'))
  .digest('hex')
  .slice(0, 8);

/**
 * The path of a cached SQLite database `name` (made by `fill` on a migrated database when
 * missing). Made under a temporary name and renamed when complete, so an interrupted run
 * never leaves a half-filled file to be reused.
 */
export async function cachedSqlite(
  name: string,
  fill: (sqlite: SQLite.Database, db: Db) => void | Promise<void>,
): Promise<{ path: string; madeSeconds: number | null }> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const path = `${CACHE_DIR}${name}-g${GENERATOR_VERSION}-s${SCHEMA_VERSION}.db`;
  if (existsSync(path)) return { path, madeSeconds: null };
  const t0 = performance.now();
  const partial = `${path}.partial-${process.pid}`;
  const db = openDatabase(`sqlite:${partial}`);
  await migrateToLatest(db);
  const sqlite = new SQLite(partial);
  try {
    try {
      await fill(sqlite, db);
    } finally {
      await db.close();
    }
    sqlite.exec('ANALYZE');
    // One file, no write-ahead log beside it, before it is renamed into place.
    sqlite.pragma('journal_mode = DELETE');
  } finally {
    sqlite.close();
  }
  renameSync(partial, path);
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  return { path, madeSeconds: (performance.now() - t0) / 1000 };
}

export interface PgBenchSchema {
  url: string;
  schema: string;
  db: Db;
  /** A plain client with the schema as its search_path, for bulk loading. */
  client: pg.Client;
}

/** Runs `fn` on a fresh migrated schema of the PostgreSQL server at `url`, dropped after. */
export async function withPgSchema<T>(
  url: string,
  fn: (s: PgBenchSchema) => Promise<T>,
): Promise<T> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = openDatabase(url, { pgSchema: schema, poolSize: 4 });
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  try {
    await migrateToLatest(db);
    await client.connect();
    // Bulk loading only: a lost commit on a crash would only lose bench data.
    await client.query('SET synchronous_commit = off');
    return await fn({ url, schema, db, client });
  } finally {
    await client.end().catch(() => {});
    await db.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

const COPY_CHUNK = 5_000;

/**
 * Copies `tables` of the SQLite file at `path` into the schema `client` works in (same
 * rows, so both databases are measured on identical data), one transaction per chunk:
 * rows go as one JSON array per chunk, typed by PostgreSQL from the table's own columns.
 * The search table gets its tsvector made from the tokens and the agency's token, and its GIN index is built once
 * after the load (as a bulk import is best done).
 */
export async function copyToPostgres(
  path: string,
  client: pg.Client,
  tables: readonly string[],
  onProgress?: (table: string, done: number, total: number) => void,
): Promise<void> {
  const sqlite = new SQLite(path, { readonly: true });
  try {
    if (tables.includes('publication_search'))
      await client.query('DROP INDEX IF EXISTS publication_search_tsv_idx');
    for (const table of tables) {
      const search = table === 'publication_search';
      const total = (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const select = sqlite.prepare(
        search
          ? 'SELECT rowid, publication_id, agency_id, tokens, agency FROM publication_search WHERE rowid > ? ORDER BY rowid LIMIT ?'
          : `SELECT rowid, * FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
      );
      const insert = search
        ? // The vector as the app's indexPublication makes it (src/publications/search.ts).
          `INSERT INTO publication_search (publication_id, agency_id, tokens, agency, tsv)
           SELECT publication_id, agency_id, tokens, agency,
             to_tsvector('simple', tokens) || to_tsvector('simple', agency)
           FROM json_to_recordset($1::json)
             AS t(publication_id text, agency_id text, tokens text, agency text)`
        : `INSERT INTO ${table} SELECT * FROM json_populate_recordset(null::${table}, $1::json)`;
      let last = 0;
      for (let done = 0; ;) {
        const rows = select.all(last, COPY_CHUNK) as ({ rowid: number } & Record<
          string,
          unknown
        >)[];
        if (rows.length === 0) break;
        last = rows[rows.length - 1]!.rowid;
        const json = JSON.stringify(rows.map(({ rowid: _, ...row }) => row));
        await client.query('BEGIN');
        await client.query(insert, [json]);
        await client.query('COMMIT');
        done += rows.length;
        onProgress?.(table, done, total);
      }
    }
    if (tables.includes('publication_search'))
      await client.query(
        'CREATE INDEX publication_search_tsv_idx ON publication_search USING gin (tsv)',
      );
    // As autovacuum leaves a live database: statistics, and the visibility map without which
    // PostgreSQL cannot answer from an index alone.
    await client.query('VACUUM ANALYZE');
  } finally {
    sqlite.close();
  }
}

/** Percentiles of `samples` (milliseconds), sorted in place. */
export function percentiles(samples: number[]): { p50: number; p95: number; p99: number } {
  samples.sort((a, b) => a - b);
  const at = (p: number) =>
    samples[Math.min(samples.length - 1, Math.max(0, Math.ceil((p / 100) * samples.length) - 1))] ??
    Number.NaN;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

/** Progress on stderr while a big data set is made, every few seconds. */
export function progress(label: string, total: number): (done: number) => void {
  const t0 = performance.now();
  let shown = 0;
  return (done) => {
    const now = performance.now();
    if (done < total && now - shown < 5000) return;
    shown = now;
    process.stderr.write(
      `  ${label}：${done.toLocaleString('zh-CN')}/${total.toLocaleString('zh-CN')}（${((now - t0) / 1000).toFixed(0)} 秒）\n`,
    );
  };
}
