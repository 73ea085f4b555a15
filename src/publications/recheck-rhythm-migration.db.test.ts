// Migration 0026 (each agency's re-check rhythm) on a database with agencies in it: rolled
// back, the column is gone and the agencies are whole; applied again, every agency is yearly,
// and the column takes only the rhythms recheck-period.ts defines.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { migrateToLatest, migratorFor } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { RECHECK_RHYTHMS } from './recheck-period.js';

const NAMES = Object.keys(migrations);
const MIGRATION = '0026_agency_recheck_rhythm';
const BEFORE = NAMES[NAMES.indexOf(MIGRATION) - 1]!;
const FROM_0026 = NAMES.slice(NAMES.indexOf(MIGRATION));

describe(`re-check rhythm migration 0026 on ${testDialect}`, () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb();
    await seedDemo({
      db,
      clock: fixedClock('2022-03-01T02:00:00.000Z'),
      passwordParams: { N: 2 ** 10, r: 8, p: 1 },
    });
  });
  after(() => db.destroy());

  const agencies = async () =>
    (
      await sql<{ id: string; slug: string; full_name: string }>`SELECT id, slug, full_name
        FROM agencies ORDER BY id`.execute(db.kysely)
    ).rows;

  test('rolls back to no column and applies again with every agency yearly', async () => {
    assert.ok(NAMES.indexOf(MIGRATION) > 0, 'the migration is registered');
    const whole = await agencies();
    assert.ok(whole.length >= 2);
    await db.kysely.updateTable('agencies').set({ recheck_rhythm: 'quarterly' }).execute();

    const { migrator } = await migratorFor(db);
    const down = await migrator.migrateTo(BEFORE);
    assert.equal(down.error, undefined);
    await assert.rejects(sql`SELECT recheck_rhythm FROM agencies`.execute(db.kysely));
    assert.deepEqual(await agencies(), whole);

    assert.deepEqual(await migrateToLatest(db), FROM_0026);
    assert.deepEqual(await agencies(), whole);
    const rhythms = await db.kysely.selectFrom('agencies').select('recheck_rhythm').execute();
    assert.deepEqual(new Set(rhythms.map((r) => r.recheck_rhythm)), new Set(['yearly']));
  });

  test('takes each rhythm of recheck-period.ts and nothing else', async () => {
    const [first] = await agencies();
    assert.ok(first);
    for (const rhythm of RECHECK_RHYTHMS)
      await db.kysely
        .updateTable('agencies')
        .set({ recheck_rhythm: rhythm })
        .where('id', '=', first.id)
        .execute();
    for (const bad of ['monthly', '每年', ''])
      await assert.rejects(
        db.kysely
          .updateTable('agencies')
          .set({ recheck_rhythm: bad })
          .where('id', '=', first.id)
          .execute(),
        bad,
      );
    await assert.rejects(
      sql`UPDATE agencies SET recheck_rhythm = NULL WHERE id = ${first.id}`.execute(db.kysely),
    );
    const row = await db.kysely
      .selectFrom('agencies')
      .select('recheck_rhythm')
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.recheck_rhythm, RECHECK_RHYTHMS.at(-1));
  });
});
