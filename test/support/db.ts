// Test databases. Each test gets a fresh, migrated database: a temporary SQLite file, or —
// when TEST_DATABASE_URL is set — a PostgreSQL schema of its own, dropped afterwards.
// Database tests (`*.db.test.ts`, test/http) run unchanged against both.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export const testDialect: 'sqlite' | 'postgres' = process.env.TEST_DATABASE_URL
  ? 'postgres'
  : 'sqlite';

export interface TestDb extends Db {
  /** The URL the database can be reopened with (for CLI tests in a child process). */
  url: string;
  /** Extra environment for a child process to reach the same database. */
  env: Record<string, string>;
  /** Drops the database (schema or file). */
  destroy(): Promise<void>;
}

export async function createTestDb(options: { migrate?: boolean } = {}): Promise<TestDb> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  let db: Db;
  let url: string;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (pgUrl) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    db = openDatabase(pgUrl, { pgSchema: schema, poolSize: 4 });
    const u = new URL(pgUrl);
    u.searchParams.set('options', `-c search_path=${schema}`);
    url = u.toString();
    env = { DATABASE_URL: url };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
    url = `sqlite:${join(dir, 'test.db')}`;
    db = openDatabase(url);
    env = { DATABASE_URL: url };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  if (options.migrate !== false) await migrateToLatest(db);
  return {
    ...db,
    url,
    env,
    async destroy() {
      await db.close();
      await cleanup();
    },
  };
}
