// Oversized request bodies are refused before anything reads them — the CSRF check and the
// form parsers included — with a Chinese message, and nothing is stored.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp({ demo: true });
});
after(() => t.close());

/** A body stream that would yield `total` bytes, counting what was actually pulled. */
function streamOf(total: number) {
  let sent = 0;
  const chunk = new Uint8Array(1024 * 1024);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled: () => sent };
}

test('a declared 2 GB upload gets 413 with a Chinese message, without its body being read', async () => {
  const { body, pulled } = streamOf(2 * 1024 ** 3);
  const res = await t.app.request('/console/login', {
    method: 'POST',
    body,
    headers: {
      origin: TEST_ORIGIN,
      'content-type': 'multipart/form-data; boundary=x',
      'content-length': String(2 * 1024 ** 3),
    },
    duplex: 'half',
  } as RequestInit);
  assert.equal(res.status, 413);
  assert.match(await res.text(), /超过 32 MB 的上限/);
  assert.ok(pulled() <= 2 * 1024 * 1024, `read ${pulled()} bytes of a refused body`);
});

test('a streamed body without a length is cut off at the limit, and no session is created', async () => {
  const sessionsBefore = await t.db.kysely.selectFrom('sessions').select('id').execute();
  const { body, pulled } = streamOf(200 * 1024 * 1024);
  const res = await t.app.request('/console/login', {
    method: 'POST',
    body,
    headers: { origin: TEST_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    duplex: 'half',
  } as RequestInit);
  assert.equal(res.status, 413);
  assert.ok(pulled() < 40 * 1024 * 1024, `read ${pulled()} bytes before refusing`);
  const sessionsAfter = await t.db.kysely.selectFrom('sessions').select('id').execute();
  assert.equal(sessionsAfter.length, sessionsBefore.length);
});

test('the JSON API answers an oversized body with a JSON error in Chinese', async () => {
  const res = await t.app.request('/api/v1/agencies', {
    method: 'POST',
    body: '{}',
    headers: { 'content-type': 'application/json', 'content-length': String(100 * 1024 ** 2) },
  });
  assert.equal(res.status, 413);
  const json = (await res.json()) as { error: { status: number; message: string } };
  assert.equal(json.error.status, 413);
  assert.match(json.error.message, /上限/);
});
