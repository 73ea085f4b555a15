// Sign-in throttling, kept in the database so it holds across restarts and processes.
//
// Every attempt is reserved per username and per client address BEFORE its password is
// checked: one `INSERT … ON CONFLICT (key) DO UPDATE … WHERE … RETURNING` per key counts the
// attempt in the key's window (or starts a new window) only while the count is below the
// limit, and returns a row only when it did. A single upsert is atomic on SQLite and
// PostgreSQL alike (PostgreSQL re-evaluates the condition on the newest row version), so
// however many requests arrive together, at most `limit` of them per key and window go on to
// a password check; the rest are refused without hashing. A check-then-write (read the
// count, then store count + 1) would let a burst read the same count and all pass.
//
// A reserved attempt that fails stays counted; when the count reaches the limit the key is
// locked for LOCK_MINUTES, after which counting starts again. A success clears the username's
// count and hands back its reservation on the address (only failures count against an
// address, which a whole office may share). Addresses are stored hashed.
// See docs/decisions/0010-sign-in-throttle.md.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Q = Kysely<Database>;

export const USERNAME_LIMIT = 5;
/** Higher than the per-user limit: a whole office may sign in from one address. */
export const ADDRESS_LIMIT = 20;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export interface ThrottleKey {
  key: string;
  limit: number;
  kind: 'user' | 'address';
}

/** A granted attempt: the key and the window it was counted in. */
export interface Reservation extends ThrottleKey {
  windowStartedAt: string;
}

export type ReserveResult =
  | { ok: true; reservations: Reservation[] }
  /** `lockedUntil` is null when the limit is taken up by checks still running. */
  | { ok: false; lockedUntil: Date | null };

export function throttleKeys(username: string, address: string): ThrottleKey[] {
  return [
    { key: `user:${username.trim().toLowerCase()}`, limit: USERNAME_LIMIT, kind: 'user' },
    addressKey('addr', address, ADDRESS_LIMIT),
  ];
}

/**
 * The key of a client address (stored hashed) in the throttle named `scope`: other checks
 * of a secret (the access code of a request, say) reuse the same reserve/fail/success steps.
 */
export function addressKey(scope: string, address: string, limit: number): ThrottleKey {
  const addr = createHash('sha256').update(address).digest('hex').slice(0, 32);
  return { key: `${scope}:${addr}`, limit, kind: 'address' };
}

// Inside ON CONFLICT DO UPDATE the existing row must be named by its table: PostgreSQL
// finds a bare column name ambiguous there (it could also mean the `excluded` row).
const cur = {
  attempts: sql.ref('login_throttle.attempts'),
  windowStartedAt: sql.ref('login_throttle.window_started_at'),
  lockedUntil: sql.ref('login_throttle.locked_until'),
};

/**
 * Reserves one attempt on every key before any password is checked. Each key takes one
 * statement that counts the attempt only if it is allowed (no lock, and the window's count
 * below the limit, or a new window), so concurrent attempts can never count past the limit.
 * When a later key refuses, the earlier keys' attempts are handed back.
 */
export async function reserveAttempt(
  db: Q,
  keys: ThrottleKey[],
  now: Date,
): Promise<ReserveResult> {
  const nowIso = now.toISOString();
  const windowCutoff = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();

  // A plain read first refuses keys already locked or full without writing anything, so a
  // burst against a locked username does not briefly fill its address's count (and so shut
  // out colleagues behind the same address). It only saves work; the upserts below decide.
  const rows = await db
    .selectFrom('login_throttle')
    .selectAll()
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .execute();
  let refused = false;
  let lockedUntil: Date | null = null;
  for (const row of rows) {
    const limit = keys.find((k) => k.key === row.key)?.limit ?? 0;
    const until = row.locked_until ? new Date(row.locked_until) : null;
    if (until && until > now) {
      refused = true;
      if (!lockedUntil || until > lockedUntil) lockedUntil = until;
    } else if (!until && row.window_started_at > windowCutoff && Number(row.attempts) >= limit) {
      refused = true;
    }
  }
  if (refused) return { ok: false, lockedUntil };

  // A lock that has run out, or a window that has, starts a new window with this attempt.
  const fresh = sql<boolean>`(${cur.lockedUntil} is not null or ${cur.windowStartedAt} <= ${windowCutoff})`;
  const granted: Reservation[] = [];
  for (const k of keys) {
    const row = await db
      .insertInto('login_throttle')
      .values({ key: k.key, attempts: 1, window_started_at: nowIso, locked_until: null })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({
            attempts: sql<number>`case when ${fresh} then 1 else ${cur.attempts} + 1 end`,
            window_started_at: sql<string>`case when ${fresh} then ${nowIso} else ${cur.windowStartedAt} end`,
            locked_until: null,
          })
          // Without this condition the row is left alone and nothing is returned: refused.
          .where(
            sql<boolean>`(${cur.lockedUntil} is null or ${cur.lockedUntil} <= ${nowIso})
              and (${fresh} or ${cur.attempts} < ${k.limit})`,
          ),
      )
      .returning('window_started_at')
      .executeTakeFirst();
    if (!row) {
      await releaseAttempt(db, granted);
      const current = await db
        .selectFrom('login_throttle')
        .select('locked_until')
        .where('key', '=', k.key)
        .executeTakeFirst();
      const until = current?.locked_until ? new Date(current.locked_until) : null;
      return { ok: false, lockedUntil: until && until > now ? until : null };
    }
    granted.push({ ...k, windowStartedAt: row.window_started_at });
  }
  return { ok: true, reservations: granted };
}

