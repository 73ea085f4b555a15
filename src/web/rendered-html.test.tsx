// The HTML `c.html` rendered is remembered with the very answer made from it: the same bytes
// Hono's own `c.html` makes (async components, escaping, status and headers), and nothing once
// the answer has been replaced.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import type { AppEnv } from './env.js';
import { rememberRenderedHtml, renderedHtmlOf } from './rendered-html.js';

async function Slow(p: { name: string }) {
  await new Promise((r) => setImmediate(r));
  return <em>{p.name}</em>;
}

const Page = () => (
  <html lang="zh-CN">
    <body>
      <p title={'"引号" & <尖括号>'}>公开</p>
      <Slow name="<异步>" />
    </body>
  </html>
);

/** An app whose routes render through `c.html`, with or without remembering. */
function appOf(remember: boolean) {
  const seen: (string | null)[] = [];
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    if (remember) {
      rememberRenderedHtml(c);
      // Asked twice (the page cache and the public headers both ask): still one render.
      rememberRenderedHtml(c);
    }
    await next();
    seen.push(renderedHtmlOf(c, c.res));
  });
  app.get('/jsx', (c) => c.html(<Page />, 201, { 'x-made': 'jsx' }));
  app.get('/text', (c) => c.html('<p>文本</p>'));
  app.get('/replaced', async (c, next) => {
    await next();
    c.res = new Response('<p>另一个</p>', { headers: { 'content-type': 'text/html' } });
  });
  app.get('/replaced', (c) => c.html('<p>原来的</p>'));
  return { app, seen };
}

test('the page is the same byte for byte, and its HTML is remembered with its answer', async () => {
  const plain = appOf(false);
  const remembering = appOf(true);
  for (const path of ['/jsx', '/text']) {
    const want = await plain.app.request(path);
    const got = await remembering.app.request(path);
    const body = await got.text();
    assert.equal(body, await want.text(), path);
    assert.equal(got.status, want.status, path);
    assert.deepEqual([...got.headers], [...want.headers], path);
    assert.equal(remembering.seen.at(-1), body, path);
  }
  assert.match(remembering.seen[0] ?? '', /<em>&lt;异步&gt;<\/em>/);
});

test('nothing is remembered for an answer made otherwise or replaced', async () => {
  const { app, seen } = appOf(true);
  const res = await app.request('/replaced');
  assert.equal(await res.text(), '<p>另一个</p>');
  assert.equal(seen.at(-1), null);
  assert.equal((await app.request('/missing')).status, 404);
  assert.equal(seen.at(-1), null);
});
