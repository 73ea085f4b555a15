// The web application: middleware in order, then every feature's routes (src/features.ts).
// Built without a port so tests can call `app.request()` directly.
import { Hono } from 'hono';
import { csrfMiddleware } from './auth/csrf.js';
import { consoleForStaff } from './auth/guards.js';
import { securityHeaders } from './auth/security-headers.js';
import { sessionMiddleware } from './auth/session-middleware.js';
import type { AppDeps, AppEnv } from './web/env.js';
import { navItems } from './console/nav.js';
import { FEATURES, platformOf } from './features.js';
import { installErrorPages } from './web/errors.js';
import { requestLimit } from './web/request-limit.js';
import { refuseControlCharactersInUrl } from './web/url-text.js';
import { contextStorage } from 'hono/context-storage';
import { pageCache, servePageCache } from './web/page-cache.js';
import { publicPageHeaders } from './web/public-page-headers.js';

export interface AppOptions {
  /** Serve unchanged public pages from memory (default); off to measure what a page costs. */
  pageCache?: boolean;
}

export function createApp(deps: AppDeps, options: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const platform = platformOf(FEATURES);
  const nav = navItems(platform.nav);
  // Public pages (the ones the cache may keep) say so to browsers and shared caches, with
  // the same headers however they were answered: outermost, so it sees the finished answer.
  const publicPages = FEATURES.flatMap((f) => f.cachedPages ?? []);
  const isPublicPath = (path: string) => publicPages.some((re) => re.test(path));
  app.use('*', publicPageHeaders(isPublicPath));
  // Then the page cache: a page kept from before is answered before the app is entered (no
  // routing, no other middleware; its security headers were kept with it).
  if (options.pageCache !== false && publicPages.length > 0)
    servePageCache(app, pageCache(deps, { cacheable: isPublicPath }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('staff', null);
    c.set('consoleNav', nav);
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
  app.use('*', consoleForStaff);
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  for (const feature of FEATURES) if (feature.routes) app.route('/', feature.routes(platform));
  installErrorPages(app);
  return app;
}
