// The database's change mark (Db.dataVersion), on SQLite and PostgreSQL alike: it stays
// while only reads happen and moves with every insert, update and delete — in a transaction,
// straight through Kysely, and when another connection commits (on PostgreSQL within the
// staleness bound, heard as a change notice: decision 0029).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { CHANGE_BOUND_MS, seenWithin } from '../../test/support/seen-within.js';
import { UNCOVERED_TABLES_SQL } from './change-notices.js';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

let db: TestDb;
before(async () => {
  db = await createTestDb();
});
after(() => db.destroy());

const mark = async () => {
  const m = await db.dataVersion?.();
  assert.ok(typeof m === 'string' && m !== '');
  return m;
};

const setting = (key: string, value: string) =>
  db.kysely
    .insertInto('site_settings')
    .values({ key, value, updated_at: '2024-09-27T08:00:00.000Z' })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();

/** Reads the mark until it differs from `m`, failing if it still did not a bound after `since`. */
const movedWithin = (m: string, since: number) =>
  seenWithin(async () => (await db.dataVersion?.()) !== m, since);

test('reads leave the mark as it is', async () => {
  // PostgreSQL: once the listener vouches for it; before that (and whenever it cannot) the
  // mark is the cluster's WAL position, which moves more often than this database changes.
  if (testDialect === 'postgres') assert.ok(await db.changes?.whenListening(10_000));
  const m = await mark();
  await db.kysely.selectFrom('agencies').selectAll().execute();
  await db.kysely.selectFrom('site_settings').selectAll().execute();
  assert.equal(await mark(), m);
});

test('every kind of write moves it', async () => {
  const writes: [string, () => Promise<unknown>][] = [
    ['insert', () => setting('test.a', '1')],
    ['upsert', () => setting('test.a', '2')],
    [
      'update',
      () =>
        db.kysely
          .updateTable('site_settings')
          .set({ value: '3' })
          .where('key', '=', 'test.a')
          .execute(),
    ],
    [
      'transaction',
      () =>
        db.kysely.transaction().execute(async (trx) => {
          await trx
            .updateTable('site_settings')
            .set({ value: '4' })
            .where('key', '=', 'test.a')
            .execute();
        }),
    ],
    ['delete', () => db.kysely.deleteFrom('site_settings').where('key', '=', 'test.a').execute()],
    // A statement that writes and returns rows is not a read, though it answers like one.
    [
      'insert … returning',
      () =>
        db.kysely
          .insertInto('site_settings')
          .values({ key: 'test.r', value: '1', updated_at: '2024-09-27T08:00:00.000Z' })
          .returning('key')
          .execute(),
    ],
    ['raw SQL', () => sql`DELETE FROM site_settings WHERE key = 'test.r'`.execute(db.kysely)],
  ];
  for (const [what, write] of writes) {
    const m = await mark();
    await write();
    assert.notEqual(await mark(), m, what);
  }
});

test(`a commit by another connection moves it (within ${CHANGE_BOUND_MS} ms)`, async () => {
  if (testDialect === 'postgres') assert.ok(await db.changes?.whenListening(10_000));
  const m = await mark();
  const other = openDatabase(db.url, { poolSize: 1 });
  let committed: number;
  try {
    await other.kysely
      .insertInto('site_settings')
      .values({ key: 'test.b', value: 'x', updated_at: '2024-09-27T08:00:00.000Z' })
      .execute();
    committed = performance.now();
  } finally {
    await other.close();
  }
  // Any read begun a bound after the commit must see it; earlier ones may not.
  await movedWithin(m, committed);
});

if (testDialect === 'postgres') {
  test('every table of the schema carries the change notice, and migrating again adds none', async () => {
    const uncovered = await sql.raw(UNCOVERED_TABLES_SQL).execute(db.kysely);
    assert.deepEqual(uncovered.rows, []);
    const tables = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema()`.execute(
      db.kysely,
    );
    assert.ok((tables.rows[0]?.n ?? 0) > 20);
    await migrateToLatest(db);
    const triggers = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE s.nspname = current_schema() AND t.tgname = 'gongkai_change_notice'`.execute(db.kysely);
    assert.equal(triggers.rows[0]?.n, tables.rows[0]?.n);
  });

  test('a write the app does not make (psql, a restore) is heard too, a rollback is not', async () => {
    assert.ok(await db.changes?.whenListening(10_000));
    const raw = new (await import('pg')).default.Client({ connectionString: db.url });
    await raw.connect();
    try {
      const m = await mark();
      await raw.query('BEGIN');
      await raw.query(`UPDATE agencies SET full_name = full_name || '' WHERE false`);
      await raw.query('ROLLBACK');
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(await mark(), m, 'nothing was committed');
      await raw.query(`DELETE FROM site_settings WHERE key = 'none'`);
      const committed = performance.now();
      await movedWithin(m, committed);
    } finally {
      await raw.end();
    }
  });

  test('a schema with a table lacking the notice is not vouched for: the WAL position is read', async () => {
    await sql`CREATE TABLE unnoticed (id int)`.execute(db.kysely);
    const other = openDatabase(db.url, { poolSize: 1 });
    try {
      assert.equal(await other.changes?.whenListening(1500), false);
      assert.match((await other.dataVersion?.()) ?? '', /^[0-9A-F]+\/[0-9A-F]+$/);
    } finally {
      await other.close();
      await sql`DROP TABLE unnoticed`.execute(db.kysely);
    }
  });
}

test('a closed database has no mark', async () => {
  const other = openDatabase(db.url, { poolSize: 1 });
  await other.kysely.selectFrom('agencies').select('id').execute();
  await other.close();
  assert.equal(await other.dataVersion?.(), null);
});
