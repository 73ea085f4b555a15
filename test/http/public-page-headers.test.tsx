// What browsers and shared caches are told about a public page (decision 0029): any cache
// may keep it but must ask again each time (`public, max-age=0, must-revalidate`), it varies
// by coding and by the display cookie, and its ETag lets the asking be a 304. The same headers
// whether the page came from the page cache or was rendered by the app; a withdrawal shows on
// the next request even to a cache holding the old page; signed-in pages are never public.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { parse } from 'node-html-parser';
import { createApp } from '../../src/app.js';
import { PUBLIC_PAGE_CACHE_CONTROL } from '../../src/web/public-page-headers.js';
import { createTestApp, TestClient, type TestApp } from '../support/app.js';
import { testDialect } from '../support/db.js';
import { newestPublishedItem } from '../support/published-items.js';

const text = (html: string) => parse(html).textContent.replace(/\s+/g, ' ');
const CACHING = ['cache-control', 'vary', 'etag'] as const;
const caching = (res: Response) => CACHING.map((h) => res.headers.get(h));

describe(`public page headers (${testDialect})`, () => {
  let t: TestApp;
  let queries = 0;
  /** Through the page cache, as served. */
  let app: ReturnType<typeof createApp>;
  let visitor: TestClient;
  /** The same app without the page cache: every page rendered. */
  let rendered: TestClient;
  let item: { id: string; title: string; path: string };

  before(async () => {
    t = await createTestApp({ demo: true, now: '2024-09-27T08:00:00.000Z' });
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = { ...t.deps.db, kysely: t.deps.db.kysely.withPlugin(counting) };
    app = createApp({ ...t.deps, db });
    visitor = new TestClient(app);
    rendered = new TestClient(createApp({ ...t.deps, db }, { pageCache: false }));
    if (testDialect === 'postgres') assert.ok(await t.db.changes?.whenListening(10_000));
    const row = await newestPublishedItem(t.db.kysely, 'lingshanwei');
    item = {
      id: row.id,
      title: row.title,
      path: `/agencies/lingshanwei/catalogue/${row.url_key}`,
    };
  });
  after(() => t.close());

  async function get(client: TestClient, path: string, headers?: Record<string, string>) {
    queries = 0;
    const res = await client.get(path, headers ? { headers } : {});
    return { res, body: await res.text(), queries };
  }

  test('the same caching headers on a kept page and on one the app rendered', async () => {
    const paths = [
      '/',
      '/agencies/lingshanwei',
      '/agencies/lingshanwei/guide',
      '/agencies/lingshanwei/catalogue',
      '/agencies/lingshanwei/catalogue?year=2021',
      '/agencies/lingshanwei/catalogue.atom',
      item.path,
    ];
    for (const path of paths) {
      const first = await get(visitor, path);
      const kept = await get(visitor, path);
      const made = await get(rendered, path);
      assert.equal(first.res.status, 200, path);
      assert.ok(first.queries > 0, path);
      assert.equal(kept.queries, 0, `${path} is kept`);
      assert.ok(made.queries > 0, `${path} is rendered without the cache`);
      const [cacheControl, vary, etag] = caching(kept.res);
      assert.equal(cacheControl, PUBLIC_PAGE_CACHE_CONTROL, path);
      assert.equal(vary, 'Accept-Encoding, Cookie', path);
      assert.match(etag ?? '', /^W\/"[\w-]{22}"$/, path);
      assert.deepEqual(caching(first.res), caching(kept.res), path);
      assert.deepEqual(caching(made.res), caching(kept.res), path);
      assert.equal(made.body, kept.body, path);
      assert.equal(Number(made.res.headers.get('content-length')), Buffer.byteLength(made.body));
      assert.ok(made.res.headers.get('content-security-policy'), path);
      // Compressed, the page is the same page: the same validator.
      const gzip = await get(visitor, path, { 'accept-encoding': 'gzip' });
      assert.equal(gzip.res.headers.get('content-encoding'), 'gzip', path);
      assert.deepEqual(caching(gzip.res), caching(kept.res), path);
    }
  });

  test('a request that holds the page gets a 304, from the cache without a query, and from the app', async () => {
    const path = '/agencies/lingshanwei/catalogue';
    const page = await get(visitor, path);
    const etag = page.res.headers.get('etag') ?? '';
    for (const [client, label] of [
      [visitor, 'kept'],
      [rendered, 'rendered'],
    ] as const) {
      for (const ifNoneMatch of [etag, `W/"other", ${etag}`, etag.slice(2), '*']) {
        const held = await get(client, path, { 'if-none-match': ifNoneMatch });
        assert.equal(held.res.status, 304, `${label}: ${ifNoneMatch}`);
        assert.equal(held.body, '');
        assert.deepEqual(caching(held.res), caching(page.res), label);
        if (client === visitor) assert.equal(held.queries, 0, label);
      }
      const compressed = await get(client, path, {
        'if-none-match': etag,
        'accept-encoding': 'gzip, br',
      });
      assert.equal(compressed.res.status, 304, label);
      const other = await get(client, path, { 'if-none-match': 'W/"not-this-page"' });
      assert.equal(other.res.status, 200, label);
      assert.equal(other.body, page.body, label);
    }
  });

  test('长辈版 is another page: its own validator, never a 304 for the standard one', async () => {
    const path = '/agencies/lingshanwei';
    const standard = await get(visitor, path);
    const elder = new TestClient(app);
    elder.cookies.set('gk_display', 'elder');
    const big = await get(elder, path);
    assert.match(big.body, /class="elder"/);
    assert.equal(big.res.headers.get('vary'), 'Accept-Encoding, Cookie');
    assert.notEqual(big.res.headers.get('etag'), standard.res.headers.get('etag'));
    const held = await get(elder, path, { 'if-none-match': standard.res.headers.get('etag')! });
    assert.equal(held.res.status, 200);
    assert.match(held.body, /class="elder"/);
  });

  test('a withdrawal is seen on the next request, by a cache holding the old page too', async () => {
    const catalogue = '/agencies/lingshanwei/catalogue';
    const held = new Map<string, string>();
    for (const path of [item.path, catalogue]) {
      const page = await get(visitor, path);
      assert.ok(text(page.body).includes(item.title), path);
      assert.equal((await get(visitor, path)).queries, 0, `${path} is kept`);
      held.set(path, page.res.headers.get('etag') ?? '');
    }
    const publisher = await t.signIn('lsw-publisher');
    const withdrawn = await publisher.post(`/console/publications/${item.id}/withdraw`, {
      reason: '内容有误，已撤回',
    });
    assert.equal(withdrawn.status, 303);
    for (const client of [visitor, rendered]) {
      // A proxy revalidating the page it holds gets the new page, not a 304.
      const page = await get(client, item.path, { 'if-none-match': held.get(item.path)! });
      assert.equal(page.res.status, 200);
      assert.match(text(page.body), /该信息已撤回/);
      assert.notEqual(page.res.headers.get('etag'), held.get(item.path));
      const list = await get(client, catalogue, { 'if-none-match': held.get(catalogue)! });
      assert.equal(list.res.status, 200);
      assert.ok(!text(list.body).includes(item.title));
      assert.equal(list.res.headers.get('cache-control'), PUBLIC_PAGE_CACHE_CONTROL);
    }
  });

  test('signed-in pages, pages not found and pages not listed are never marked public', async () => {
    const path = '/agencies/lingshanwei';
    const publicEtag = (await get(visitor, path)).res.headers.get('etag')!;
    const staff = await t.signIn('lsw-supervisor');
    const own = await staff.get(path, { headers: { 'if-none-match': publicEtag } });
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('cache-control'), 'no-store');
    assert.equal(own.headers.get('etag'), null);
    for (const client of [visitor, rendered]) {
      const missing = await get(client, '/agencies/no-such-agency');
      assert.equal(missing.res.status, 404);
      assert.equal(missing.res.headers.get('cache-control'), null);
      assert.equal(missing.res.headers.get('etag'), null);
      // The application form carries a form token: it is not a public page.
      const form = await get(client, '/agencies/lingshanwei/requests');
      assert.equal(form.res.headers.get('etag'), null);
      assert.notEqual(form.res.headers.get('cache-control'), PUBLIC_PAGE_CACHE_CONTROL);
    }
  });
});
