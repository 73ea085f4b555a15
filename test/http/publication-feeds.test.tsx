// The catalogue for machines and inspectors: each agency's Atom feed (newest first, escaped,
// published items only, no personal data, kept by the page cache yet never stale), the
// sitemap (only with the site's address configured), the catalogue's links to both, and the
// page tags (页面标签) of an item page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-data.js';
import { FEED_ENTRIES } from '../../src/publications/feeds/feed-repository.js';
import { createTestApp, type TestApp } from '../support/app.js';

const SITE = 'https://xxgk.example.gov.cn';
const FEED = '/agencies/lingshanwei/catalogue.atom';

/** The values of a repeated XML element, in document order (the feeds have no nesting of it). */
const all = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, 'g'))].map((m) => m[1] ?? '');

async function published(t: TestApp) {
  return t.db.kysely
    .selectFrom('publications')
    .select(['id', 'title', 'url_key', 'state', 'published_on', 'index_number'])
    .execute();
}

describe('Atom feed and sitemap', () => {
  let t: TestApp;
  let bare: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true, config: { publicUrl: `${SITE}/` } });
    bare = await createTestApp({ demo: true });
  });
  after(async () => {
    await t.close();
    await bare.close();
  });

  test('the feed lists the newest published items newest first, as Atom, with no personal data', async () => {
    const res = await t.client().get(FEED);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/atom\+xml/);
    const xml = await res.text();
    assert.match(
      xml,
      /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/,
    );
    const rows = await published(t);
    const live = rows.filter((r) => r.state === 'published');
    // The demo holds more than the feed: the feed is the newest, in the catalogue's order.
    assert.ok(live.length > FEED_ENTRIES);
    const newest = live
      .sort(
        (a, b) =>
          (b.published_on ?? '').localeCompare(a.published_on ?? '') ||
          (b.index_number ?? '').localeCompare(a.index_number ?? ''),
      )
      .slice(0, FEED_ENTRIES);
    const entries = xml.split('<entry>').slice(1);
    assert.equal(entries.length, FEED_ENTRIES);
    assert.deepEqual(
      entries.map((e) => /<id>([^<]*)<\/id>/.exec(e)?.[1]),
      newest.map((r) => `urn:uuid:${r.id}`),
    );
    const dates = all(xml, 'published');
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
    for (const r of rows) {
      const listed = xml.includes(`urn:uuid:${r.id}`);
      assert.equal(listed, newest.includes(r), `${r.state} item ${r.title}`);
      if (listed)
        assert.ok(xml.includes(`href="${SITE}/agencies/lingshanwei/catalogue/${r.url_key}"`));
    }
    // Every entry has what RFC 4287 requires: id, title, updated; and the feed an author.
    for (const e of entries)
      for (const tag of ['id', 'title', 'updated']) assert.match(e, new RegExp(`<${tag}`));
    assert.match(xml, /<feed[^]*<author><name>灵山卫街道办事处<\/name><\/author>[^]*<entry>/);
    for (const a of DEMO_ACCOUNTS) {
      assert.ok(!xml.includes(a.displayName), `no staff name (${a.displayName})`);
      assert.ok(!xml.includes(a.username));
    }
  });

  test('markup in a title is escaped, and a change shows at once although the feed is kept', async () => {
    const client = t.client();
    const first = await client.get(FEED);
    const kept = await client.get(FEED);
    assert.equal(await kept.text(), await first.text());
    assert.match(kept.headers.get('content-type') ?? '', /^application\/atom\+xml/);
    // The newest item, so that it is in the feed.
    const item = (await published(t))
      .filter((r) => r.state === 'published')
      .sort((a, b) => (b.index_number ?? '').localeCompare(a.index_number ?? ''))[0]!;
    await t.db.kysely
      .updateTable('publications')
      .set({ title: '通告 <script>alert(1)</script> & "引号"\u0007' })
      .where('id', '=', item.id)
      .execute();
    const xml = await (await client.get(FEED)).text();
    assert.ok(
      xml.includes('通告 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;</title>'),
    );
    assert.doesNotMatch(xml, /<script>|\u0007/);
    await t.db.kysely
      .updateTable('publications')
      .set({ state: 'withdrawn' })
      .where('id', '=', item.id)
      .execute();
    assert.ok(
      !(await (await client.get(FEED)).text()).includes(item.id),
      'withdrawn: gone at once',
    );
    await t.db.kysely
      .updateTable('publications')
      .set({ state: 'published', title: item.title })
      .where('id', '=', item.id)
      .execute();
  });

  test('an unknown agency has no feed', async () => {
    assert.equal((await t.client().get('/agencies/nobody/catalogue.atom')).status, 404);
  });

  test('the sitemap lists the column pages and every published item, at the configured address', async () => {
    const res = await t.client().get('/sitemap.xml');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/xml/);
    const xml = await res.text();
    assert.match(xml, /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
    const locs = all(xml, 'loc');
    assert.ok(
      locs.every((l) => l.startsWith(`${SITE}/`)),
      'absolute URLs on the configured host',
    );
    for (const path of [
      '/',
      '/accessibility',
      '/agencies/lingshanwei/guide',
      '/agencies/huangdao/catalogue',
    ])
      assert.ok(locs.includes(`${SITE}${path}`), path);
    const rows = await published(t);
    for (const r of rows) {
      const loc = `${SITE}/agencies/lingshanwei/catalogue/${r.url_key}`;
      assert.equal(locs.includes(loc), r.state === 'published', `${r.state} ${r.title}`);
    }
    assert.equal(new Set(locs).size, locs.length, 'no URL twice');
    assert.equal((await t.client().get('/sitemaps/1')).status, 200);
    assert.equal((await t.client().get('/sitemaps/2')).status, 404);
    assert.equal((await t.client().get('/sitemaps/x')).status, 404);
  });

  test('without PUBLIC_URL there is no sitemap (its URLs must be absolute) and the catalogue offers none', async () => {
    const res = await bare.client().get('/sitemap.xml');
    assert.equal(res.status, 404);
    assert.match(parse(await res.text()).textContent, /尚未设置正式网址/);
    const html = await (await bare.client().get('/agencies/lingshanwei/catalogue')).text();
    assert.doesNotMatch(html, /sitemap/);
    const feed = await (await bare.client().get(FEED)).text();
    assert.match(
      feed,
      /<link rel="self" type="application\/atom\+xml" href="\/agencies\/lingshanwei\/catalogue\.atom"\/>/,
    );
  });

  test('the catalogue links its feed and the sitemap, in the head and visibly', async () => {
    const root = parse(await (await t.client().get('/agencies/lingshanwei/catalogue')).text());
    const alt = root.querySelector('head link[rel="alternate"]');
    assert.equal(alt?.getAttribute('type'), 'application/atom+xml');
    assert.equal(alt?.getAttribute('href'), FEED);
    assert.equal(
      root.querySelector('head link[rel="sitemap"]')?.getAttribute('href'),
      '/sitemap.xml',
    );
    const links = root.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    assert.ok(links.includes(FEED));
    assert.ok(links.includes('/sitemap.xml'));
  });
});

