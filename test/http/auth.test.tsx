// Sign-in, sessions, CSRF, throttling and security headers, through the real app.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashToken } from '../../src/auth/sessions.js';
import { createTestApp, type TestApp } from '../support/app.js';

async function text(res: Response): Promise<string> {
  return (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

async function auditActions(t: TestApp): Promise<string[]> {
  const rows = await t.db.kysely
    .selectFrom('audit_events')
    .select('action')
    .orderBy('occurred_at')
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

describe('sign-in and sessions', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(async () => t.close());

  test('a visitor asking for a console page is sent to the sign-in page (303)', async () => {
    const res = await t.client().get('/console/accounts?x=1');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/console/login?next=%2Fconsole%2Faccounts%3Fx%3D1');
  });

  test('signing in sets an HttpOnly SameSite=Lax cookie, stores only its hash, and follows next', async () => {
    const v = t.client();
    const page = await v.get('/console/login?next=/console/accounts');
    assert.equal(page.status, 200);
    const res = await v.post('/console/login', {
      username: 'lsw-admin',
      password: 'gongkai-demo',
      next: '/console/accounts',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/console/accounts');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gk_session='));
    assert.ok(cookie);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/);
    const token = v.cookies.get('gk_session') ?? '';
    const rows = await t.db.kysely.selectFrom('sessions').select('id').execute();
    assert.ok(rows.some((r) => r.id === hashToken(token)));
    assert.ok(!rows.some((r) => r.id === token));
    assert.equal((await v.get('/console/accounts')).status, 200);
  });

  test('an outside next is ignored (no open redirect)', async () => {
    const v = t.client();
    await v.get('/console/login');
    const res = await v.post('/console/login', {
      username: 'lsw-handler',
      password: 'gongkai-demo',
      next: '//evil.example/console',
    });
    assert.equal(res.headers.get('location'), '/console');
  });

  test('a wrong password is refused in Chinese, and both outcomes are audited', async () => {
    const v = t.client();
    await v.get('/console/login');
    const res = await v.post('/console/login', {
      username: 'lsw-head',
      password: 'wrong-password-1',
    });
    assert.equal(res.status, 401);
    const html = await res.text();
    assert.match(html, /用户名或密码不正确/);
    assert.match(html, /name="username"[^>]*value="lsw-head"/, 'the typed username is kept');
    assert.doesNotMatch(html, /wrong-password-1/, 'the password is never echoed');
    assert.equal(v.cookies.has('gk_session'), false);
    const actions = await auditActions(t);
    assert.ok(actions.includes('auth.login_failed'));
    assert.ok(actions.includes('auth.login'));
    // The typed password is not in the audit log.
    const all = await t.db.kysely
      .selectFrom('audit_events')
      .select(['actor_label', 'after_json'])
      .execute();
    assert.ok(all.every((r) => !`${r.actor_label}${r.after_json}`.includes('wrong-password-1')));
  });

  test('an unknown username is audited without recording what was typed', async () => {
    const v = t.client();
    await v.get('/console/login');
    const res = await v.post('/console/login', { username: 'my-secret-pass', password: 'x' });
    assert.equal(res.status, 401);
    const rows = await t.db.kysely
      .selectFrom('audit_events')
      .select(['actor_label', 'chain_id'])
      .where('action', '=', 'auth.login_failed')
      .execute();
    assert.ok(rows.some((r) => r.chain_id === 'system' && r.actor_label === '未知用户名'));
    assert.ok(rows.every((r) => !r.actor_label.includes('my-secret-pass')));
  });

  test('signing out deletes the session: the old cookie no longer works', async () => {
    const s = await t.signIn('lsw-reviewer');
    const token = s.cookies.get('gk_session') ?? '';
    const res = await s.post('/console/logout');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/console/login');
    const row = await t.db.kysely
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', hashToken(token))
      .executeTakeFirst();
    assert.equal(row, undefined);
    const replay = t.client();
    replay.cookies.set('gk_session', token);
    assert.equal((await replay.get('/console/accounts')).status, 303);
    assert.ok((await auditActions(t)).includes('auth.logout'));
  });

  test('the session id changes at sign-in; a planted session is discarded', async () => {
    const first = await t.signIn('lsw-handler');
    const planted = first.cookies.get('gk_session') ?? '';
    const v = t.client();
    v.cookies.set('gk_session', planted);
    await v.get('/console/login');
    v.csrfToken = first.csrfToken; // the page rendered for the planted session
    const res = await v.post('/console/login', {
      username: 'lsw-publisher',
      password: 'gongkai-demo',
    });
    assert.equal(res.status, 303);
    assert.notEqual(v.cookies.get('gk_session'), planted);
    const old = await t.db.kysely
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', hashToken(planted))
      .executeTakeFirst();
    assert.equal(old, undefined);
  });
});

describe('CSRF', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(async () => t.close());

  test('the sign-in form is refused without its token, with a wrong one, and without the cookie', async () => {
    const v = t.client();
    await v.get('/console/login');
    assert.ok(v.cookies.has('gk_csrf'));
    const creds = { username: 'lsw-handler', password: 'gongkai-demo' };
    const missing = await v.post('/console/login', creds, { csrf: false });
    assert.equal(missing.status, 403);
    assert.match(await text(missing), /页面已过期/);
    assert.equal((await v.post('/console/login', creds, { csrf: 'forged-token' })).status, 403);
    const noCookie = t.client();
    noCookie.csrfToken = v.csrfToken;
    assert.equal((await noCookie.post('/console/login', creds)).status, 403);
    assert.equal((await v.post('/console/login', creds)).status, 303);
  });

  test('a signed-in POST needs the session token; the anonymous token of another cookie does not do', async () => {
    const s = await t.signIn('lsw-admin');
    const res = await s.post('/console/logout', {}, { csrf: false });
    assert.equal(res.status, 403);
    assert.equal((await s.get('/console/accounts')).status, 200, 'still signed in');
    const other = t.client();
    await other.get('/console/login');
    assert.equal((await s.post('/console/logout', {}, { csrf: other.csrfToken })).status, 403);
  });

  test('the token is accepted in the X-CSRF-Token header', async () => {
    const s = await t.signIn('lsw-head');
    const res = await s.fetch('/console/logout', {
      method: 'POST',
      headers: { 'x-csrf-token': s.csrfToken },
    });
    assert.equal(res.status, 303);
  });

  test('a foreign Origin or a cross-site fetch is refused even with a valid token', async () => {
    const s = await t.signIn('lsw-publisher');
    assert.equal(
      (await s.post('/console/logout', {}, { headers: { origin: 'https://evil.example' } })).status,
      403,
    );
    assert.equal(
      (await s.post('/console/logout', {}, { headers: { origin: 'null' } })).status,
      403,
    );
    assert.equal(
      (await s.post('/console/logout', {}, { headers: { 'sec-fetch-site': 'cross-site' } })).status,
      403,
    );
    assert.equal(
      (await s.post('/console/logout', {}, { headers: { origin: 'http://localhost' } })).status,
      303,
    );
  });

  test('API calls with a session need the header token and are refused in JSON', async () => {
    const s = await t.signIn('lsw-handler');
    const res = await s.json('POST', '/api/v1/anything', {}, { csrf: false });
    assert.equal(res.status, 403);
    const body = (await res.json()) as { error: { message: string } };
    assert.match(body.error.message, /页面已过期/);
    // With the token the request reaches routing (and this path does not exist).
    assert.equal((await s.json('POST', '/api/v1/anything', {})).status, 404);
  });

  test('sessionless JSON API calls need no token, but forms to the API and cross-site calls do', async () => {
    const v = t.client();
    assert.equal((await v.json('POST', '/api/v1/anything', {}, { csrf: false })).status, 404);
    assert.equal((await v.post('/api/v1/anything', {}, { csrf: false })).status, 403);
    const text = await v.fetch('/api/v1/anything', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(text.status, 403);
    assert.equal(
      (
        await v.json(
          'POST',
          '/api/v1/anything',
          {},
          { csrf: false, headers: { origin: 'https://evil.example' } },
        )
      ).status,
      403,
    );
  });
});

describe('session expiry', () => {
  test('an idle session ends after the configured minutes', async () => {
    const t = await createTestApp({ demo: true, config: { sessionIdleMinutes: 30 } });
    try {
      const s = await t.signIn('lsw-admin');
      t.clock.advance(29 * 60_000);
      assert.equal((await s.get('/console/accounts')).status, 200);
      // That request counted as activity: 29 more minutes are fine, 31 are not.
      t.clock.advance(29 * 60_000);
      assert.equal((await s.get('/console/accounts')).status, 200);
      t.clock.advance(31 * 60_000);
      const res = await s.get('/console/accounts');
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /^\/console\/login/);
      assert.equal(s.cookies.has('gk_session'), false, 'the dead cookie is cleared');
      assert.equal((await t.db.kysely.selectFrom('sessions').selectAll().execute()).length, 0);
    } finally {
      await t.close();
    }
  });

  test('an active session still ends 12 hours after sign-in', async () => {
    const t = await createTestApp({ demo: true, config: { sessionIdleMinutes: 120 } });
    try {
      const s = await t.signIn('lsw-admin');
      for (let h = 0; h < 11; h++) {
        t.clock.advance(60 * 60_000);
        assert.equal((await s.get('/console/accounts')).status, 200, `hour ${h + 1}`);
      }
      t.clock.advance(60 * 60_000);
      assert.equal((await s.get('/console/accounts')).status, 303);
    } finally {
      await t.close();
    }
  });
});

