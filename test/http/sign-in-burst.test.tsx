// Simultaneous sign-ins: the throttle holds however many arrive together, a locked account
// or address gets no password check at all, and a full queue of checks is answered at once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Semaphore } from '../../src/auth/semaphore.js';
import { ADDRESS_LIMIT, USERNAME_LIMIT } from '../../src/auth/throttle.js';
import { verifyAuditChain } from '../../src/audit/audit-verify.js';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';

/** The sign-in semaphore, counting the password checks it lets run. */
class CountingChecks extends Semaphore {
  checks = 0;
  override run<T>(task: () => Promise<T>) {
    return super.run(() => {
      this.checks++;
      return task();
    });
  }
}

/** A demo app whose sign-ins go through `checks` (the app reads deps on every request). */
async function appWith(checks: Semaphore): Promise<TestApp> {
  const t = await createTestApp({ demo: true });
  t.deps.signInChecks = checks;
  return t;
}

async function failedSignIns(t: TestApp): Promise<number> {
  const rows = await t.db.kysely
    .selectFrom('audit_events')
    .select('seq')
    .where('action', '=', 'auth.login_failed')
    .execute();
  return rows.length;
}

/** Posts all sign-ins at once and waits for every answer. */
async function burst(
  v: TestClient,
  forms: { username: string; password: string }[],
): Promise<Response[]> {
  return Promise.all(forms.map((form) => v.post('/console/login', form)));
}

function statuses(responses: Response[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of responses) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

function sessionCookies(responses: Response[]): string[] {
  return responses.flatMap((r) =>
    r.headers.getSetCookie().filter((c) => c.startsWith('gk_session=')),
  );
}

describe('simultaneous sign-ins', () => {
  test('200 wrong passwords for one account at once get the limit of checks; once locked, the right one gets none', async () => {
    const checks = new CountingChecks(2, 1000);
    const t = await appWith(checks);
    try {
      const v = t.client();
      await v.get('/console/login');
      const wrong = Array.from({ length: 200 }, (_, i) => ({
        username: 'lsw-handler',
        password: `wrong-${i}`,
      }));
      const first = await burst(v, wrong);
      assert.equal(checks.checks, USERNAME_LIMIT);
      assert.equal(await failedSignIns(t), USERNAME_LIMIT, 'each check that failed is audited');
      const s = statuses(first);
      assert.equal((s[401] ?? 0) + (s[429] ?? 0), 200);
      assert.ok((s[429] ?? 0) >= 200 - USERNAME_LIMIT, 'the rest are refused');
      assert.equal((await verifyAuditChain(t.db.kysely, t.demo?.agency.id ?? '')).ok, true);

      // The account is locked now: a burst with the right password in the middle signs nobody in.
      const withRight = wrong.map((f, i) => (i === 100 ? { ...f, password: 'gongkai-demo' } : f));
      const second = await burst(v, withRight);
      assert.deepEqual(statuses(second), { 429: 200 });
      assert.match(await second[100]!.text(), /登录失败次数过多，已暂时锁定，请 15 分钟后再试/);
      assert.deepEqual(sessionCookies([...first, ...second]), []);
      assert.equal(checks.checks, USERNAME_LIMIT, 'no password was checked while locked');
      assert.equal(await failedSignIns(t), USERNAME_LIMIT);
      const sessions = await t.db.kysely
        .selectFrom('sessions')
        .select('id')
        .where('account_id', '=', t.demo?.accounts['lsw-handler'] ?? '')
        .execute();
      assert.equal(sessions.length, 0);
    } finally {
      await t.close();
    }
  });

  test('200 sign-ins with different usernames from one address get its limit of checks; then even right passwords are refused', async () => {
    const checks = new CountingChecks(2, 1000);
    const t = await appWith(checks);
    try {
      const v = t.client();
      await v.get('/console/login');
      // In-process requests all come from the same (unknown) address.
      const first = await burst(
        v,
        Array.from({ length: 200 }, (_, i) => ({ username: `nobody-${i}`, password: 'x' })),
      );
      assert.equal(checks.checks, ADDRESS_LIMIT);
      assert.equal(await failedSignIns(t), ADDRESS_LIMIT);
      assert.ok((statuses(first)[429] ?? 0) >= 200 - ADDRESS_LIMIT);

      const demo = ['lsw-handler', 'lsw-head', 'lsw-admin', 'lsw-publisher'];
      const second = await burst(
        v,
        Array.from({ length: 200 }, (_, i) => ({
          username: demo[i % demo.length] ?? '',
          password: i % 2 === 0 ? 'gongkai-demo' : 'wrong-password',
        })),
      );
      assert.deepEqual(statuses(second), { 429: 200 });
      assert.deepEqual(sessionCookies(second), []);
      assert.equal(checks.checks, ADDRESS_LIMIT, 'no password was checked while locked');
      assert.equal((await t.db.kysely.selectFrom('sessions').select('id').execute()).length, 0);
    } finally {
      await t.close();
    }
  });

  test('when every check slot and the queue are taken, a sign-in is told the system is busy at once, without hashing or counting', async () => {
    const checks = new CountingChecks(1, 0);
    const t = await appWith(checks);
    try {
      const v = t.client();
      await v.get('/console/login');
      let release!: () => void;
      const held = checks.run(() => new Promise<void>((resolve) => (release = resolve)));
      const busy = await v.post('/console/login', {
        username: 'lsw-admin',
        password: 'gongkai-demo',
      });
      assert.equal(busy.status, 503);
      assert.equal(busy.headers.get('retry-after'), '5');
      assert.match(await busy.text(), /系统繁忙，正在处理其他登录请求，请稍等片刻后重新登录/);
      assert.equal(checks.checks, 1, 'only the task holding the slot ran');
      assert.equal(await failedSignIns(t), 0);
      assert.deepEqual(
        await t.db.kysely.selectFrom('login_throttle').selectAll().execute(),
        [],
        'the attempt was handed back',
      );
      release();
      await held;
      const res = await v.post('/console/login', {
        username: 'lsw-admin',
        password: 'gongkai-demo',
      });
      assert.equal(res.status, 303);
    } finally {
      await t.close();
    }
  });
});
