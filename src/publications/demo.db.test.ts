// The demo publications: written with the demo data, reset (not duplicated) by a second run,
// and only the published ones listed publicly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect } from '../../test/support/db.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { listPublished, listUnpublished } from './repository.js';

test(`demo publications are idempotent and only published ones are public (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const deps = {
      db,
      clock: fixedClock('2026-11-20T02:00:00.000Z'),
      passwordParams: { N: 2 ** 10, r: 8, p: 1 },
    };
    await seedDemo(deps);
    const { agency } = await seedDemo(deps);
    const all = await db.kysely
      .selectFrom('publications')
      .select(['state', 'index_number'])
      .execute();
    assert.equal(all.length, 9);
    assert.deepEqual(all.map((r) => r.state).sort(), [
      'in_review',
      'published',
      'published',
      'published',
      'published',
      'published',
      'published',
      'published',
      'withdrawn',
    ]);
    const listed = await listPublished(db.kysely, { agencyId: agency.id, page: 1, pageSize: 50 });
    assert.equal(listed.total, 7);
    assert.ok(listed.rows.some((p) => p.validity === 'repealed' && p.replacedBy !== null));
    assert.ok(listed.rows.some((p) => p.category === 'a21-land-expropriation'));
    assert.deepEqual(
      (await listUnpublished(db.kysely, agency.id)).map((p) => p.state),
      ['in_review'],
    );
    // The next number issued in 2021 follows the demo ones.
    const counter = await db.kysely
      .selectFrom('publication_index_counters')
      .select('last_serial')
      .where('year', '=', 2021)
      .executeTakeFirstOrThrow();
    assert.equal(Number(counter.last_serial), 7);
    const numbers = all.map((r) => r.index_number).filter((n) => n?.includes('/2021-'));
    assert.deepEqual(
      numbers.map((n) => Number(n?.slice(-5))).sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7],
    );
  } finally {
    await db.destroy();
  }
});
