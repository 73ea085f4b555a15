// The public page's headers on their own: the validator follows the bytes, Vary keeps what
// the page already varied by, and If-None-Match is compared as RFC 9110 says (weakly, lists,
// `*`). The headers on real pages, kept and rendered: test/http/public-page-headers.test.tsx.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  etagOf,
  matchesEtag,
  notModified,
  PUBLIC_PAGE_CACHE_CONTROL,
  publicHeadersOf,
} from './public-page-headers.js';

const bytes = (s: string) => new TextEncoder().encode(s);

test('the validator is the same for the same bytes and differs for others', () => {
  assert.equal(etagOf(bytes('<p>甲</p>')), etagOf(bytes('<p>甲</p>')));
  assert.notEqual(etagOf(bytes('<p>甲</p>')), etagOf(bytes('<p>乙</p>')));
  assert.match(etagOf(bytes('')), /^W\/"[\w-]{22}"$/);
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
