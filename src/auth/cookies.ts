// Cookie names and options in one place. Over HTTPS the names carry the `__Host-`
// prefix, which browsers accept only with Secure, Path=/ and no Domain.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../web/env.js';

export const SESSION_COOKIE = 'gk_session';
export const ANON_CSRF_COOKIE = 'gk_csrf';

function secure(c: Context<AppEnv>): boolean {
  return c.get('deps').config.secureCookies;
}

export function readCookie(c: Context<AppEnv>, name: string): string | undefined {
  return secure(c) ? getCookie(c, name, 'host') : getCookie(c, name);
}

export function writeCookie(c: Context<AppEnv>, name: string, value: string): void {
  setCookie(c, name, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c),
    ...(secure(c) ? { prefix: 'host' as const } : {}),
  });
}

export function clearCookie(c: Context<AppEnv>, name: string): void {
  deleteCookie(c, name, {
    path: '/',
    secure: secure(c),
    ...(secure(c) ? { prefix: 'host' as const } : {}),
  });
}
