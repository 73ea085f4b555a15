// The session use cases: sign-in (throttled, see docs/decisions/0010-sign-in-throttle.md),
// sign-out and the supervisors' agency switch. Each change and its audit event commit in one
// command; a failed sign-in commits too — its count on the throttle with its event.
import { actorOf, systemActor } from '../commands/actor.js';
import { runCommand, type ServiceDeps } from '../commands/command.js';
import { ok, type Result } from '../commands/result.js';
import { textProblem } from '../validation/text-input.js';
import type { StaffSession } from '../web/env.js';
import type { FieldErrors } from '../web/forms.js';
import { getAccountForSignIn } from './account-repository.js';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password.js';
import { Semaphore } from './semaphore.js';
import {
  createSession,
  deleteSession,
  hashToken,
  setCurrentAgency,
  type NewSession,
} from './sessions.js';
import {
  recordFailure,
  recordSuccess,
  refusalMessage,
  releaseAttempt,
  reserveAttempt,
  throttleKeys,
} from './throttle.js';

const BAD_CREDENTIALS = '用户名或密码不正确。';
const BUSY = '系统繁忙，正在处理其他登录请求，请稍等片刻后重新登录。';

/**
 * Password checks of sign-ins in this process: two at a time (libuv has four threads, the
 * rest stay free for everyone else), and ten waiting — at ~0.8 s a check, about four
 * seconds' wait. Further sign-ins are told the system is busy, without hashing.
 */
const SIGN_IN_CHECKS = new Semaphore(2, 10);

/**
 * Why a sign-in was refused: the typed name cannot be one (`invalid`), the throttle said no
 * (`throttled`), no password check was free (`busy`), or the credentials were wrong.
 */
export type SignInRefusal = 'invalid' | 'throttled' | 'busy' | 'wrong';

/** A Result whose errors come with the kind of refusal, which the page answers with a status. */
export type SignInResult =
  { ok: true; value: NewSession } | { ok: false; errors: FieldErrors; refusal: SignInRefusal };

export interface SignInInput {
  /** As typed. */
  username: string;
  password: string;
  /** The client's address, for the per-address throttle. */
  address: string;
  /** The session cookie the browser already had, replaced by the new one. */
  oldToken?: string | undefined;
}

/** The username a sign-in looks up: case and surrounding spaces do not matter. */
export function signInUsername(typed: string): string {
  return typed.trim().toLowerCase().slice(0, 100);
}

const refuse = (refusal: SignInRefusal, message: string): SignInResult => ({
  ok: false,
  errors: { _form: message },
  refusal,
});

export async function signIn(
  deps: ServiceDeps,
  input: SignInInput,
  checks: Semaphore = SIGN_IN_CHECKS,
): Promise<SignInResult> {
  const { db, clock, passwordParams: params } = deps;
  const username = signInUsername(input.username);
  // No account is named with control or invisible characters, and PostgreSQL refuses a NUL
  // in the lookup (and in the throttle key): say what is wrong before either is tried.
  const usernameProblem = textProblem(username, '用户名');
  if (usernameProblem) return refuse('invalid', usernameProblem);
  const now = clock.now();
  const keys = throttleKeys(username, input.address);

  // The attempt is counted before any hashing: a burst cannot get more checks than the limit.
  const reserved = await reserveAttempt(db.kysely, keys, now);
  if (!reserved.ok) return refuse('throttled', refusalMessage(reserved.lockedUntil, now));

  const account = username ? await getAccountForSignIn(db.kysely, username) : null;
  const checked = await checks.run(async () => {
    // Verify against a dummy hash when the account is unknown: same work, same timing.
    const ok = await verifyPassword(
      input.password,
      account?.passwordHash ?? (await dummyHash(params)),
    );
    // A hash made with weaker parameters than today's is upgraded now that the password is known.
    const upgraded =
      ok && account?.isActive && needsRehash(account.passwordHash, params)
        ? await hashPassword(input.password, params)
        : null;
    return { ok, upgraded };
  });
  if (!checked.ok) {
    // No password was checked, so the attempt does not count against anyone.
    await releaseAttempt(db.kysely, reserved.reservations);
    return refuse('busy', BUSY);
  }
  const { ok: passwordOk, upgraded } = checked.value;

  if (!account || !passwordOk || !account.isActive) {
    // The typed username is recorded only when it names a real account: an unknown one may
    // be a password typed into the wrong field.
    const failed = await runCommand(
      deps,
      systemActor(account ? account.username : '未知用户名'),
      async (ctx) => {
        const until = await recordFailure(ctx.trx, reserved.reservations, now);
        ctx.record({
          agencyId: account?.agencyId ?? null,
          subjectType: 'account',
          subjectId: account?.id ?? '-',
          action: 'auth.login_failed',
          after: {
            reason: !account ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'inactive',
          },
        });
        return ok(until);
      },
    );
    const nowLocked = failed.ok ? failed.value : null;
    return nowLocked
      ? refuse('throttled', refusalMessage(nowLocked, now))
      : refuse('wrong', BAD_CREDENTIALS);
  }

  const actor = actorOf({
    accountId: account.id,
    displayName: account.displayName,
    username: account.username,
  });
  const session = await runCommand(deps, actor, async (ctx) => {
    if (upgraded) {
      await ctx.trx
        .updateTable('accounts')
        .set({ password_hash: upgraded })
        .where('id', '=', account.id)
        .execute();
    }
    // A new session id at every sign-in: a token planted before sign-in is worthless after.
    if (input.oldToken) await deleteSession(ctx.trx, hashToken(input.oldToken));
    await recordSuccess(ctx.trx, reserved.reservations);
    const created = await createSession(ctx.trx, account.id, account.agencyId, now);
    ctx.record({
      agencyId: account.agencyId,
      subjectType: 'account',
      subjectId: account.id,
      action: 'auth.login',
    });
    return ok(created);
  });
  return session.ok ? session : refuse('wrong', BAD_CREDENTIALS);
}

/** Ends the staff member's session. */
export function signOut(deps: ServiceDeps, staff: StaffSession): Promise<Result<null>> {
  return runCommand(deps, actorOf(staff), async (ctx) => {
    await deleteSession(ctx.trx, staff.sessionId);
    ctx.record({
      agencyId: staff.agencyId,
      subjectType: 'account',
      subjectId: staff.accountId,
      action: 'auth.logout',
    });
    return ok(null);
  });
}

/** Points the session at another agency; the caller has checked that staff may read it. */
export function switchAgency(
  deps: ServiceDeps,
  staff: StaffSession,
  agencyId: string,
): Promise<Result<null>> {
  return runCommand(deps, actorOf(staff), async (ctx) => {
    await setCurrentAgency(ctx.trx, staff.sessionId, agencyId);
    ctx.record({
      agencyId: staff.agencyId,
      subjectType: 'account',
      subjectId: staff.accountId,
      action: 'auth.switch_agency',
      before: { currentAgencyId: staff.currentAgencyId },
      after: { currentAgencyId: agencyId },
    });
    return ok(null);
  });
}
