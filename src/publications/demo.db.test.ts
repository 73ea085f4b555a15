// The demo publications: written with the demo data, reset (not duplicated) by a second run,
// and only the published ones listed publicly; the 2021 政府网站 count made of items alone,
// numbered by the platform's issuer in publication order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect } from '../../test/support/db.js';
import { verifyAuditChain } from '../audit/audit-verify.js';
import { fixedClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { GENERATED_SUMMARY_NOTE, GENERATED_TITLE_PREFIX } from './demo-generated.js';
import { listPublished, listUnpublished } from './repository.js';
import { itemsPerChannel } from './table-two/year-figures-repository.js';

test(`demo publications are idempotent and only published ones are public (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const deps = {
      db,
      clock: fixedClock('2026-11-20T02:00:00.000Z'),
      passwordParams: { N: 2 ** 10, r: 8, p: 1 },
    };
    await seedDemo(deps);
    const numbersOf = async () =>
      new Map(
        (await db.kysely.selectFrom('publications').select(['id', 'index_number']).execute()).map(
          (r) => [r.id, r.index_number],
        ),
      );
    const firstNumbers = await numbersOf();
    const { agency } = await seedDemo(deps);
    assert.deepEqual(await numbersOf(), firstNumbers, 'a second run keeps every number');
    const all = await db.kysely
      .selectFrom('publications')
      .select(['state', 'index_number', 'title', 'summary', 'published_on', 'published_at'])
      .select('category')
      .execute();
    // The realistic nine and the generated 172.
    assert.equal(all.length, 181);
    const states = new Map<string, number>();
    for (const r of all) states.set(r.state, (states.get(r.state) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(states), { published: 179, withdrawn: 1, in_review: 1 });
    const listed = await listPublished(db.kysely, { agencyId: agency.id, page: 1, pageSize: 50 });
    assert.equal(listed.total, 179);
    const everything = await listPublished(db.kysely, {
      agencyId: agency.id,
      page: 1,
      pageSize: 500,
    });
    assert.ok(everything.rows.some((p) => p.validity === 'repealed' && p.replacedBy !== null));
    assert.ok(everything.rows.some((p) => p.category === 'a21-land-expropriation'));
    assert.deepEqual(
      (await listUnpublished(db.kysely, agency.id)).map((p) => p.state),
      ['in_review'],
    );

    // Every generated item is marked as demo content, and none is a 规范性文件 (table 二).
    const generated = all.filter((r) => r.title.startsWith(GENERATED_TITLE_PREFIX));
    assert.equal(generated.length, 172);
    for (const r of generated) {
      assert.ok(r.summary.endsWith(GENERATED_SUMMARY_NOTE), r.title);
      assert.match(r.published_on ?? '', /^2021-/);
      assert.notEqual(r.category, 'a20-1', r.title);
    }

    // 2021's numbers are 1…179, issued in publication order; the next one follows them.
    const counter = await db.kysely
      .selectFrom('publication_index_counters')
      .select('last_serial')
      .where('year', '=', 2021)
      .executeTakeFirstOrThrow();
    assert.equal(Number(counter.last_serial), 179);
    const of2021 = all
      .filter((r) => r.index_number?.includes('/2021-'))
      .sort((a, b) => (a.published_at ?? '').localeCompare(b.published_at ?? ''));
    assert.deepEqual(
      of2021.map((r) => Number(r.index_number?.slice(-5))),
      Array.from({ length: 179 }, (_, i) => i + 1),
    );

    // The 政府网站's 179 are all items; about 150 and 60 of them also went out on WeChat and Weibo.
    assert.deepEqual(await itemsPerChannel(db.kysely, agency.id, 2021), {
      website: 179,
      wechat: 150,
      weibo: 60,
      notice_board: 2,
    });
    assert.equal((await verifyAuditChain(db.kysely, agency.id)).ok, true);
  } finally {
    await db.destroy();
  }
});
