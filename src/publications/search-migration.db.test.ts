// Migration 0024 on entries indexed before it (no agency token): rolled back to the old
// index layout, then migrated again, every entry is rewritten and still found, each by its
// own agency only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { migrateToLatest, migratorFor } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { fixedClock } from '../db/time.js';
import { seedDemo, type DemoResult } from '../demo/seed-demo.js';
import { searchPublished } from './search.js';
import { agencyToken } from './search-tokens.js';

const NAMES = Object.keys(migrations);
const BEFORE = NAMES[NAMES.indexOf('0024_search_agency_token') - 1]!;
/** 0024 and every migration after it, as a migration to the latest applies them again. */
const FROM_0024 = NAMES.slice(NAMES.indexOf('0024_search_agency_token'));

describe(`search index migration 0024 on ${testDialect}`, () => {
  let db: TestDb;
  let demo: DemoResult;
  before(async () => {
    db = await createTestDb();
    demo = await seedDemo({
      db,
      clock: fixedClock('2022-03-01T02:00:00.000Z'),
      passwordParams: { N: 2 ** 10, r: 8, p: 1 },
    });
  });
  after(() => db.destroy());

  const titles = async (agencyId: string, query: string) =>
    (
      await searchPublished(db.kysely, { agencyId, query, order: 'date', page: 1, pageSize: 50 })
    ).rows.map((r) => r.title);

  test('entries indexed before it are rewritten with their agency token and still found', async () => {
    const before = await titles(demo.agency.id, '征地');
    assert.ok(before.length >= 2);
    const entries = async () =>
      (
        await sql<{ n: number | string }>`SELECT count(*) AS n FROM publication_search`.execute(
          db.kysely,
        )
      ).rows[0]?.n;
    const count = Number(await entries());
    assert.ok(count >= 5);

    const { migrator } = await migratorFor(db);
    const down = await migrator.migrateTo(BEFORE);
    assert.equal(down.error, undefined);
    // The layout of migration 0010: no agency column, tokens of the text alone.
    await assert.rejects(sql`SELECT agency FROM publication_search`.execute(db.kysely));
    assert.equal(Number(await entries()), count);

    assert.deepEqual(await migrateToLatest(db), FROM_0024);
    assert.equal(Number(await entries()), count);
    const tokens = await sql<{ agency_id: string; agency: string }>`SELECT agency_id, agency
      FROM publication_search`.execute(db.kysely);
    for (const row of tokens.rows) assert.equal(row.agency, agencyToken(row.agency_id));
    assert.deepEqual(await titles(demo.agency.id, '征地'), before);
    assert.deepEqual(await titles(demo.parent.id, '征地'), []);
    assert.deepEqual(await titles(demo.agency.id, '灵街办发〔2021〕30号'), [
      '关于印发《灵山卫街道城市管理网格化工作实施方案（2021年修订）》的通知',
    ]);
  });
});
