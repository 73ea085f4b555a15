// Rate limits on public writes (applications through the form and the API), per client
// address, on the sign-in throttle's table and its atomic reservation (throttle.ts): one
// `INSERT … ON CONFLICT DO UPDATE … WHERE count < limit RETURNING` per request, so however
// many requests arrive together — on however many instances — at most `limit` per address
// and 15-minute window get through. Unlike a sign-in, a granted request is never handed
// back: every accepted submission counts. See docs/decisions/0028-reliability-proofs.md.
import type { Context } from 'hono';
import type { AppEnv } from '../web/env.js';
import { clientAddress } from './client-address.js';
import { addressKey, reserveAttempt, WINDOW_MINUTES } from './throttle.js';

export interface RateLimit {
  /** Key prefix in the throttle table, e.g. 'apply'. */
  scope: string;
  /** Requests allowed per address and window. */
  limit: number;
}

/**
 * Applications per address in 15 minutes. High enough for a 政务服务 hall's front desk or
 * a school behind one address, low enough that a script cannot flood the work list.
 */
export const DEFAULT_APPLICATION_LIMIT = 30;

/** The applications limit of this deployment (APPLICATION_RATE_LIMIT; behind a proxy, higher). */
export function applicationLimit(c: Context<AppEnv>): RateLimit {
  return {
    scope: 'apply',
    limit: c.get('deps').config.applicationRateLimit ?? DEFAULT_APPLICATION_LIMIT,
  };
}

export const RATE_LIMITED_MESSAGE = `提交过于频繁：同一网络地址短时间内提交的申请过多，请 ${WINDOW_MINUTES} 分钟后再试。`;

/** Takes one slot for this request's address; false when the window's slots are used up. */
export async function takeRateSlot(c: Context<AppEnv>, limit: RateLimit): Promise<boolean> {
  const { db, clock } = c.get('deps');
  const reserved = await reserveAttempt(
    db.kysely,
    [addressKey(limit.scope, clientAddress(c), limit.limit)],
    clock.now(),
  );
  if (!reserved.ok) c.header('Retry-After', String(WINDOW_MINUTES * 60));
  return reserved.ok;
}
