// What the page cache keeps and when it lets go, over a fake change mark and clock: each
// guard on its own, the bound on entries, and a page rendered while the database moved on.
import assert from 'node:assert/strict';
import { syncBuiltinESMExports } from 'node:module';
import { mock, test } from 'node:test';
import zlib from 'node:zlib';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from './env.js';
import { pageCache, servePageCache } from './page-cache.js';
import { etagOf, PUBLIC_PAGE_CACHE_CONTROL } from './public-page-headers.js';
import { countReadsOf } from '../../test/support/read-back.js';

function setUp(options: { maxEntries?: number } = {}) {
  let mark: string | null = 'a';
  let now = new Date('2024-09-27T08:00:00.000Z');
  let renders = 0;
  let handled = 0;
  let readBack = 0;
  let onRender: () => unknown = () => {};
  const deps = {
    db: { dataVersion: () => mark },
    clock: { now: () => now },
  } as unknown as AppDeps;
  const app = new Hono<AppEnv>();
  servePageCache(app, pageCache(deps, { cacheable: (p) => p.startsWith('/p'), ...options }));
  app.use('*', async (c, next) => {
    c.set('staff', null);
    renders++;
    await onRender();
    await next();
    // Counts the answers whose body the cache reads back instead of taking what was rendered.
    countReadsOf(c.res, () => readBack++);
  });
  // Numbered in the order the handlers ran.
  const page = (name: string) => `<!DOCTYPE html><p>${name} ${++handled}</p>`;
  app.get('/p/plain', (c) => c.html(page('plain')));
  // Long enough that compressing it makes it smaller.
  app.get('/p/long', (c) => c.html(page('<li>关于征地补偿的公告</li>'.repeat(100))));
  app.get('/p/feed', (c) => c.body(page('feed'), 200, { 'content-type': 'application/atom+xml' }));
  app.get('/p/cookie', (c) => {
    setCookie(c, 'x', '1');
    return c.html(page('cookie'));
  });
  app.get('/p/no-store', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.html(page('no-store'));
  });
  app.get('/p/token', (c) => {
    c.set('csrfToken', 't');
    return c.html(page('token'));
  });
  app.get('/p/staff', (c) => {
    c.set('staff', { accountId: 'x' } as never);
    return c.html(page('staff'));
  });
  app.get('/p/json', (c) => c.json({ renders }));
  app.get('/p/missing', (c) => c.html(page('missing'), 404));
  app.get('/other', (c) => c.html(page('other')));
  app.post('/p/plain', (c) => c.html(page('posted')));
  return {
    app,
    get renders() {
      return renders;
    },
    get readBack() {
      return readBack;
    },
    setMark: (m: string | null) => (mark = m),
    setNow: (d: string) => (now = new Date(d)),
    onRender: (f: () => unknown) => (onRender = f),
    /** How many times the page at `path` was rendered for two requests. */
    async twice(path: string, init?: RequestInit) {
      const before = renders;
      const a = await (await app.request(path, init)).text();
      const b = await (await app.request(path, init)).text();
      return { renders: renders - before, same: a === b };
    },
  };
}

test('a plain page is rendered once and then served as it was', async () => {
  const s = setUp();
  assert.deepEqual(await s.twice('/p/plain'), { renders: 1, same: true });
  const res = await s.app.request('/p/plain');
  assert.equal(res.headers.get('content-type'), 'text/html; charset=UTF-8');
  assert.equal(res.headers.get('content-length'), String((await res.arrayBuffer()).byteLength));
});

const NEVER_KEPT: [string, string, RequestInit?][] = [
  ['sets a cookie', '/p/cookie'],
  ['forbids caches', '/p/no-store'],
  ['carries a form token', '/p/token'],
  ['was made for signed-in staff', '/p/staff'],
  ['is not HTML', '/p/json'],
  ['is not a 200', '/p/missing'],
  ['is not listed', '/other'],
  ['is a POST', '/p/plain', { method: 'POST' }],
  ['is asked for with a session cookie', '/p/plain', { headers: { cookie: 'gk_session=abc' } }],
  [
    'is asked for with a secure session cookie',
    '/p/plain',
    { headers: { cookie: 'gk_display=large; __Host-gk_session=abc' } },
  ],
];

for (const [why, path, init] of NEVER_KEPT) {
  test(`a page that ${why} is rendered every time, compressed or not`, async () => {
    const s = setUp();
    assert.equal((await s.twice(path, init)).renders, 2);
    const compressed = { ...init, headers: { ...init?.headers, 'accept-encoding': 'gzip, br' } };
    assert.equal((await s.twice(path, compressed)).renders, 2);
  });
}

test('without a change mark nothing is kept', async () => {
  const s = setUp();
  s.setMark(null);
  assert.equal((await s.twice('/p/plain')).renders, 2);
});

test('a new mark or a new day (CST) renders again', async () => {
  const s = setUp();
  await s.twice('/p/plain');
  s.setMark('b');
  assert.equal((await s.twice('/p/plain')).renders, 1);
  s.setNow('2024-09-27T15:59:59.000Z');
  assert.equal((await s.twice('/p/plain')).renders, 0);
  s.setNow('2024-09-27T16:00:00.000Z');
  assert.equal((await s.twice('/p/plain')).renders, 1);
});

test('the display setting and the query are kept apart; other cookies are not', async () => {
  const s = setUp();
  await s.twice('/p/plain');
  assert.equal((await s.twice('/p/plain', { headers: { cookie: 'gk_display=elder' } })).renders, 1);
  assert.equal((await s.twice('/p/plain', { headers: { cookie: 'gk_display=bogus' } })).renders, 0);
  assert.equal((await s.twice('/p/plain', { headers: { cookie: 'gk_csrf=x' } })).renders, 0);
  assert.equal((await s.twice('/p/plain?page=2')).renders, 1);
});

