// Notices after a redirect: the helper builds the URL, the page shows only registered ones.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { NoticeBanner, noticeUrl, readNotice, redirectWithNotice } from './notice.js';

const NOTICES = { saved: { '1': '已保存。', password: '密码已重置。' } };

const app = new Hono()
  .post('/save', (c) => redirectWithNotice(c, '/list', 'saved'))
  .post('/reset', (c) => redirectWithNotice(c, '/accounts/a1', 'saved', 'password'))
  .get('/list', async (c) =>
    c.html(String((await NoticeBanner({ message: readNotice(c, NOTICES) })) ?? '')),
  );

test('a redirect with a notice is a 303 to the path with key=value in its query', async () => {
  const saved = await app.request('/save', { method: 'POST' });
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get('location'), '/list?saved=1');
  const reset = await app.request('/reset', { method: 'POST' });
  assert.equal(reset.headers.get('location'), '/accounts/a1?saved=password');
  assert.equal(noticeUrl('/x?year=2024', 'saved', 'a b'), '/x?year=2024&saved=a%20b');
});

test('the page shows the registered message as a status, and nothing for unknown values', async () => {
  assert.equal(
    await (await app.request('/list?saved=1')).text(),
    '<p class="notice" role="status">已保存。</p>',
  );
  assert.match(await (await app.request('/list?saved=password')).text(), /密码已重置。/);
  for (const query of ['', '?saved=%3Cb%3E', '?saved=toString', '?other=1']) {
    assert.equal(await (await app.request(`/list${query}`)).text(), '', query);
  }
});

test('a pattern notice shows its message only for a value matching the whole pattern', async () => {
  const years = {
    saved: {
      pattern: /\d{4}(,\d{4})*/,
      message: (v: string) => `已保存${v.split(',').join('、')}年。`,
    },
  };
  const page = new Hono().get('/cal', async (c) =>
    c.html(String((await NoticeBanner({ message: readNotice(c, years) })) ?? '')),
  );
  assert.match(await (await page.request('/cal?saved=2025,2026')).text(), /已保存2025、2026年。/);
  for (const query of ['?saved=2026x', '?saved=x2026', '?saved=%3Cb%3E2026', '?saved=']) {
    assert.equal(await (await page.request(`/cal${query}`)).text(), '', query);
  }
});