describe('throttling', () => {
  test('five failures lock the username for 15 minutes, even for the right password', async () => {
    const t = await createTestApp({ demo: true });
    try {
      const v = t.client();
      await v.get('/console/login');
      for (let i = 1; i <= 4; i++) {
        assert.equal(
          (await v.post('/console/login', { username: 'lsw-handler', password: `wrong-${i}` }))
            .status,
          401,
        );
      }
      const fifth = await v.post('/console/login', {
        username: 'lsw-handler',
        password: 'wrong-5',
      });
      assert.equal(fifth.status, 429);
      assert.match(await text(fifth), /登录失败次数过多，已暂时锁定，请 15 分钟后再试/);
      const right = await v.post('/console/login', {
        username: 'lsw-handler',
        password: 'gongkai-demo',
      });
      assert.equal(right.status, 429);
      assert.equal(v.cookies.has('gk_session'), false);
      // Another account from the same address is not locked by these five.
      assert.equal((await t.client().post('/console/login', {}, { csrf: false })).status, 403);
      await t.signIn('lsw-head');
      t.clock.advance(15 * 60_000 + 1000);
      assert.equal(
        (await v.post('/console/login', { username: 'lsw-handler', password: 'gongkai-demo' }))
          .status,
        303,
      );
    } finally {
      await t.close();
    }
  });

  test('failures spread over more than the window do not lock', async () => {
    const t = await createTestApp({ demo: true });
    try {
      const v = t.client();
      await v.get('/console/login');
      for (let i = 1; i <= 6; i++) {
        assert.equal(
          (await v.post('/console/login', { username: 'lsw-head', password: `wrong-${i}` })).status,
          401,
          `attempt ${i}`,
        );
        t.clock.advance(4 * 60_000);
      }
    } finally {
      await t.close();
    }
  });

  test('twenty failures from one address lock that address for every username', async () => {
    const t = await createTestApp({ demo: true });
    try {
      const v = t.client();
      await v.get('/console/login');
      for (let i = 1; i <= 20; i++)
        await v.post('/console/login', { username: `nobody-${i}`, password: 'x' });
      const res = await v.post('/console/login', {
        username: 'lsw-admin',
        password: 'gongkai-demo',
      });
      assert.equal(res.status, 429);
    } finally {
      await t.close();
    }
  });
});

