// The administrators' lists (agencies, accounts) are the shared list pieces: filters that
// narrow, sorting by a column, pages of 50, and a bad filter value said in Chinese, not a 500.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/app.js';

/** The usernames in the accounts table of a list page, in the order shown. */
function usernames(html: string): string[] {
  return [...html.matchAll(/<a href="\/console\/accounts\/[0-9a-f-]+">([^<]+)<\/a>/g)].map(
    (m) => m[1] ?? '',
  );
}

describe('console lists', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
    // 60 more accounts in the demo agency, so the list has two pages.
    const now = t.clock.now().toISOString();
    await t.db.kysely
      .insertInto('accounts')
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          id: randomUUID(),
          agency_id: t.demo!.agency.id,
          username: `bulk.${String(i).padStart(2, '0')}`,
          display_name: `批量${i}`,
          password_hash: 'x',
          is_active: i % 2,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  });
  after(async () => t.close());

  test('accounts: pages of 50 in username order, the pager links the next page', async () => {
    const admin = await t.signIn('lsw-admin');
    const first = await (await admin.get('/console/accounts')).text();
    const shown = usernames(first);
    assert.equal(shown.length, 50);
    assert.deepEqual(shown, [...shown].sort());
    assert.match(first, /共 66 条，第 1\/2 页/);
    assert.match(first, /href="\/console\/accounts\?page=2"/);
    const second = usernames(await (await admin.get('/console/accounts?page=2')).text());
    assert.equal(second.length, 16);
    assert.equal(new Set([...shown, ...second]).size, 66, 'no account on both pages');
  });

  test('accounts: role, status and text filters narrow the list; sorting by name reverses', async () => {
    const admin = await t.signIn('lsw-admin');
    assert.deepEqual(usernames(await (await admin.get('/console/accounts?role=reviewer')).text()), [
      'lsw-reviewer',
    ]);
    const inactive = usernames(await (await admin.get('/console/accounts?status=inactive')).text());
    assert.equal(inactive.length, 30);
    assert.ok(inactive.every((u) => u.startsWith('bulk.')));
    assert.deepEqual(usernames(await (await admin.get('/console/accounts?q=bulk.0')).text()), [
      'bulk.00',
      'bulk.01',
      'bulk.02',
      'bulk.03',
      'bulk.04',
      'bulk.05',
      'bulk.06',
      'bulk.07',
      'bulk.08',
      'bulk.09',
    ]);
    // A typed % is a character to find, not a wildcard.
    assert.deepEqual(usernames(await (await admin.get('/console/accounts?q=%25')).text()), []);
    const byName = usernames(
      await (await admin.get('/console/accounts?q=lsw&sort=username&dir=desc')).text(),
    );
    assert.deepEqual(byName, [...byName].sort().reverse());
    assert.ok(byName.length >= 6);
  });

  test('accounts: a bad filter value is ignored and said in Chinese', async () => {
    const admin = await t.signIn('lsw-admin');
    const res = await admin.get('/console/accounts?role=root&page=abc');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /角色“root”无效，已忽略/);
    assert.match(html, /页码“abc”无效/);
    assert.equal(usernames(html).length, 50);
  });

  test('agencies: the text and level filters keep tree order', async () => {
    const admin = await t.signIn('hd-platform');
    const all = await (await admin.get('/console/agencies')).text();
    assert.match(all, /灵山卫街道办事处/);
    assert.match(all, /<td>青岛市黄岛区人民政府/);
    const streets = await (await admin.get('/console/agencies?level=township')).text();
    assert.match(streets, /灵山卫街道办事处/);
    assert.doesNotMatch(streets, /<td>青岛市黄岛区人民政府/);
    const found = await (
      await admin.get(`/console/agencies?q=${encodeURIComponent('灵山')}`)
    ).text();
    assert.match(found, /灵山卫街道办事处/);
    assert.doesNotMatch(found, /<td>青岛市黄岛区人民政府/);
    const none = await (
      await admin.get(`/console/agencies?q=${encodeURIComponent('不存在')}`)
    ).text();
    assert.match(none, /没有符合条件的机关/);
  });
});
