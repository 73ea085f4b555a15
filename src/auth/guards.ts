// Route guards. Visitors are sent to the sign-in page; signed-in staff without the
// needed role get the Chinese 403 page (or a JSON error under /api/).
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../web/env.js';
import { ROLE_LABELS, type Role } from './roles.js';

/** The sign-in URL that brings the visitor back to `path` afterwards (same-site paths only). */
export function loginUrl(path: string): string {
  if (!path.startsWith('/console') || path.startsWith('/console/login')) return '/console/login';
  return `/console/login?next=${encodeURIComponent(path)}`;
}

export const requireStaff = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('staff')) {
    if (c.req.path.startsWith('/api/')) {
      return c.json({ error: { status: 401, message: '请先登录工作台' } }, 401);
    }
    const url = new URL(c.req.url);
    return c.redirect(loginUrl(url.pathname + (c.req.method === 'GET' ? url.search : '')), 303);
  }
  await next();
});

/** Passes when the signed-in account holds at least one of `roles`. */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const staff = c.get('staff');
    if (!staff) {
      if (c.req.path.startsWith('/api/')) {
        return c.json({ error: { status: 401, message: '请先登录工作台' } }, 401);
      }
      const url = new URL(c.req.url);
      return c.redirect(loginUrl(url.pathname + (c.req.method === 'GET' ? url.search : '')), 303);
    }
    if (!roles.some((r) => staff.roles.includes(r))) {
      throw new HTTPException(403, {
        message: `此操作需要以下角色之一：${roles.map((r) => ROLE_LABELS[r]).join('、')}。`,
      });
    }
    await next();
  });
}
