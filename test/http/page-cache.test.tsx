// The page cache: an unchanged public page is served from memory, and never once anything
// it is made from has changed — through the app, straight in the database, by the day
// turning (CST) — or, for a change committed by another connection, once the staleness bound
// has passed (at once on SQLite; on PostgreSQL within STALENESS_BOUND_MS, decision 0029).
// Signed-in staff, pages not found and pages not listed are never kept (the guards one by
// one: src/web/page-cache.test.ts). Two instances: page-cache-instances.test.tsx.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/database.js';
import { PUBLIC_PAGE_CACHE_CONTROL } from '../../src/web/public-page-headers.js';
import { createTestApp, TestClient, type TestApp } from '../support/app.js';
import { testDialect } from '../support/db.js';
import { CHANGE_BOUND_MS, seenWithin } from '../support/seen-within.js';

describe('the page cache', () => {
  let t: TestApp;
  let queries = 0;
  let visitor: TestClient;
  let app: ReturnType<typeof createApp>;

  before(async () => {
    t = await createTestApp({ demo: true, now: '2024-09-27T08:00:00.000Z' });
    // The same app over a handle that counts the queries the pages make.
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    app = createApp({
      ...t.deps,
      db: { ...t.deps.db, kysely: t.deps.db.kysely.withPlugin(counting) },
    });
    visitor = new TestClient(app);
    // PostgreSQL: from when the listener vouches for the change mark (until then each page
    // reads the WAL position, which other databases of a shared server move at any time).
    if (testDialect === 'postgres') assert.ok(await t.db.changes?.whenListening(10_000));
  });
  after(() => t.close());

  async function get(client: TestClient, path: string) {
    queries = 0;
    const res = await client.get(path);
    return { res, html: await res.text(), queries };
  }

  test('an unchanged page is served again without a query, byte for byte, with its headers', async () => {
    for (const path of ['/', '/agencies/lingshanwei', '/agencies/lingshanwei/catalogue']) {
      const first = await get(visitor, path);
      assert.equal(first.res.status, 200, path);
      assert.ok(first.queries > 0, path);
      const again = await get(visitor, path);
      assert.equal(again.queries, 0, path);
      assert.equal(again.html, first.html, path);
      assert.equal(again.res.headers.get('content-type'), first.res.headers.get('content-type'));
      assert.equal(
        again.res.headers.get('content-security-policy'),
        first.res.headers.get('content-security-policy'),
      );
      assert.ok(again.res.headers.get('content-security-policy'));
      assert.equal(
        Number(again.res.headers.get('content-length')),
        Buffer.byteLength(again.html),
        path,
      );
    }
  });

  test('a browser that accepts br or gzip gets the kept page compressed, the same page inside', async () => {
    const path = '/agencies/lingshanwei/catalogue';
    const plain = await get(visitor, path);
    assert.equal(plain.res.headers.get('vary'), 'Accept-Encoding, Cookie');
    assert.equal(plain.res.headers.get('content-encoding'), null);
    for (const [accept, coding, unpack] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip, deflate', 'gzip', gunzipSync],
    ] as const) {
      queries = 0;
      const res = await visitor.get(path, { headers: { 'accept-encoding': accept } });
      assert.equal(queries, 0, accept);
      assert.equal(res.headers.get('content-encoding'), coding);
      assert.equal(res.headers.get('vary'), 'Accept-Encoding, Cookie');
      assert.equal(res.headers.get('etag'), plain.res.headers.get('etag'));
      assert.ok(res.headers.get('content-security-policy'));
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.equal(Number(res.headers.get('content-length')), bytes.byteLength);
      assert.ok(bytes.byteLength < Buffer.byteLength(plain.html) / 3, accept);
      assert.equal(new TextDecoder().decode(unpack(bytes)), plain.html, accept);
    }
    // After a change the compressed copy is made again from the new page.
    await t.db.kysely
      .updateTable('agencies')
      .set({ full_name: '青岛市黄岛区灵山卫街道办事处（压缩后改）' })
      .where('slug', '=', 'lingshanwei')
      .execute();
    const res = await visitor.get(path, { headers: { 'accept-encoding': 'gzip' } });
    const html = gunzipSync(new Uint8Array(await res.arrayBuffer())).toString('utf8');
    assert.match(html, /灵山卫街道办事处（压缩后改）/);
  });

  test('the query string and the display setting are part of what is kept', async () => {
    const plain = await get(visitor, '/agencies/lingshanwei/catalogue');
    const filtered = await get(visitor, '/agencies/lingshanwei/catalogue?year=2019');
    assert.notEqual(filtered.html, plain.html);
    const elder = new TestClient(app);
    elder.cookies.set('gk_display', 'elder');
    const big = await get(elder, '/agencies/lingshanwei');
    assert.match(big.html, /<html lang="zh-CN" class="elder"/);
    const standard = await get(visitor, '/agencies/lingshanwei');
    assert.doesNotMatch(standard.html, /class="elder"/);
  });

  test('a change through the app shows at once', async () => {
    await get(visitor, '/accessibility');
    const platform = await t.signIn('hd-platform');
    await platform.get('/console/site');
    const saved = await platform.post('/console/site', {
      siteIdCode: '3702110001',
      icpNumber: '',
      psbNumber: '',
    });
    assert.equal(saved.status, 303);
    const after = await get(visitor, '/accessibility');
    assert.match(after.html, /网站标识码：3702110001/);
  });

  test('a change made straight in the database shows at once', async () => {
    await get(visitor, '/agencies/lingshanwei');
    await t.db.kysely
      .updateTable('agencies')
      .set({ full_name: '青岛市黄岛区灵山卫街道办事处（改）' })
      .where('slug', '=', 'lingshanwei')
      .execute();
    const after = await get(visitor, '/agencies/lingshanwei');
    assert.match(after.html, /灵山卫街道办事处（改）/);
    assert.ok(after.queries > 0);
  });

  test(`a change committed by another connection shows within ${CHANGE_BOUND_MS} ms`, async () => {
    await get(visitor, '/agencies/lingshanwei');
    const other =
      testDialect === 'sqlite' ? openDatabase(t.db.url) : openDatabase(t.db.url, { poolSize: 1 });
    let committed: number;
    try {
      await other.kysely
        .updateTable('agencies')
        .set({ full_name: '青岛市黄岛区灵山卫街道办事处（另一进程）' })
        .where('slug', '=', 'lingshanwei')
        .execute();
      committed = performance.now();
    } finally {
      await other.close();
    }
    // Every page asked for a bound after the commit shows it.
    await seenWithin(
      async () =>
        /灵山卫街道办事处（另一进程）/.test((await get(visitor, '/agencies/lingshanwei')).html),
      committed,
    );
  });

  test('a new day in China Standard Time renders the dated notes again', async () => {
    t.clock.set('2024-09-27T15:59:00.000Z'); // 23:59 in Beijing
    const late = await get(visitor, '/agencies/lingshanwei/rules');
    assert.match(late.html, /截至<time datetime="2024-09-27">2024年9月27日<\/time>/);
    t.clock.set('2024-09-27T16:01:00.000Z'); // 00:01 the next day
    const next = await get(visitor, '/agencies/lingshanwei/rules');
    assert.match(next.html, /截至<time datetime="2024-09-28">2024年9月28日<\/time>/);
  });

  test('signed-in staff, pages not found and pages outside the list are never kept', async () => {
    const staff = await t.signIn('lsw-supervisor');
    await staff.get('/agencies/lingshanwei');
    const page = await staff.get('/agencies/lingshanwei');
    assert.equal(page.headers.get('cache-control'), 'no-store');
    // …and a visitor after them gets no page that was made for them.
    const seen = await get(visitor, '/agencies/lingshanwei');
    assert.equal(seen.res.headers.get('cache-control'), PUBLIC_PAGE_CACHE_CONTROL);
    assert.doesNotMatch(seen.html, /lsw-supervisor|退出登录/);
    await get(visitor, '/agencies/no-such-agency');
    const missing = await get(visitor, '/agencies/no-such-agency');
    assert.equal(missing.res.status, 404);
    assert.ok(missing.queries > 0);
    await get(visitor, '/agencies/lingshanwei/requests');
    const requests = await get(visitor, '/agencies/lingshanwei/requests');
    assert.ok(requests.queries > 0);
  });
});
