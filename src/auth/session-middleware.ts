// Loads the staff session from its cookie and puts it on the context (`staff`, and the
// session's CSRF token as `csrfToken`). Visitors get `staff = null`.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../web/env.js';
import { clearCookie, readCookie, SESSION_COOKIE } from './cookies.js';
import { loadSession } from './sessions.js';

export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const { db, clock, config } = c.get('deps');
  c.set('staff', null);
  const token = readCookie(c, SESSION_COOKIE);
  if (token) {
    const loaded = await loadSession(db.kysely, token, clock.now(), config.sessionIdleMinutes);
    if (loaded) {
      c.set('staff', loaded.staff);
      c.set('csrfToken', loaded.csrfToken);
    } else {
      clearCookie(c, SESSION_COOKIE);
    }
  }
  await next();
  // Console pages show personal data: never keep them in shared caches or history. Set on
  // the finished response's headers (as the security headers are): `c.header()` here would
  // copy the whole response.
  if (c.get('staff')) c.res.headers.set('Cache-Control', 'no-store');
});
