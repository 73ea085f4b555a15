// The search index's upkeep merges what piecemeal indexing left in pieces, finds nothing to
// do the second time, and changes no search's answer.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { fixedClock } from '../db/time.js';
import { seedDemo, type DemoResult } from '../demo/seed-demo.js';
import { compactSearchIndex } from './search-compaction.js';
import { rowToPublication } from './repository.js';
import { indexPublication, searchPublished } from './search.js';

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

const QUERIES = ['征地', '城市管理', '灵街办发〔2021〕30号', '低保'];

async function reindexOneByOne() {
  const rows = await db.kysely
    .selectFrom('publications')
    .selectAll()
    .where('state', '=', 'published')
    .execute();
  assert.ok(rows.length >= 5, 'the demo has published items');
  for (let round = 0; round < 3; round++)
    for (const row of rows) await indexPublication(db.kysely, rowToPublication(row));
}

async function answers() {
  const out: Record<string, string[]> = {};
  for (const query of QUERIES) {
    const found = await searchPublished(db.kysely, {
      agencyId: demo.agency.id,
      query,
      order: 'relevance',
      page: 1,
      pageSize: 50,
    });
    out[query] = [String(found.total), ...found.rows.map((r) => r.id)];
  }
  return out;
}

test(`compacting the search index changes no answer and is idempotent (${testDialect})`, async () => {
  // Each published item indexed again, one statement after another, as publishing one item
  // after another writes them: on SQLite each write is a segment of its own.
  await reindexOneByOne();
  const before = await answers();
  assert.ok(Number(before['征地']![0]) > 0, 'the demo has 征地 items to find');

  const first = await compactSearchIndex(db.kysely);
  assert.equal(first.finished, true);
  if (testDialect === 'sqlite') assert.ok(first.steps > 0, 'segments were merged');
  assert.deepEqual(await answers(), before);

  const second = await compactSearchIndex(db.kysely);
  assert.deepEqual(second, { steps: 0, finished: true }, 'nothing left to merge');
  assert.deepEqual(await answers(), before);
});

// SQLite only: PostgreSQL's upkeep is one statement, with no steps to limit.
if (testDialect === 'sqlite')
  test('a step limit stops the work and the next run finishes it', async () => {
    await reindexOneByOne();
    assert.deepEqual(await compactSearchIndex(db.kysely, { maxSteps: 1 }), {
      steps: 1,
      finished: false,
    });
    const rest = await compactSearchIndex(db.kysely);
    assert.equal(rest.finished, true);
  });
