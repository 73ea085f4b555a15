// Which coding a kept page is sent in, from the Accept-Encoding a client sends, and that each
// compressed copy is the page itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compress, preferredCoding } from './content-coding.js';

test('the coding follows the header: br first on a tie, q-values weigh, q=0 refuses', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['gzip;q=0, *', 'br'],
    ['br;q=0, *;q=0.1', 'gzip'],
    ['*;q=0', 'identity'],
    ['deflate, identity', 'identity'],
    ['gzip;q=bogus', 'identity'],
  ];
  for (const [header, coding] of cases) assert.equal(preferredCoding(header), coding, header);
});

test('each compressed copy decompresses to the page, and is smaller', () => {
  const page = new TextEncoder().encode(
    `<!DOCTYPE html><ul>${'<li><a href="/agencies/x/catalogue/1">关于征地补偿的公告</a></li>'.repeat(200)}</ul>`,
  );
  const br = compress(page, 'br');
  const gzip = compress(page, 'gzip');
  assert.ok(br && gzip);
  assert.deepEqual(new Uint8Array(brotliDecompressSync(br)), page);
  assert.deepEqual(new Uint8Array(gunzipSync(gzip)), page);
  assert.ok(br.byteLength < page.byteLength / 5);
  // Too short to gain: the page itself is sent.
  const short = new TextEncoder().encode('<p>');
  assert.equal(compress(short, 'br'), null);
  assert.equal(compress(short, 'gzip'), null);
});
