// Sign-in, sign-out and the supervisors' agency switcher.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { appendAuditEvent } from '../audit/audit-log.js';
import { ConsolePage } from '../web/layout.js';
import type { AppEnv } from '../web/env.js';
import { ErrorSummary, PostForm, SubmitButton, TextField } from '../web/forms.js';
import { containsControlCharacter, textProblem } from '../validation/text-input.js';
import { getAccountForSignIn } from './account-repository.js';
import { clientAddress } from './client-address.js';
import { clearCookie, readCookie, SESSION_COOKIE, writeCookie } from './cookies.js';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password.js';
import { actorOf, agencyScope, canAccessAgency } from './policy.js';
import { createSession, deleteSession, hashToken, setCurrentAgency } from './sessions.js';
import { Semaphore } from './semaphore.js';
import {
  recordFailure,
  recordSuccess,
  refusalMessage,
  releaseAttempt,
  reserveAttempt,
  throttleKeys,
} from './throttle.js';

export const LOGIN_PATH = '/console/login';
const BAD_CREDENTIALS = '用户名或密码不正确。';
const BUSY = '系统繁忙，正在处理其他登录请求，请稍等片刻后重新登录。';

/**
 * Password checks of sign-ins in this process: two at a time (libuv has four threads, the
 * rest stay free for everyone else), and ten waiting — at ~0.8 s a check, about four
 * seconds' wait. Further sign-ins are told the system is busy, without hashing.
 */
const SIGN_IN_CHECKS = new Semaphore(2, 10);

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
  // A control character cannot go into the Location header (and names no page of ours).
  return /[\\\s]/.test(next) || containsControlCharacter(next) ? '/console' : next;
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
    // No account is named with control or invisible characters, and PostgreSQL refuses a NUL
    // in the lookup (and in the throttle key): say what is wrong before either is tried.
    const usernameProblem = textProblem(username, '用户名');
    if (usernameProblem)
      return c.html(<LoginPage username={username} next={next} error={usernameProblem} />, 400);
    const now = clock.now();
    const keys = throttleKeys(username, clientAddress(c));

    // The attempt is counted before any hashing: a burst cannot get more checks than the limit.
    const reserved = await reserveAttempt(db.kysely, keys, now);
    if (!reserved.ok) {
      return c.html(
        <LoginPage
          username={username}
          next={next}
          error={refusalMessage(reserved.lockedUntil, now)}
        />,
        429,
      );
    }

    const account = username ? await getAccountForSignIn(db.kysely, username) : null;
    const params = c.get('deps').passwordParams;
    const checked = await (c.get('deps').signInChecks ?? SIGN_IN_CHECKS).run(async () => {
      // Verify against a dummy hash when the account is unknown: same work, same timing.
      const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyHash(params)));
      // A hash made with weaker parameters than today's is upgraded now that the password is known.
      const upgraded =
        ok && account?.isActive && needsRehash(account.passwordHash, params)
          ? await hashPassword(password, params)
          : null;
      return { ok, upgraded };
    });
    if (!checked.ok) {
      // No password was checked, so the attempt does not count against anyone.
      await releaseAttempt(db.kysely, reserved.reservations);
      c.header('Retry-After', '5');
      return c.html(<LoginPage username={username} next={next} error={BUSY} />, 503);
    }
    const { ok: passwordOk, upgraded } = checked.value;

    if (!account || !passwordOk || !account.isActive) {
      const nowLocked = await db.kysely.transaction().execute(async (trx) => {
        const until = await recordFailure(trx, reserved.reservations, now);
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
        return until;
      });
      if (nowLocked)
        return c.html(
          <LoginPage username={username} next={next} error={refusalMessage(nowLocked, now)} />,
          429,
        );
      return c.html(<LoginPage username={username} next={next} error={BAD_CREDENTIALS} />, 401);
    }

    const oldToken = readCookie(c, SESSION_COOKIE);
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
      await recordSuccess(trx, reserved.reservations);
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
