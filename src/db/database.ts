// One Kysely instance over either the embedded SQLite file or PostgreSQL.
// Everything above this file writes dialect-neutral Kysely; the few places that
// must differ ask `db.dialect`.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** Human-readable location without credentials, safe for logs. */
  describe: string;
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
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    kysely,
    dialect: 'sqlite',
    describe: `SQLite ${file}`,
    close: () => kysely.destroy(),
  };
}

function openPostgres(url: string, options: OpenOptions): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const safe = new URL(url);
  safe.password = '';
  return {
    kysely,
    dialect: 'postgres',
    describe: `PostgreSQL ${safe.host}${safe.pathname}${options.pgSchema ? ` (schema ${options.pgSchema})` : ''}`,
    close: () => kysely.destroy(),
  };
}
