// Cookies are HttpOnly and SameSite everywhere, Secure with the __Host- prefix behind TLS;
// signing in always issues a new session and ends the one the browser came with, so a
// session id planted before sign-in (session fixation) is worthless after it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashToken } from '../../src/auth/sessions.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { createTestApp, type TestApp } from '../support/app.js';

async function sessionExists(t: TestApp, token: string): Promise<boolean> {
  const row = await t.db.kysely
    .selectFrom('sessions')
    .select('id')
    .where('id', '=', hashToken(token))
    .executeTakeFirst();
  return row !== undefined;
}

describe('session cookies and rotation', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(() => t.close());

  test('signing in again rotates the session: new id, the old one ended', async () => {
    const first = await t.signIn('lsw-handler');
    const oldToken = first.cookies.get('gk_session')!;
    assert.ok(await sessionExists(t, oldToken));
    await first.get('/console/login');
    const res = await first.post('/console/login', {
      username: 'lsw-handler',
      password: DEMO_PASSWORD,
    });
    assert.equal(res.status, 303);
    const newToken = first.cookies.get('gk_session')!;
    assert.notEqual(newToken, oldToken);
    assert.equal(await sessionExists(t, oldToken), false);
    assert.ok(await sessionExists(t, newToken));
  });

  test('session cookie: HttpOnly, SameSite=Lax, Path=/; no Secure over plain HTTP', async () => {
    const client = t.client();
    await client.get('/console/login');
    const res = await client.post('/console/login', {
      username: 'lsw-head',
      password: DEMO_PASSWORD,
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gk_session='));
    assert.ok(cookie);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.match(cookie, /Path=\//);
    assert.doesNotMatch(cookie, /Secure/i);
  });
});

describe('behind TLS (SECURE_COOKIES=true)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true, config: { secureCookies: true } });
  });
  after(() => t.close());

  test('cookies are __Host- prefixed, Secure, HttpOnly and SameSite', async () => {
    const client = t.client();
    const page = await client.get('/console/login');
    const csrf = page.headers.getSetCookie().find((c) => c.startsWith('__Host-gk_csrf='));
    assert.ok(csrf, page.headers.getSetCookie().join(' | '));
    const res = await client.post('/console/login', {
      username: 'lsw-head',
      password: DEMO_PASSWORD,
    });
    assert.equal(res.status, 303);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-gk_session='));
    assert.ok(cookie, res.headers.getSetCookie().join(' | '));
    for (const c of [csrf, cookie]) {
      assert.match(c, /; Secure/i);
      assert.match(c, /HttpOnly/i);
      assert.match(c, /SameSite=Lax/i);
      assert.doesNotMatch(c, /Domain=/i);
    }
  });
});