describe('page tags of an item page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true, config: { publicUrl: SITE } });
  });
  after(() => t.close());

  test('an article page carries the column tags and ArticleTitle, PubDate, ContentSource, Keywords, Url', async () => {
    const item = await t.db.kysely
      .selectFrom('publications')
      .selectAll()
      .where('state', '=', 'published')
      .where('keywords', '!=', '')
      .orderBy('published_on', 'desc')
      .executeTakeFirstOrThrow();
    const path = `/agencies/lingshanwei/catalogue/${item.url_key}`;
    const root = parse(await (await t.client().get(path)).text());
    const tag = (name: string) =>
      root.querySelectorAll(`head meta[name="${name}"]`).map((m) => m.getAttribute('content'));
    assert.deepEqual(tag('ArticleTitle'), [item.title]);
    assert.equal(tag('PubDate').length, 1);
    assert.ok(tag('PubDate')[0]?.startsWith(item.published_on ?? 'none'));
    assert.deepEqual(tag('ContentSource'), [item.issuer]);
    assert.deepEqual(tag('Author'), [item.issuer]);
    assert.deepEqual(tag('Keywords'), [item.keywords.split('、').join(',')]);
    assert.deepEqual(tag('Url'), [`${SITE}${path}`]);
    assert.deepEqual(tag('ColumnName'), ['法定主动公开内容']);
    assert.deepEqual(tag('ColumnType'), ['目录']);
    assert.equal(tag('ColumnDescription').length, 1);
    assert.equal(tag('ColumnKeywords').length, 1);
    assert.equal(tag('SiteName').length, 1);
    // One description (the item's summary), whatever the case of the name.
    const descriptions = root
      .querySelectorAll('head meta')
      .filter((m) => m.getAttribute('name')?.toLowerCase() === 'description');
    assert.deepEqual(
      descriptions.map((m) => m.getAttribute('content')),
      [item.summary],
    );
    assert.equal(
      root.querySelector('head link[rel="canonical"]')?.getAttribute('href'),
      `${SITE}${path}`,
    );
  });

  test('column pages carry no article tags', async () => {
    const root = parse(await (await t.client().get('/agencies/lingshanwei/catalogue')).text());
    assert.equal(root.querySelectorAll('head meta[name="ArticleTitle"]').length, 0);
    assert.equal(root.querySelectorAll('head meta[name="ColumnName"]').length, 1);
  });
});
