// Writes through this process's pool move the change mark when they commit: a write outside a
// transaction when it returns, a transaction's writes at its commit, never at a rollback,
// never for a read. What is not recognised counts as a write.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type pg from 'pg';
import { noticingWrites, statementKind } from './write-noticing.js';

test('statements are read by their first words', () => {
  const cases: [string, string][] = [
    ['select * from "agencies" where "id" = $1', 'read'],
    ['  (select 1) union (select 2)', 'read'],
    ['SELECT 1; DELETE FROM agencies', 'write'],
    ['with x as (delete from agencies returning *) select * from x', 'write'],
    ['with recursive years(y) as (select 2015 union all select y + 1 from years) select y', 'read'],
    ['with x as (update t set a = 1 returning *) select * from x', 'write'],
    ['insert into "agencies" ("id") values ($1)', 'write'],
    ['update "publications" set "state" = $1', 'write'],
    ['delete from "sessions"', 'write'],
    ['-- a comment\nselect 1', 'write'],
    ['begin', 'begin'],
    ['start transaction isolation level serializable', 'begin'],
    ['commit', 'commit'],
    ['rollback', 'rollback'],
    ['rollback to "sp1"', 'other'],
    ['savepoint "sp1"', 'other'],
    ['release "sp1"', 'other'],
  ];
  for (const [sql, kind] of cases) assert.equal(statementKind(sql), kind, sql);
});

test('a transaction counts once it commits, a rollback never, reads never', async () => {
  let writes = 0;
  let failNext = false;
  const client = {
    query: async () => {
      if (failNext) {
        failNext = false;
        throw new Error('refused');
      }
      return { rows: [] };
    },
    release: () => {},
  } as unknown as pg.PoolClient;
  const pool = { connect: async () => client, end: async () => {} } as unknown as pg.Pool;
  const c = await noticingWrites(pool, () => writes++).connect();
  const run = (sql: string) => c.query(sql, []);

  await run('select 1');
  assert.equal(writes, 0);
  await run('update t set a = 1');
  assert.equal(writes, 1, 'outside a transaction: at once');

  await run('begin');
  await run('update t set a = 2');
  await run('insert into t values (1)');
  assert.equal(writes, 1, 'not before the commit');
  await run('commit');
  assert.equal(writes, 2, 'once per transaction');

  await run('begin');
  await run('delete from t');
  await run('rollback');
  assert.equal(writes, 2, 'a rollback changes nothing');

  await run('begin');
  await run('select 1');
  await run('commit');
  assert.equal(writes, 2, 'a transaction that only read');

  failNext = true;
  await assert.rejects(run('update t set a = 3'));
  assert.equal(writes, 3, 'a failed write may still have changed something: counted');

  // The same connection drawn again keeps its wrapper (and so Kysely its connection object).
  const pooled = noticingWrites(pool, () => {});
  assert.equal(await pooled.connect(), await pooled.connect());
});