describe('headers and cookies', () => {
  test('every response carries the security headers, with a strict CSP', async () => {
    const t = await createTestApp();
    try {
      const res = await t.client().get('/console/login');
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /object-src 'none'/);
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'same-origin');
      assert.equal(res.headers.get('strict-transport-security'), null);
    } finally {
      await t.close();
    }
  });

  test('with secure cookies the session cookie is __Host- prefixed and Secure, and HSTS is sent', async () => {
    const t = await createTestApp({ demo: true, config: { secureCookies: true } });
    try {
      const v = t.client();
      const page = await v.get('/console/login');
      assert.match(page.headers.get('strict-transport-security') ?? '', /max-age=/);
      assert.ok(v.cookies.has('__Host-gk_csrf'));
      const res = await v.post('/console/login', {
        username: 'lsw-admin',
        password: 'gongkai-demo',
      });
      assert.equal(res.status, 303);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-gk_session='));
      assert.ok(cookie);
      assert.match(cookie, /Secure/);
      assert.match(cookie, /Path=\//);
      assert.equal((await v.get('/console/accounts')).status, 200);
    } finally {
      await t.close();
    }
  });
});

describe('password upgrade', () => {
  test('a hash made with weaker parameters is upgraded at the next sign-in', async () => {
    const t = await createTestApp({ demo: true, passwordParams: { N: 2 ** 11, r: 8, p: 1 } });
    try {
      const before = await t.db.kysely
        .selectFrom('accounts')
        .select('password_hash')
        .where('username', '=', 'lsw-head')
        .executeTakeFirstOrThrow();
      assert.match(before.password_hash, /N=1024,/);
      await t.signIn('lsw-head');
      const after = await t.db.kysely
        .selectFrom('accounts')
        .select('password_hash')
        .where('username', '=', 'lsw-head')
        .executeTakeFirstOrThrow();
      assert.match(after.password_hash, /N=2048,/);
      await t.signIn('lsw-head');
      const again = await t.db.kysely
        .selectFrom('accounts')
        .select('password_hash')
        .where('username', '=', 'lsw-head')
        .executeTakeFirstOrThrow();
      assert.equal(again.password_hash, after.password_hash, 'not rehashed once strong enough');
    } finally {
      await t.close();
    }
  });
});
