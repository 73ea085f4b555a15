// Route guards. Visitors are sent to the sign-in page; signed-in staff without the
// needed permission get the Chinese 403 page (or a JSON error under /api/).
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../web/env.js';
import { hasPermission, missingPermissionMessage, type Permission } from './policy.js';

export const LOGIN_PATH = '/console/login';

/** The sign-in URL that brings the visitor back to `path` afterwards (same-site paths only). */
export function loginUrl(path: string): string {
  if (!path.startsWith('/console') || path.startsWith(LOGIN_PATH)) return LOGIN_PATH;
  return `${LOGIN_PATH}?next=${encodeURIComponent(path)}`;
}

/** What a visitor gets where staff are expected: a 401 under /api/, else the sign-in page. */
function visitorResponse(c: Context<AppEnv>): Response {
  if (c.req.path.startsWith('/api/')) {
    return c.json({ error: { status: 401, message: '请先登录工作台' } }, 401);
  }
  const url = new URL(c.req.url);
  return c.redirect(loginUrl(url.pathname + (c.req.method === 'GET' ? url.search : '')), 303);
}

/**
 * Every console page but the sign-in page is for staff: a visitor is sent to sign in
 * before any feature's route runs, so no console route can answer a visitor with its own
 * 403 (or reveal whether an object exists).
 */
export const consoleForStaff = createMiddleware<AppEnv>(async (c, next) => {
  const path = c.req.path;
  const underConsole = path === '/console' || path.startsWith('/console/');
  if (underConsole && path !== LOGIN_PATH && !c.get('staff')) return visitorResponse(c);
  await next();
});

/** Passes when the signed-in account holds `permission` (see PERMISSIONS in policy.ts). */
export function requirePermission(permission: Permission) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const staff = c.get('staff');
    if (!staff) return visitorResponse(c);
    if (!hasPermission(staff, permission)) {
      throw new HTTPException(403, { message: missingPermissionMessage(permission) });
    }
    await next();
  });
}
