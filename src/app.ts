// The web application: middleware in order, then the portal, the console and the API.
// Built without a port so tests can call `app.request()` directly.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './web/env.js';
import { installErrorPages } from './web/errors.js';

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('staff', null);
    await next();
  });
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  installErrorPages(app);
  return app;
}
