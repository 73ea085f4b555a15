// Sign-in, sign-out and the supervisors' agency switcher.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { appendAuditEvent } from '../audit/audit-log.js';
import { ConsolePage } from '../web/layout.js';
import type { AppEnv } from '../web/env.js';
import { ErrorSummary, PostForm, SubmitButton, TextField } from '../web/forms.js';
import { getAccountForSignIn } from './account-repository.js';
import { clientAddress } from './client-address.js';
import { clearCookie, readCookie, SESSION_COOKIE, writeCookie } from './cookies.js';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password.js';
import { actorOf, agencyScope, canAccessAgency } from './policy.js';
import { createSession, deleteSession, hashToken, setCurrentAgency } from './sessions.js';
import { clearUser, lockedUntil, lockMessage, recordFailure, throttleKeys } from './throttle.js';

export const LOGIN_PATH = '/console/login';
const BAD_CREDENTIALS = '用户名或密码不正确。';

/** Only console paths of this site are followed after sign-in (no open redirect). */
export function safeNext(next: unknown): string {
  if (
    typeof next !== 'string' ||
    !next.startsWith('/console') ||
    next.startsWith('//') ||
    next.startsWith(LOGIN_PATH)
  ) {
    return '/console';
  }
  return /[\\\s]/.test(next) ? '/console' : next;
}

function LoginPage(props: { username: string; next: string; error?: string }) {
  return (
    <ConsolePage title="工作人员登录" staff={null}>
      <p>本页面供机关工作人员登录政府信息公开工作台。申请公开政府信息无需注册或登录。</p>
      <PostForm action={LOGIN_PATH} label="登录">
        <ErrorSummary errors={props.error ? { _form: props.error } : {}} title="登录未成功" />
        <input type="hidden" name="next" value={props.next} />
        <TextField
          name="username"
          label="用户名"
          value={props.username}
          autocomplete="username"
          required
        />
        <TextField
          name="password"
          label="密码"
          type="password"
          autocomplete="current-password"
          required
        />
        <SubmitButton>登录</SubmitButton>
      </PostForm>
    </ConsolePage>
  );
}

export function authRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(LOGIN_PATH, (c) => {
    const next = safeNext(c.req.query('next'));
    if (c.get('staff')) return c.redirect(next, 303);
    return c.html(<LoginPage username="" next={next} />);
  });

  app.post(LOGIN_PATH, async (c) => {
    const { db, clock } = c.get('deps');
    const body = await c.req.parseBody();
    const username =
      typeof body.username === 'string' ? body.username.trim().toLowerCase().slice(0, 100) : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(body.next);
    const now = clock.now();
    const keys = throttleKeys(username, clientAddress(c));

    const locked = await lockedUntil(
      db.kysely,
      keys.map((k) => k.key),
      now,
    );
    if (locked) {
      return c.html(
        <LoginPage username={username} next={next} error={lockMessage(locked, now)} />,
        429,
      );
    }

    const account = username ? await getAccountForSignIn(db.kysely, username) : null;
    // Verify against a dummy hash when the account is unknown: same work, same timing.
    const passwordOk = await verifyPassword(password, account?.passwordHash ?? (await dummyHash()));
    if (!account || !passwordOk || !account.isActive) {
      await db.kysely.transaction().execute(async (trx) => {
        await recordFailure(trx, keys, now);
        // The typed username is recorded only when it names a real account: an unknown
        // one may be a password typed into the wrong field.
        await appendAuditEvent(
          trx,
          {
            agencyId: account?.agencyId ?? null,
            actor: { id: null, label: account ? account.username : '未知用户名' },
            subjectType: 'account',
            subjectId: account?.id ?? '-',
            action: 'auth.login_failed',
            after: {
              reason: !account ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'inactive',
            },
          },
          clock,
        );
      });
      const nowLocked = await lockedUntil(
        db.kysely,
        keys.map((k) => k.key),
        now,
      );
      if (nowLocked)
        return c.html(
          <LoginPage username={username} next={next} error={lockMessage(nowLocked, now)} />,
          429,
        );
      return c.html(<LoginPage username={username} next={next} error={BAD_CREDENTIALS} />, 401);
    }

    const oldToken = readCookie(c, SESSION_COOKIE);
    // A hash made with weaker parameters than today's is upgraded now that the password is known.
    const params = c.get('deps').passwordParams;
    const upgraded = needsRehash(account.passwordHash, params)
      ? await hashPassword(password, params)
      : null;
    const session = await db.kysely.transaction().execute(async (trx) => {
      if (upgraded) {
        await trx
          .updateTable('accounts')
          .set({ password_hash: upgraded })
          .where('id', '=', account.id)
          .execute();
      }
      // A new session id at every sign-in: a token planted before sign-in is worthless after.
      if (oldToken) await deleteSession(trx, hashToken(oldToken));
      await clearUser(trx, keys[0]?.key ?? '');
      const created = await createSession(trx, account.id, account.agencyId, now);
      await appendAuditEvent(
        trx,
        {
          agencyId: account.agencyId,
          actor: { id: account.id, label: `${account.displayName}（${account.username}）` },
          subjectType: 'account',
          subjectId: account.id,
          action: 'auth.login',
        },
        clock,
      );
      return created;
    });
    writeCookie(c, SESSION_COOKIE, session.token);
    return c.redirect(next, 303);
  });

  app.post('/console/logout', async (c) => {
    const staff = c.get('staff');
    const { db, clock } = c.get('deps');
    if (staff) {
      await db.kysely.transaction().execute(async (trx) => {
        await deleteSession(trx, staff.sessionId);
        await appendAuditEvent(
          trx,
          {
            agencyId: staff.agencyId,
            actor: actorOf(staff),
            subjectType: 'account',
            subjectId: staff.accountId,
            action: 'auth.logout',
          },
          clock,
        );
      });
    }
    clearCookie(c, SESSION_COOKIE);
    return c.redirect(LOGIN_PATH, 303);
  });

  app.post('/console/agency', async (c) => {
    const staff = c.get('staff');
    if (!staff) return c.redirect(LOGIN_PATH, 303);
    const { db, clock } = c.get('deps');
    const body = await c.req.parseBody();
    const agencyId = typeof body.agencyId === 'string' ? body.agencyId : '';
    if (!staff.roles.includes('supervisor') && !staff.roles.includes('admin')) {
      throw new HTTPException(403, { message: '只有上级监督或系统管理员可以切换机关。' });
    }
    const scope = await agencyScope(db.kysely, staff);
    if (!canAccessAgency(scope, agencyId, 'read'))
      throw new HTTPException(403, { message: '您无权查看所选机关。' });
    await db.kysely.transaction().execute(async (trx) => {
      await setCurrentAgency(trx, staff.sessionId, agencyId);
      await appendAuditEvent(
        trx,
        {
          agencyId: staff.agencyId,
          actor: actorOf(staff),
          subjectType: 'account',
          subjectId: staff.accountId,
          action: 'auth.switch_agency',
          before: { currentAgencyId: staff.currentAgencyId },
          after: { currentAgencyId: agencyId },
        },
        clock,
      );
    });
    return c.redirect(safeNext(body.next ?? '/console'), 303);
  });

  return app;
}
