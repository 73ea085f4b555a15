// The audit log page: administrators see their agency's events and verify the chain; a
// tampered event is reported in Chinese; other roles and other agencies get 403.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/app.js';

function plain(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('audit log console', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(async () => t.close());

  test('an administrator sees the events of their agency, newest first, with Chinese labels', async () => {
    const admin = await t.signIn('lsw-admin');
    // The demo writes more than a page of events; the account events are the ones to compare.
    const res = await admin.get('/console/audit?subjectType=account');
    assert.equal(res.status, 200);
    const text = plain(await res.text());
    assert.match(text, /审计日志/);
    assert.match(text, /登录/);
    assert.match(text, /创建演示账号/);
    assert.ok(text.indexOf('登录') < text.indexOf('创建演示账号'), 'newest first');
  });

  test('filtering by subject shows only that subject', async () => {
    const admin = await t.signIn('lsw-admin');
    const id = t.demo!.accounts['lsw-reviewer'] ?? '';
    const text = plain(
      await (await admin.get(`/console/audit?subjectType=account&subjectId=${id}`)).text(),
    );
    assert.match(text, /共 1 条/);
    assert.match(text, new RegExp(id));
  });

  test('「校验」 reports an intact chain, then names the edited event', async () => {
    const admin = await t.signIn('lsw-admin');
    const chain = t.demo!.agency.id;
    const ok = plain(await (await admin.post('/console/audit/verify', { chain })).text());
    assert.match(ok, /校验通过：共 \d+ 条审计记录，哈希链完整/);
    await t.db.kysely
      .updateTable('audit_events')
      .set({ actor_label: '篡改者' })
      .where('chain_id', '=', chain)
      .where('seq', '=', 2)
      .execute();
    const bad = await admin.post('/console/audit/verify', { chain });
    assert.equal(bad.status, 200);
    assert.match(plain(await bad.text()), /校验未通过：第 2 条审计记录的内容已被改动/);
  });

  test('a deleted event is reported too', async () => {
    const admin = await t.signIn('lsw-admin');
    const chain = t.demo!.parent.id;
    // The parent chain is not the admin's: verifying it is refused.
    assert.equal((await admin.post('/console/audit/verify', { chain })).status, 403);
    const other = await createTestApp({ demo: true });
    try {
      const a = await other.signIn('lsw-admin');
      const own = other.demo!.agency.id;
      await other.db.kysely
        .deleteFrom('audit_events')
        .where('chain_id', '=', own)
        .where('seq', '=', 3)
        .execute();
      assert.match(
        plain(await (await a.post('/console/audit/verify', { chain: own })).text()),
        /第 3 条已被删除/,
      );
    } finally {
      await other.close();
    }
  });

  test('other roles get 403; another agency’s chain is refused', async () => {
    for (const username of ['lsw-handler', 'lsw-head', 'lsw-supervisor', 'hd-supervisor']) {
      const s = await t.signIn(username);
      assert.equal((await s.get('/console/audit')).status, 403, username);
      assert.equal(
        (await s.post('/console/audit/verify', { chain: t.demo!.agency.id })).status,
        403,
        username,
      );
    }
    const admin = await t.signIn('lsw-admin');
    assert.equal((await admin.get(`/console/audit?chain=${t.demo!.parent.id}`)).status, 403);
    assert.equal(
      (await admin.get('/console/audit?chain=system')).status,
      403,
      'the system chain is for top-level administrators',
    );
  });

  test('the verify button needs the CSRF token', async () => {
    const admin = await t.signIn('lsw-admin');
    assert.equal(
      (await admin.post('/console/audit/verify', { chain: t.demo!.agency.id }, { csrf: false }))
        .status,
      403,
    );
  });
});
