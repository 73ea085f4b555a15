// The sitemap on both databases: past the limit, /sitemap.xml is an index whose parts
// together list every URL exactly once; and the catalogue's facets (years and total in one
// statement) agree with the plain count and list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb, testDialect } from '../../../test/support/db.js';
import { fixedClock } from '../../db/time.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { catalogueFacets, listPublished } from '../repository.js';
import { sitemapDocument, sitemapPart } from './sitemap-service.js';

const BASE = 'https://xxgk.example.gov.cn';
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] ?? '');

test(`a sitemap index past the limit, parts without overlap (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    await seedDemo({
      db,
      clock: fixedClock('2026-11-20T02:00:00.000Z'),
      passwordParams: { N: 2 ** 10, r: 8, p: 1 },
    });
    const whole = locs(await sitemapDocument(db.kysely, BASE));
    const index = await sitemapDocument(db.kysely, BASE, 5);
    assert.match(
      index,
      /<sitemapindex xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/,
    );
    const parts = locs(index);
    assert.equal(parts.length, Math.ceil(whole.length / 5));
    assert.equal(parts[0], `${BASE}/sitemaps/1`);
    const listed: string[] = [];
    for (let n = 1; n <= parts.length; n++) {
      const part = locs((await sitemapPart(db.kysely, BASE, n, 5)) ?? '');
      assert.ok(part.length <= 5 && part.length > 0);
      listed.push(...part);
    }
    assert.deepEqual(listed, whole);
    assert.equal(new Set(listed).size, listed.length);
    assert.equal(await sitemapPart(db.kysely, BASE, parts.length + 1, 5), null);
    assert.equal(await sitemapPart(db.kysely, BASE, 0, 5), null);
  } finally {
    await db.destroy();
  }
});

test(`the catalogue's facets agree with the list (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const { agency } = await seedDemo({
      db,
      clock: fixedClock('2026-11-20T02:00:00.000Z'),
      passwordParams: { N: 2 ** 10, r: 8, p: 1 },
    });
    const listed = await listPublished(db.kysely, { agencyId: agency.id, page: 1, pageSize: 500 });
    assert.equal(listed.rows.length, listed.total, 'one page holds the whole demo catalogue');
    const years = [...new Set(listed.rows.map((r) => Number(r.publishedOn?.slice(0, 4))))].sort(
      (a, b) => b - a,
    );
    assert.ok(years.length >= 2, 'the demo spans several years');
    const facets = await catalogueFacets(db.kysely, { agencyId: agency.id });
    assert.deepEqual(facets, { years, total: listed.total });
    for (const filter of [
      { year: years[1] },
      { validity: 'repealed' as const },
      { category: 'a21-land-expropriation' },
    ]) {
      const f = { agencyId: agency.id, ...filter };
      const one = await catalogueFacets(db.kysely, f);
      const plain = await listPublished(db.kysely, { ...f, page: 1, pageSize: 500 });
      assert.equal(one.total, plain.total, JSON.stringify(filter));
      assert.deepEqual(one.years, years, 'the year filter always offers every year');
    }
    const none = await catalogueFacets(db.kysely, {
      agencyId: '00000000-0000-0000-0000-000000000000',
    });
    assert.deepEqual(none, { years: [], total: 0 });
  } finally {
    await db.destroy();
  }
});
