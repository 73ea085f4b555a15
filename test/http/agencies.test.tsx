// Agency and account administration in the console: forms, Chinese errors, audit
// events, and the boundaries between agencies and roles (403).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAgency } from '../../src/agencies/agency-service.js';
import { createAccount } from '../../src/auth/account-service.js';
import { hashToken } from '../../src/auth/sessions.js';
import { agencyInput } from '../support/agencies.js';
import { createTestApp, type TestApp } from '../support/app.js';

const NEW_AGENCY = {
  fullName: '灵山卫街道东岳路社区居民委员会',
  shortName: '东岳路社区',
  slug: 'dongyuelu',
  code: '00001333-8',
  level: 'township',
  kind: 'government',
  officeName: '社区办公室',
  officeAddress: '',
  officeHours: '',
  officePhone: '0532-8000000',
  officeFax: '',
  officeEmail: '',
  officeWebsite: '',
};

describe('agency administration', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(async () => t.close());

  test('an administrator creates an agency below their own; the change is audited', async () => {
    const admin = await t.signIn('lsw-admin');
    const form = await admin.get('/console/agencies/new');
    assert.equal(form.status, 200);
    const res = await admin.post('/console/agencies', {
      ...NEW_AGENCY,
      parentId: t.demo!.agency.id,
    });
    assert.equal(res.status, 303);
    const row = await t.db.kysely
      .selectFrom('agencies')
      .selectAll()
      .where('slug', '=', 'dongyuelu')
      .executeTakeFirstOrThrow();
    assert.equal(row.parent_id, t.demo!.agency.id);
    assert.equal(row.code, '000013338', 'code normalized');
    assert.equal(row.office_address, null, 'empty optional field stored as null');
    const ev = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('subject_id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(ev.action, 'agency.create');
    assert.equal(ev.chain_id, row.id);
    assert.match(ev.actor_label, /lsw-admin/);
    const list = await (await admin.get('/console/agencies')).text();
    assert.match(list, /灵山卫街道东岳路社区居民委员会/);
  });

  test('bad input comes back with Chinese errors next to the fields and the typed values kept', async () => {
    const admin = await t.signIn('lsw-admin');
    const res = await admin.post('/console/agencies', {
      ...NEW_AGENCY,
      parentId: t.demo!.agency.id,
      slug: 'Bad Slug!',
      code: '11100000000013338X',
      officeEmail: 'not-an-email',
      fullName: '测试机关',
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /网址标识只能用小写英文字母/);
    assert.match(html, /校验位不正确：按前 17 位计算，最后一位应为 W/);
    assert.match(html, /电子邮箱格式不正确/);
    assert.match(html, /name="fullName"[^>]*value="测试机关"/);
    assert.match(html, /name="code"[^>]*value="11100000000013338X"/);
    assert.match(html, /aria-invalid="true"/);
  });

  test('a slug already in use is refused', async () => {
    const admin = await t.signIn('lsw-admin');
    const res = await admin.post('/console/agencies', {
      ...NEW_AGENCY,
      slug: 'huangdao',
      parentId: t.demo!.agency.id,
    });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /该网址标识已被其他机关使用/);
  });

  test('an administrator edits their agency; typed changes are saved and audited with before/after', async () => {
    const admin = await t.signIn('lsw-admin');
    const id = t.demo!.agency.id;
    const form = await admin.get(`/console/agencies/${id}/edit`);
    assert.equal(form.status, 200);
    assert.match(await form.text(), /value="0532-83185761"/);
    const res = await admin.post(`/console/agencies/${id}`, {
      ...NEW_AGENCY,
      parentId: t.demo!.parent.id,
      fullName: '灵山卫街道办事处',
      shortName: '灵山卫街道',
      slug: 'lingshanwei',
      code: '11370211D00000021X',
      officeName: '综合办公室',
      officeAddress: '青岛市西海岸新区灵岩路77号',
      officePhone: '0532-83185761',
      officeHours: '工作日 9:00—17:00',
    });
    assert.equal(res.status, 303);
    const ev = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'agency.update')
      .executeTakeFirstOrThrow();
    assert.match(ev.before_json ?? '', /法定工作日/);
    assert.match(ev.after_json ?? '', /工作日 9:00—17:00/);
  });

  test('an administrator cannot edit the agency above their own, nor move theirs under a foreign one', async () => {
    const admin = await t.signIn('lsw-admin');
    assert.equal((await admin.get(`/console/agencies/${t.demo!.parent.id}/edit`)).status, 403);
    assert.equal(
      (
        await admin.post(`/console/agencies/${t.demo!.parent.id}`, {
          ...NEW_AGENCY,
          slug: 'huangdao',
        })
      ).status,
      403,
    );
    assert.equal(
      (
        await admin.post('/console/agencies', {
          ...NEW_AGENCY,
          slug: 'x-new',
          parentId: t.demo!.parent.id,
        })
      ).status,
      403,
    );
  });

  test('other roles get 403 on agency administration', async () => {
    for (const username of [
      'lsw-handler',
      'lsw-head',
      'lsw-reviewer',
      'lsw-publisher',
      'lsw-supervisor',
      'hd-supervisor',
    ]) {
      const s = await t.signIn(username);
      assert.equal((await s.get('/console/agencies')).status, 403, username);
      const res = await s.post('/console/agencies', {
        ...NEW_AGENCY,
        slug: `by-${username}`,
        parentId: t.demo!.agency.id,
      });
      assert.equal(res.status, 403, username);
      assert.match(await res.text(), /系统管理员/);
    }
    const none = await t.db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('slug', 'like', 'by-%')
      .execute();
    assert.equal(none.length, 0);
  });
});

