// The web application: middleware in order, then the portal, the console and the API.
// Built without a port so tests can call `app.request()` directly.
import { Hono } from 'hono';
import { agencyRoutes } from './agencies/agency-routes.js';
import { accountRoutes } from './auth/account-routes.js';
import { auditRoutes } from './audit/audit-routes.js';
import { authRoutes } from './auth/auth-routes.js';
import { csrfMiddleware } from './auth/csrf.js';
import { securityHeaders } from './auth/security-headers.js';
import { sessionMiddleware } from './auth/session-middleware.js';
import type { AppDeps, AppEnv } from './web/env.js';
import { installErrorPages } from './web/errors.js';
import { requestLimit } from './web/request-limit.js';
import { refuseControlCharactersInUrl } from './web/url-text.js';
import { contextStorage } from 'hono/context-storage';
import { staticRoutes } from './web/static-assets.js';
import { displayRoutes } from './web/display.js';
import { portalRoutes } from './portal/portal-routes.js';
import { consoleRoutes } from './console/console-routes.js';
import { apiRoutes } from './api/api-routes.js';
import { calendarRoutes } from './calendar/calendar-routes.js';
import { reportCheckRoutes } from './reports/check-console/check-routes.js';

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('staff', null);
    await next();
  });
  // Layouts read the request (display setting, staff, CSRF token) through this.
  app.use('*', contextStorage());
  // Security headers, then the staff session, then CSRF (which needs to know the session).
  app.use('*', securityHeaders({ https: deps.config.secureCookies }));
  app.use('*', requestLimit);
  app.use('*', refuseControlCharactersInUrl);
  app.use('*', sessionMiddleware);
  app.use('*', csrfMiddleware);
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.route('/', authRoutes());
  app.route('/', agencyRoutes());
  app.route('/', accountRoutes());
  app.route('/', auditRoutes());
  app.route('/', staticRoutes());
  app.route('/', displayRoutes());
  app.route('/', portalRoutes());
  app.route('/', consoleRoutes());
  app.route('/', apiRoutes());
  app.route('/', calendarRoutes());
  app.route('/', reportCheckRoutes());
  installErrorPages(app);
  return app;
}
