// The database's change mark (Db.dataVersion), on SQLite and PostgreSQL alike: it stays
// while only reads happen and moves with every insert, update and delete — in a transaction,
// straight through Kysely, and when another connection commits.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { openDatabase } from './database.js';

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

test('reads leave the mark as it is (SQLite; PostgreSQL: a WAL position)', async () => {
  const m = await mark();
  await db.kysely.selectFrom('agencies').selectAll().execute();
  await db.kysely.selectFrom('site_settings').selectAll().execute();
  // PostgreSQL's WAL position is the whole cluster's, and even a read may write WAL (page
  // pruning): it moves more often than this database changes, never less.
  if (testDialect === 'sqlite') assert.equal(await mark(), m);
  else assert.match(m, /^[0-9A-F]+\/[0-9A-F]+$/);
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
  ];
  for (const [what, write] of writes) {
    const m = await mark();
    await write();
    assert.notEqual(await mark(), m, what);
  }
});

test('a commit by another connection moves it', async () => {
  const m = await mark();
  const other = openDatabase(db.url, { poolSize: 1 });
  try {
    await other.kysely
      .insertInto('site_settings')
      .values({ key: 'test.b', value: 'x', updated_at: '2024-09-27T08:00:00.000Z' })
      .execute();
  } finally {
    await other.close();
  }
  assert.notEqual(await mark(), m);
});

test('a closed database has no mark', async () => {
  const other = openDatabase(db.url, { poolSize: 1 });
  await other.kysely.selectFrom('agencies').select('id').execute();
  await other.close();
  assert.equal(await other.dataVersion?.(), null);
});
