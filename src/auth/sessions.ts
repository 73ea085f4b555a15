// Server-side staff sessions. The cookie carries a random token; the table stores only
// its SHA-256, so a copy of the table does not yield usable cookies. A session ends
// after `idleMinutes` without a request, and in any case ABSOLUTE_HOURS after sign-in.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { StaffSession } from '../web/env.js';
import { toRoles } from './roles.js';

type Q = Kysely<Database>;

export const ABSOLUTE_HOURS = 12;

/**
 * How stale `last_seen_at` may get. Writing it on every request would cost a write per page,
 * so a request writes it only when the stored value is at least this old. Idle expiry counts
 * from the stored value, so a session may end up to this much BEFORE `idleMinutes` have passed
 * since the true last request (never after). A twentieth of the idle time keeps that within
 * 5 % — 3 s for 1 minute, 6 s for 2 — and the interval never exceeds a minute, which it
 * reaches at 20 idle minutes (the default 120 ends at most 1 minute early, under 1 %).
 */
export function touchIntervalMs(idleMinutes: number): number {
  return Math.min(60_000, (idleMinutes * 60_000) / 20);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface NewSession {
  token: string;
  sessionId: string;
  csrfToken: string;
}

export async function createSession(
  db: Q,
  accountId: string,
  agencyId: string,
  now: Date,
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const sessionId = hashToken(token);
  await db
    .insertInto('sessions')
    .values({
      id: sessionId,
      account_id: accountId,
      csrf_token: csrfToken,
      current_agency_id: agencyId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ABSOLUTE_HOURS * 3_600_000).toISOString(),
    })
    .execute();
  return { token, sessionId, csrfToken };
}

export interface LoadedSession {
  staff: StaffSession;
  csrfToken: string;
}

/**
 * The live session for a cookie token, or null (unknown, expired, idle too long, or the
 * account deactivated). Expired sessions found here are deleted.
 */
export async function loadSession(
  db: Q,
  token: string,
  now: Date,
  idleMinutes: number,
): Promise<LoadedSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const id = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select([
      'sessions.id as id',
      'sessions.csrf_token as csrf_token',
      'sessions.current_agency_id as current_agency_id',
      'sessions.last_seen_at as last_seen_at',
      'sessions.expires_at as expires_at',
      'accounts.id as account_id',
      'accounts.username as username',
      'accounts.display_name as display_name',
      'accounts.agency_id as agency_id',
      'accounts.is_active as is_active',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const idleDeadline = new Date(row.last_seen_at).getTime() + idleMinutes * 60_000;
  if (
    now.getTime() >= new Date(row.expires_at).getTime() ||
    now.getTime() >= idleDeadline ||
    Number(row.is_active) !== 1
  ) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= touchIntervalMs(idleMinutes)) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
  }
  const roles = await db
    .selectFrom('account_roles')
    .select('role')
    .where('account_id', '=', row.account_id)
    .execute();
  return {
    csrfToken: row.csrf_token,
    staff: {
      sessionId: id,
      accountId: row.account_id,
      username: row.username,
      displayName: row.display_name,
      agencyId: row.agency_id,
      currentAgencyId: row.current_agency_id ?? row.agency_id,
      roles: toRoles(roles.map((r) => r.role)),
    },
  };
}

export async function deleteSession(db: Q, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function setCurrentAgency(db: Q, sessionId: string, agencyId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ current_agency_id: agencyId })
    .where('id', '=', sessionId)
    .execute();
}

/** Removes sessions past their absolute expiry (run by the recurring purge job). */
export async function purgeExpiredSessions(db: Q, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}