/**
 * Hands reservations back when no password was checked (another key refused, or the server
 * was too busy). Only the window they were counted in is touched: a newer window never loses
 * an attempt. A row left at zero is removed, so refused attempts leave no rows behind.
 */
export async function releaseAttempt(db: Q, reservations: Reservation[]): Promise<void> {
  for (const r of reservations) {
    await db
      .updateTable('login_throttle')
      .set({ attempts: sql<number>`attempts - 1` })
      .where('key', '=', r.key)
      .where('window_started_at', '=', r.windowStartedAt)
      .where('attempts', '>', 0)
      .execute();
    await db
      .deleteFrom('login_throttle')
      .where('key', '=', r.key)
      .where('attempts', '<=', 0)
      .where('locked_until', 'is', null)
      .execute();
  }
}

/**
 * Records that the reserved attempts failed their password check. The reservation already
 * counted them; a key whose count has reached its limit is locked for LOCK_MINUTES. Returns
 * the time until which any key is now locked, or null. Runs in the caller's transaction,
 * with the audit event.
 */
export async function recordFailure(
  db: Q,
  reservations: Reservation[],
  now: Date,
): Promise<Date | null> {
  const nowIso = now.toISOString();
  const lock = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
  let latest: Date | null = null;
  for (const r of reservations) {
    // If another attempt started a new window (or a success removed the row) while this
    // password was checked, this failure was not counted there yet: count it now.
    const count = sql<number>`case when ${cur.windowStartedAt} = ${r.windowStartedAt}
      then ${cur.attempts} else ${cur.attempts} + 1 end`;
    const row = await db
      .insertInto('login_throttle')
      .values({
        key: r.key,
        attempts: 1,
        window_started_at: nowIso,
        locked_until: r.limit <= 1 ? lock : null,
      })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          attempts: count,
          locked_until: sql<
            string | null
          >`case when ${cur.lockedUntil} > ${nowIso} then ${cur.lockedUntil}
            when ${count} >= ${r.limit} then ${lock}
            else ${cur.lockedUntil} end`,
        }),
      )
      .returning('locked_until')
      .executeTakeFirstOrThrow();
    const until = row.locked_until ? new Date(row.locked_until) : null;
    if (until && until.getTime() > now.getTime() && (!latest || until > latest)) latest = until;
  }
  return latest;
}

/** A successful sign-in clears the username's count and releases its address reservation. */
export async function recordSuccess(db: Q, reservations: Reservation[]): Promise<void> {
  const user = reservations.filter((r) => r.kind === 'user').map((r) => r.key);
  if (user.length > 0) await db.deleteFrom('login_throttle').where('key', 'in', user).execute();
  await releaseAttempt(
    db,
    reservations.filter((r) => r.kind !== 'user'),
  );
}

/** What a refused sign-in is told. */
export function refusalMessage(lockedUntil: Date | null, now: Date): string {
  if (!lockedUntil) {
    return '登录尝试过于频繁，请 1 分钟后再试。如忘记密码，请联系本机关的系统管理员重置。';
  }
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return `登录失败次数过多，已暂时锁定，请 ${minutes} 分钟后再试。如忘记密码，请联系本机关的系统管理员重置。`;
}
