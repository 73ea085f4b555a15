// The shared route guard and the notices after a redirect, on the agency and account pages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/app.js';

describe('authorize and notices on the administration pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(async () => t.close());

  test('a missing agency or account is 404 for an administrator, and 403 for anyone without the permission', async () => {
    const admin = await t.signIn('lsw-admin');
    assert.equal((await admin.get('/console/agencies/no-such-agency/edit')).status, 404);
    assert.equal((await admin.get('/console/accounts/no-such-account')).status, 404);
    const handler = await t.signIn('lsw-handler');
    const denied = await handler.get('/console/accounts/no-such-account');
    assert.equal(denied.status, 403, 'the permission is checked before the resource is looked up');
    assert.match(await denied.text(), /此操作（管理工作人员账号）需要以下角色之一：系统管理员/);
    const visitor = t.client();
    const res = await visitor.get('/console/agencies');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/console/login?next=%2Fconsole%2Fagencies');
  });

  test('a handler cannot switch agencies: the permission names the roles that may', async () => {
    const handler = await t.signIn('lsw-handler');
    const res = await handler.post('/console/agency', { agencyId: t.demo!.agency.id });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /上级监督、系统管理员/);
  });

  test('only registered notices are shown', async () => {
    const admin = await t.signIn('lsw-admin');
    const id = t.demo!.accounts['lsw-head'] ?? '';
    assert.match(await (await admin.get('/console/agencies?saved=1')).text(), /已保存。/);
    assert.match(
      await (await admin.get(`/console/accounts/${id}?saved=password`)).text(),
      /密码已重置，该账号需用新密码重新登录。/,
    );
    for (const path of ['/console/agencies?saved=x', `/console/accounts/${id}?saved=2`]) {
      assert.doesNotMatch(await (await admin.get(path)).text(), /role="status"/, path);
    }
  });
});
