// Route guards. Visitors are sent to the sign-in page; signed-in staff without the
// needed permission get the Chinese 403 page (or a JSON error under /api/).
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../web/env.js';
import { hasPermission, missingPermissionMessage, type Permission } from './policy.js';

/** The sign-in URL that brings the visitor back to `path` afterwards (same-site paths only). */
export function loginUrl(path: string): string {
  if (!path.startsWith('/console') || path.startsWith('/console/login')) return '/console/login';
  return `/console/login?next=${encodeURIComponent(path)}`;
}

/** What a visitor gets where staff are expected: a 401 under /api/, else the sign-in page. */
function visitorResponse(c: Context<AppEnv>): Response {
  if (c.req.path.startsWith('/api/')) {
    return c.json({ error: { status: 401, message: '请先登录工作台' } }, 401);
  }
  const url = new URL(c.req.url);
  return c.redirect(loginUrl(url.pathname + (c.req.method === 'GET' ? url.search : '')), 303);
}

export const requireStaff = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('staff')) return visitorResponse(c);
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