test('a page rendered while the database moved on is not kept for the new state', async () => {
  const s = setUp();
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  // The first request reads mark a, then waits in its render while the database changes
  // and a second request (mark b) renders and is kept.
  s.onRender(() => gate);
  const slow = s.app.request('/p/plain');
  await new Promise((r) => setImmediate(r));
  s.onRender(() => {});
  s.setMark('b');
  assert.match(await (await s.app.request('/p/plain')).text(), /plain 1/);
  release();
  assert.match(await (await slow).text(), /plain 2/);
  // What mark b gets is the page made under mark b, without rendering again.
  const before = s.renders;
  assert.match(await (await s.app.request('/p/plain')).text(), /plain 1/);
  assert.equal(s.renders, before);
});

test('at most maxEntries pages are kept, the least recently used dropped first', async () => {
  const s = setUp({ maxEntries: 2 });
  await s.app.request('/p/plain?1');
  await s.app.request('/p/plain?2');
  await s.app.request('/p/plain?1'); // 1 is now the most recent
  await s.app.request('/p/plain?3'); // drops 2
  const before = s.renders;
  await s.app.request('/p/plain?1');
  await s.app.request('/p/plain?3');
  assert.equal(s.renders, before);
  await s.app.request('/p/plain?2');
  assert.equal(s.renders, before + 1);
});

test('a kept page is answered with a 304 to a request holding it, without rendering', async () => {
  const s = setUp();
  const first = await s.app.request('/p/plain');
  const etag = first.headers.get('etag');
  assert.ok(etag);
  assert.equal(first.headers.get('cache-control'), PUBLIC_PAGE_CACHE_CONTROL);
  const before = s.renders;
  const held = await s.app.request('/p/plain', { headers: { 'if-none-match': etag } });
  assert.equal(held.status, 304);
  assert.equal(await held.text(), '');
  assert.equal(held.headers.get('etag'), etag);
  assert.equal(s.renders, before);
  // After a change the page is rendered again; the same bytes are the same validator.
  s.setMark('b');
  const again = await s.app.request('/p/plain', { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 200);
  assert.match(await again.text(), /plain 2/);
  assert.notEqual(again.headers.get('etag'), etag);
});

test('a page that is not kept is not marked public', async () => {
  const s = setUp();
  for (const path of ['/p/no-store', '/p/cookie', '/p/token', '/p/staff', '/p/missing']) {
    const res = await s.app.request(path);
    assert.equal(res.headers.get('etag'), null, path);
    assert.notEqual(res.headers.get('cache-control'), PUBLIC_PAGE_CACHE_CONTROL, path);
  }
});

test("a kept page's ETag is the hash of its body, taken as rendered; a 304 follows", async () => {
  const s = setUp();
  for (const [path, readBack] of [
    ['/p/plain', 0],
    // Not made by `c.html`: read back from the answer to be kept.
    ['/p/feed', 1],
  ] as const) {
    const before = s.readBack;
    const first = await s.app.request(path);
    const body = new Uint8Array(await first.arrayBuffer());
    assert.equal(s.readBack - before, readBack, path);
    const kept = await s.app.request(path);
    assert.deepEqual(new Uint8Array(await kept.arrayBuffer()), body, path);
    for (const res of [first, kept]) {
      assert.equal(res.headers.get('etag'), etagOf(body), path);
      assert.equal(res.headers.get('content-length'), String(body.byteLength), path);
    }
    const renders = s.renders;
    const held = await s.app.request(path, { headers: { 'if-none-match': etagOf(body) } });
    assert.equal(held.status, 304, path);
    assert.equal(s.renders, renders, path);
  }
});

test('a kept page is compressed in a coding only when first asked for in it', async (t) => {
  const br = mock.method(zlib, 'brotliCompressSync');
  const gzip = mock.method(zlib, 'gzipSync');
  // The page cache imported these by name: point those at the counting ones too.
  syncBuiltinESMExports();
  t.after(() => {
    mock.restoreAll();
    syncBuiltinESMExports();
  });
  const s = setUp();
  const calls = () => [br.mock.callCount(), gzip.mock.callCount()];
  const as = async (coding: string | null, headers: Record<string, string> = {}) => {
    const res = await s.app.request('/p/long', {
      headers: coding ? { ...headers, 'accept-encoding': coding } : headers,
    });
    await res.arrayBuffer();
    return res;
  };
  const plain = await as(null);
  assert.deepEqual(calls(), [0, 0], 'rendered and kept: nothing compressed yet');
  const etag = plain.headers.get('etag')!;
  assert.equal((await as('br', { 'if-none-match': etag })).status, 304);
  assert.deepEqual(calls(), [0, 0], 'a 304 sends nothing to compress');
  assert.equal((await as('gzip, br')).headers.get('content-encoding'), 'br');
  assert.equal((await as('br')).headers.get('content-encoding'), 'br');
  assert.deepEqual(calls(), [1, 0], 'br made once, on the first ask');
  const gzipped = await as('gzip');
  assert.equal(gzipped.headers.get('content-encoding'), 'gzip');
  assert.equal(gzipped.headers.get('etag'), etag);
  assert.equal(await as('gzip').then((r) => r.headers.get('content-encoding')), 'gzip');
  assert.deepEqual(calls(), [1, 1], 'gzip made once, on the first ask');
  assert.equal(s.renders, 1);
  // A page first rendered for a br request is compressed in br only.
  s.setMark('b');
  assert.equal((await as('br')).headers.get('content-encoding'), 'br');
  assert.deepEqual(calls(), [2, 1]);
});
