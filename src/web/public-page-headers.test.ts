// The public page's headers on their own: the validator follows the bytes, Vary keeps what
// the page already varied by, and If-None-Match is compared as RFC 9110 says (weakly, lists,
// `*`). The headers on real pages, kept and rendered: test/http/public-page-headers.test.tsx.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import type { AppEnv } from './env.js';
import {
  etagOf,
  matchesEtag,
  notModified,
  PUBLIC_PAGE_CACHE_CONTROL,
  publicHeadersOf,
  publicPageHeaders,
} from './public-page-headers.js';
import { countReadsOf } from '../../test/support/read-back.js';

const bytes = (s: string) => new TextEncoder().encode(s);

test('the validator is the same for the same bytes and differs for others', () => {
  assert.equal(etagOf(bytes('<p>甲</p>')), etagOf(bytes('<p>甲</p>')));
  assert.notEqual(etagOf(bytes('<p>甲</p>')), etagOf(bytes('<p>乙</p>')));
  assert.match(etagOf(bytes('')), /^W\/"[\w-]{22}"$/);
  // A string is hashed as the UTF-8 bytes it is sent as.
  assert.equal(etagOf('<p>甲</p>'), etagOf(bytes('<p>甲</p>')));
});

test('the public headers keep the rendered ones, add the caching ones, drop the length', () => {
  const rendered = new Headers({
    'content-type': 'text/html; charset=UTF-8',
    'content-security-policy': "default-src 'self'",
    'content-length': '999',
    vary: 'accept-encoding, Origin',
  });
  const body = bytes('<p>页面</p>');
  const headers = publicHeadersOf(rendered, body);
  assert.equal(headers['cache-control'], PUBLIC_PAGE_CACHE_CONTROL);
  assert.equal(headers['vary'], 'accept-encoding, Origin, Cookie');
  assert.equal(headers['etag'], etagOf(body));
  assert.equal(headers['content-security-policy'], "default-src 'self'");
  assert.equal(headers['content-length'], undefined);
  assert.equal(publicHeadersOf(new Headers(), body)['vary'], 'Accept-Encoding, Cookie');
});

test('If-None-Match: weak comparison, lists and `*`', () => {
  const etag = 'W/"abc"';
  assert.ok(matchesEtag('W/"abc"', etag));
  assert.ok(matchesEtag('"abc"', etag));
  assert.ok(matchesEtag('"x", W/"abc" ', etag));
  assert.ok(matchesEtag('*', etag));
  assert.ok(!matchesEtag('W/"abcd"', etag));
  assert.ok(!matchesEtag('abc', etag));
  assert.ok(!matchesEtag('', etag));
  assert.ok(!matchesEtag(null, etag));
});

test('a 304 says how the page may be cached and has no body', async () => {
  const headers = publicHeadersOf(new Headers({ 'content-type': 'text/html' }), bytes('<p/>'));
  const res = notModified(headers['etag'], headers);
  assert.ok(res);
  assert.equal(res.status, 304);
  assert.equal(res.headers.get('cache-control'), PUBLIC_PAGE_CACHE_CONTROL);
  assert.equal(res.headers.get('vary'), 'Accept-Encoding, Cookie');
  assert.equal(res.headers.get('etag'), headers['etag']);
  assert.equal(await res.text(), '');
  assert.equal(notModified('W/"other"', headers), null);
  assert.equal(notModified(undefined, headers), null);
  assert.equal(notModified('*', { 'content-type': 'text/html' }), null);
});

/** An app whose pages get the public headers, counting the answers whose body was read back. */
function rendering() {
  let readBack = 0;
  const app = new Hono<AppEnv>();
  app.use(
    '*',
    publicPageHeaders((path) => path.startsWith('/p')),
  );
  app.use('*', async (c, next) => {
    c.set('staff', null);
    await next();
    countReadsOf(c.res, () => readBack++);
  });
  app.get('/p/html', (c) => c.html('<!DOCTYPE html><p>公开的页面</p>'));
  app.get('/p/feed', (c) =>
    c.body('<feed>条目</feed>', 200, { 'content-type': 'application/atom+xml' }),
  );
  return {
    app,
    get readBack() {
      return readBack;
    },
  };
}

test('a rendered page: the ETag is the hash of its body, taken without reading it back', async () => {
  const s = rendering();
  for (const [path, readBack] of [
    ['/p/html', 0],
    // Not made by `c.html`: its body is read back to be hashed.
    ['/p/feed', 1],
  ] as const) {
    const before = s.readBack;
    const res = await s.app.request(path);
    const body = new Uint8Array(await res.arrayBuffer());
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('etag'), etagOf(body), path);
    assert.equal(res.headers.get('content-length'), String(body.byteLength), path);
    assert.equal(res.headers.get('cache-control'), PUBLIC_PAGE_CACHE_CONTROL, path);
    assert.equal(s.readBack - before, readBack, path);
    const held = await s.app.request(path, {
      headers: { 'if-none-match': res.headers.get('etag')! },
    });
    assert.equal(held.status, 304, path);
    assert.equal(await held.text(), '', path);
    assert.equal(held.headers.get('etag'), etagOf(body), path);
  }
});
