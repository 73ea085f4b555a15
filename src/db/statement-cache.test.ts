// The SQLite statement cache: each SQL text is prepared once and reused with new
// parameters, the cache stays bounded, and reuse never changes what a query returns.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { cachingStatements } from './database.js';

interface Db {
  items: { id: number; name: string };
}

function open(size?: number) {
  const sqlite = new SQLite(':memory:');
  const prepared: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((text: string) => {
    prepared.push(text);
    return prepare(text);
  }) as typeof sqlite.prepare;
  const kysely = new Kysely<Db>({
    dialect: new SqliteDialect({ database: cachingStatements(sqlite, size) }),
  });
  return { kysely, prepared };
}

async function seed(kysely: Kysely<Db>, n: number) {
  await sql`create table items (id integer primary key, name text not null)`.execute(kysely);
  for (let i = 1; i <= n; i++)
    await kysely
      .insertInto('items')
      .values({ id: i, name: `第${i}项` })
      .execute();
}

test('a query is prepared once and answers each call with its own parameters', async () => {
  const { kysely, prepared } = open();
  try {
    await seed(kysely, 3);
    const byId = (id: number) =>
      kysely.selectFrom('items').select('name').where('id', '=', id).executeTakeFirst();
    const before = prepared.length;
    assert.deepEqual(await byId(1), { name: '第1项' });
    assert.deepEqual(await byId(3), { name: '第3项' });
    assert.equal(await byId(9), undefined);
    assert.equal(prepared.length - before, 1);
    // The inserts above shared one statement too.
    assert.equal(prepared.filter((s) => s.startsWith('insert')).length, 1);
  } finally {
    await kysely.destroy();
  }
});

test('the cache is bounded and drops the least recently used statement first', async () => {
  const { kysely, prepared } = open(2);
  try {
    await seed(kysely, 2);
    const q = {
      a: () => kysely.selectFrom('items').select('id').execute(),
      b: () => kysely.selectFrom('items').select('name').execute(),
      c: () => kysely.selectFrom('items').selectAll().execute(),
    };
    await q.a();
    await q.b();
    await q.a(); // a is now the most recently used
    await q.c(); // evicts b
    const before = prepared.length;
    await q.a();
    await q.c();
    assert.equal(prepared.length, before, 'a and c stayed cached');
    await q.b();
    assert.equal(prepared.length, before + 1, 'b was evicted and is prepared again');
  } finally {
    await kysely.destroy();
  }
});

test('a statement still being iterated is not handed out again', () => {
  // Kysely's single SQLite connection never runs a query inside another's stream, but a
  // reused busy statement would throw, so the cache must not rely on that.
  const sqlite = new SQLite(':memory:');
  const db = cachingStatements(sqlite);
  try {
    db.prepare('create table items (id integer primary key)').run([]);
    for (const id of [1, 2, 3]) db.prepare('insert into items (id) values (?)').run([id]);
    const text = 'select id from items order by id';
    const outer = db.prepare(text).iterate([]);
    assert.deepEqual(outer.next().value, { id: 1 });
    assert.deepEqual(db.prepare(text).all([]), [{ id: 1 }, { id: 2 }, { id: 3 }]);
    assert.deepEqual([...outer], [{ id: 2 }, { id: 3 }]);
  } finally {
    db.close();
  }
});

test('a cached statement sees a column added after it was prepared', async () => {
  const { kysely } = open();
  try {
    await seed(kysely, 1);
    const row = () => kysely.selectFrom('items').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual(await row(), { id: 1, name: '第1项' });
    await sql`alter table items add column note text default '备注'`.execute(kysely);
    assert.deepEqual(await row(), { id: 1, name: '第1项', note: '备注' });
  } finally {
    await kysely.destroy();
  }
});