describe('agency boundaries', () => {
  let t: TestApp;
  let otherId: string;
  before(async () => {
    t = await createTestApp({ demo: true });
    // A second, unrelated agency with its own administrator and handler.
    const other = await createAgency(
      t.deps,
      agencyInput({
        slug: 'other',
        fullName: '另一个机关',
        shortName: '另一机关',
        level: 'county',
      }),
      { id: null, label: 'test' },
    );
    assert.ok(other.ok);
    otherId = other.value.id;
    for (const [username, roles] of [
      ['other-admin', ['admin']],
      ['other-handler', ['handler']],
    ] as const) {
      const r = await createAccount(
        t.deps,
        {
          agencyId: otherId,
          username,
          displayName: username,
          password: 'gongkai-demo',
          roles: [...roles],
        },
        { id: null, label: 'test' },
      );
      assert.ok(r.ok);
    }
  });
  after(async () => t.close());

  test("the administrator of agency B gets 403 on agency A's pages and accounts", async () => {
    const b = await t.signIn('other-admin');
    assert.equal((await b.get(`/console/agencies/${t.demo!.agency.id}/edit`)).status, 403);
    const lswHandler = t.demo!.accounts['lsw-handler'] ?? '';
    assert.equal((await b.get(`/console/accounts/${lswHandler}`)).status, 403);
    assert.equal(
      (await b.post(`/console/accounts/${lswHandler}/roles`, { roles: ['admin'] })).status,
      403,
    );
    assert.equal(
      (await b.post(`/console/accounts/${lswHandler}/active`, { active: '0' })).status,
      403,
    );
    assert.equal(
      (await b.post(`/console/accounts/${lswHandler}/password`, { password: 'taken-over-123' }))
        .status,
      403,
    );
    assert.equal(
      (await b.post(`/console/accounts/${lswHandler}/email`, { email: 'x@example.com' })).status,
      403,
    );
    assert.equal((await b.get(`/console/audit?chain=${t.demo!.agency.id}`)).status, 403);
    const list = await (await b.get('/console/accounts')).text();
    assert.doesNotMatch(list, /lsw-handler/);
    assert.match(list, /other-handler/);
    // Nothing changed for A's handler.
    await t.signIn('lsw-handler');
  });

  test('an administrator of A cannot create an account in B', async () => {
    const a = await t.signIn('lsw-admin');
    const res = await a.post('/console/accounts', {
      username: 'sneaky',
      displayName: '某人',
      agencyId: otherId,
      roles: ['admin'],
      password: 'gongkai-demo-1',
    });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /请选择您管理的机关/);
    assert.equal(
      await t.db.kysely
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', 'sneaky')
        .executeTakeFirst(),
      undefined,
    );
  });

  test('the parent agency administrator manages the subordinate agency; its supervisor only reads', async () => {
    const r = await createAccount(
      t.deps,
      {
        agencyId: t.demo!.parent.id,
        username: 'hd-admin',
        displayName: '区管理员',
        password: 'gongkai-demo',
        roles: ['admin'],
      },
      { id: null, label: 'test' },
    );
    assert.ok(r.ok);
    const hdAdmin = await t.signIn('hd-admin');
    assert.equal((await hdAdmin.get(`/console/agencies/${t.demo!.agency.id}/edit`)).status, 200);
    assert.match(await (await hdAdmin.get('/console/accounts')).text(), /lsw-handler/);
    const sup = await t.signIn('hd-supervisor');
    assert.equal((await sup.get(`/console/agencies/${t.demo!.agency.id}/edit`)).status, 403);
  });

  test('a supervisor switches to a subordinate agency, but not to an unrelated one; others cannot switch', async () => {
    const sup = await t.signIn('hd-supervisor');
    const res = await sup.post('/console/agency', { agencyId: t.demo!.agency.id });
    assert.equal(res.status, 303);
    const row = await t.db.kysely
      .selectFrom('sessions')
      .select('current_agency_id')
      .where('id', '=', hashToken(sup.cookies.get('gk_session') ?? ''))
      .executeTakeFirstOrThrow();
    assert.equal(row.current_agency_id, t.demo!.agency.id);
    assert.match(await (await sup.get('/console')).text(), /当前机关：灵山卫街道办事处/);
    assert.equal((await sup.post('/console/agency', { agencyId: otherId })).status, 403);
    const handler = await t.signIn('lsw-handler');
    assert.equal(
      (await handler.post('/console/agency', { agencyId: t.demo!.agency.id })).status,
      403,
    );
    const lswSup = await t.signIn('lsw-supervisor');
    assert.equal(
      (await lswSup.post('/console/agency', { agencyId: t.demo!.parent.id })).status,
      403,
      'not upwards',
    );
  });
});

