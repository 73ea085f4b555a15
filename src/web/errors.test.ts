import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env.js';
import { installErrorPages, UNSTORABLE_TEXT, visitorMessage } from './errors.js';

/** An error shaped like the one `pg` raises for a NUL in a text parameter. */
function pgError(code: string): Error {
  return Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code });
}

test('PostgreSQL refusing the characters of a value is the visitor’s 400, not a 500', async () => {
  const app = new Hono<AppEnv>();
  app.get('/page', () => {
    throw pgError('22021');
  });
  app.get('/api/v1/thing', () => {
    throw pgError('22P05');
  });
  app.get('/broken', () => {
    throw pgError('57P01'); // the server went away: still our fault
  });
  installErrorPages(app);
  const logged: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(args[0]);
  try {
    const page = await app.request('/page');
    assert.equal(page.status, 400);
    assert.match(await page.text(), /含有无法保存的字符/);
    const api = await app.request('/api/v1/thing');
    assert.equal(api.status, 400);
    assert.deepEqual(await api.json(), { error: { status: 400, message: UNSTORABLE_TEXT } });
    assert.equal((await app.request('/broken')).status, 500);
  } finally {
    console.error = original;
  }
  // Still logged: each one is a field the shared text rule missed.
  assert.equal(logged.length, 3);
});

test('visitorMessage keeps our Chinese messages and hides everything else', () => {
  assert.equal(
    visitorMessage(new HTTPException(404, { message: '该机关不存在。' }), 404),
    '该机关不存在。',
  );
  assert.equal(
    visitorMessage(new HTTPException(400, { message: 'Bad Request' }), 400),
    '请求的格式有误，请检查填写的内容后重试。',
  );
  assert.equal(visitorMessage(pgError('22021'), 400), UNSTORABLE_TEXT);
  assert.equal(visitorMessage(pgError('22021'), 500), '系统暂时无法处理您的请求，请稍后再试。');
});
