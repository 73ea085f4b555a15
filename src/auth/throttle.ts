// Sign-in throttling, kept in the database so it holds across restarts and processes.
// Failures are counted per username and per client address within a window; reaching
// the limit locks that key for LOCK_MINUTES. Addresses are stored hashed.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Q = Kysely<Database>;

export const USERNAME_LIMIT = 5;
/** Higher than the per-user limit: a whole office may sign in from one address. */
export const ADDRESS_LIMIT = 20;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export function throttleKeys(username: string, address: string): { key: string; limit: number }[] {
  const addr = createHash('sha256').update(address).digest('hex').slice(0, 32);
  return [
    { key: `user:${username.trim().toLowerCase()}`, limit: USERNAME_LIMIT },
    { key: `addr:${addr}`, limit: ADDRESS_LIMIT },
  ];
}

/** The time until which any of `keys` is locked, or null. */
export async function lockedUntil(db: Q, keys: string[], now: Date): Promise<Date | null> {
  const rows = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('key', 'in', keys)
    .execute();
  let latest: Date | null = null;
  for (const r of rows) {
    if (!r.locked_until) continue;
    const t = new Date(r.locked_until);
    if (t.getTime() > now.getTime() && (!latest || t > latest)) latest = t;
  }
  return latest;
}

export async function recordFailure(
  db: Q,
  keys: { key: string; limit: number }[],
  now: Date,
): Promise<void> {
  for (const { key, limit } of keys) {
    const row = await db
      .selectFrom('login_throttle')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirst();
    const windowOpen =
      row && now.getTime() - new Date(row.window_started_at).getTime() < WINDOW_MINUTES * 60_000;
    const failures = windowOpen ? Number(row.failures) + 1 : 1;
    const windowStart = windowOpen ? row.window_started_at : now.toISOString();
    const locked =
      failures >= limit ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    // After a lock the count starts again, so the next lock needs another `limit` failures.
    const values = locked
      ? { failures: 0, window_started_at: now.toISOString(), locked_until: locked }
      : { failures, window_started_at: windowStart, locked_until: row?.locked_until ?? null };
    await db
      .insertInto('login_throttle')
      .values({ key, ...values })
      .onConflict((oc) => oc.column('key').doUpdateSet(values))
      .execute();
  }
}

/** A successful sign-in clears the username's count (not the address's). */
export async function clearUser(db: Q, userKey: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', userKey).execute();
}

export function lockMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `登录失败次数过多，已暂时锁定，请 ${minutes} 分钟后再试。如忘记密码，请联系本机关的系统管理员重置。`;
}