describe('account administration', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(async () => t.close());

  test('create an account: password rules in Chinese, then success and an audit event without the hash', async () => {
    const admin = await t.signIn('lsw-admin');
    const weak = await admin.post('/console/accounts', {
      username: 'zhang.san',
      displayName: '张三',
      agencyId: t.demo!.agency.id,
      roles: ['handler', 'reviewer'],
      password: 'short',
    });
    assert.equal(weak.status, 400);
    const html = await weak.text();
    assert.match(html, /密码太短：至少需要 10 个字符/);
    assert.match(html, /name="username"[^>]*value="zhang.san"/);
    assert.match(html, /value="reviewer"[^>]*checked/);
    const noRole = await admin.post('/console/accounts', {
      username: 'zhang.san',
      displayName: '张三',
      agencyId: t.demo!.agency.id,
      password: 'a-good-pass-1',
    });
    assert.match(await noRole.text(), /请至少选择一个角色/);
    const ok = await admin.post('/console/accounts', {
      username: 'Zhang.San',
      displayName: '张三',
      agencyId: t.demo!.agency.id,
      roles: ['handler', 'reviewer'],
      password: 'a-good-pass-1',
    });
    assert.equal(ok.status, 303);
    const acc = await t.db.kysely
      .selectFrom('accounts')
      .selectAll()
      .where('username', '=', 'zhang.san')
      .executeTakeFirstOrThrow();
    // Hashed with the parameters the app is given (the cheap test ones here).
    assert.match(acc.password_hash, /^scrypt\$v=1\$N=1024,r=8,p=1\$/);
    const roles = await t.db.kysely
      .selectFrom('account_roles')
      .select('role')
      .where('account_id', '=', acc.id)
      .orderBy('role')
      .execute();
    assert.deepEqual(
      roles.map((r) => r.role),
      ['handler', 'reviewer'],
    );
    const ev = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('subject_id', '=', acc.id)
      .executeTakeFirstOrThrow();
    assert.equal(ev.action, 'account.create');
    assert.doesNotMatch(`${ev.after_json}`, /scrypt|a-good-pass-1/);
    const dup = await admin.post('/console/accounts', {
      username: 'zhang.san',
      displayName: '张三',
      agencyId: t.demo!.agency.id,
      roles: ['handler'],
      password: 'a-good-pass-1',
    });
    assert.match(await dup.text(), /该用户名已被使用/);
  });

  test('set roles: the new roles take effect on the next request', async () => {
    const admin = await t.signIn('lsw-admin');
    const handler = await t.signIn('lsw-handler');
    assert.equal((await handler.get('/console/accounts')).status, 403);
    const id = t.demo!.accounts['lsw-handler'] ?? '';
    assert.equal(
      (await admin.post(`/console/accounts/${id}/roles`, { roles: ['handler', 'admin'] })).status,
      303,
    );
    assert.equal((await handler.get('/console/accounts')).status, 200);
    const empty = await admin.post(`/console/accounts/${id}/roles`, {});
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /请至少选择一个角色/);
    assert.equal(
      (await admin.post(`/console/accounts/${id}/roles`, { roles: ['handler'] })).status,
      303,
    );
    const ev = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'account.roles')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(ev.before_json ?? '', /admin/);
    assert.doesNotMatch(ev.after_json ?? '', /admin/);
  });

  test('e-mail address: a bad one is refused with what was typed kept; a good one is saved and audited', async () => {
    const admin = await t.signIn('lsw-admin');
    const id = t.demo!.accounts['lsw-handler'] ?? '';
    const bad = await admin.post(`/console/accounts/${id}/email`, { email: 'zhang.san@' });
    assert.equal(bad.status, 400);
    const page = await bad.text();
    assert.match(page, /电子邮箱格式不正确，如 zhang\.san@example\.gov\.cn/);
    assert.match(page, /value="zhang\.san@"/);
    const good = await admin.post(`/console/accounts/${id}/email`, {
      email: 'handler@lingshanwei.example.gov.cn',
    });
    assert.equal(good.status, 303);
    const row = await t.db.kysely
      .selectFrom('accounts')
      .select('email')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.email, 'handler@lingshanwei.example.gov.cn');
    const ev = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'account.email')
      .executeTakeFirstOrThrow();
    assert.match(ev.after_json ?? '', /handler@lingshanwei/);
    assert.equal(
      (await admin.post(`/console/accounts/${id}/email`, { email: '' })).status,
      303,
      'a blank address clears it',
    );
    const cleared = await t.db.kysely
      .selectFrom('accounts')
      .select('email')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(cleared.email, null);
    const handler = await t.signIn('lsw-handler');
    assert.equal(
      (await handler.post(`/console/accounts/${id}/email`, { email: 'x@example.com' })).status,
      403,
    );
  });

  test('an administrator cannot remove their own admin role or deactivate themselves', async () => {
    const admin = await t.signIn('lsw-admin');
    const self = t.demo!.accounts['lsw-admin'] ?? '';
    const res = await admin.post(`/console/accounts/${self}/roles`, { roles: ['handler'] });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /不能取消自己的系统管理员角色/);
    const off = await admin.post(`/console/accounts/${self}/active`, { active: '0' });
    assert.match(await off.text(), /不能停用自己的账号/);
  });

  test('reset password: the old password stops working and open sessions end', async () => {
    const admin = await t.signIn('lsw-admin');
    const victim = await t.signIn('lsw-head');
    const id = t.demo!.accounts['lsw-head'] ?? '';
    const weak = await admin.post(`/console/accounts/${id}/password`, { password: '1234567890' });
    assert.match(await weak.text(), /至少两类/);
    assert.equal(
      (await admin.post(`/console/accounts/${id}/password`, { password: 'new-pass-2024' })).status,
      303,
    );
    assert.equal((await victim.get('/console')).status, 303, 'the old session ended');
    await assert.rejects(t.signIn('lsw-head'));
    await t.signIn('lsw-head', 'new-pass-2024');
    const ev = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'account.password_reset')
      .executeTakeFirstOrThrow();
    assert.equal(ev.after_json, null);
  });

  test('deactivate: sessions end and sign-in is refused; reactivate restores it', async () => {
    const admin = await t.signIn('lsw-admin');
    const pub = await t.signIn('lsw-publisher');
    const id = t.demo!.accounts['lsw-publisher'] ?? '';
    assert.equal((await admin.post(`/console/accounts/${id}/active`, { active: '0' })).status, 303);
    assert.equal((await pub.get('/console')).status, 303);
    await assert.rejects(t.signIn('lsw-publisher'));
    assert.match(await (await admin.get('/console/accounts')).text(), /已停用/);
    assert.equal((await admin.post(`/console/accounts/${id}/active`, { active: '1' })).status, 303);
    await t.signIn('lsw-publisher');
  });

  test('non-administrators get 403 on account administration', async () => {
    const id = t.demo!.accounts['lsw-reviewer'] ?? '';
    for (const username of ['lsw-handler', 'lsw-reviewer', 'lsw-supervisor', 'hd-supervisor']) {
      const s = await t.signIn(username);
      assert.equal((await s.get('/console/accounts')).status, 403, username);
      assert.equal(
        (await s.post(`/console/accounts/${id}/roles`, { roles: ['admin'] })).status,
        403,
        username,
      );
    }
  });
});
