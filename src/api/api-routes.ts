// The /api router: the OpenAPI document and the public /api/v1 endpoints of this folder.
// Other features mount their own /api/v1 routes and declare them in their feature.ts; the
// document lists what app.ts gives it.
import { Hono } from 'hono';
import type { AppEnv } from '../web/env.js';
import { agencyApiRoutes } from './agency-api.js';
import { buildOpenApiDocument, type ApiSpec } from './openapi.js';

export function apiRoutes(specs: readonly ApiSpec[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Public, read-only open data: any site may read it.
  app.use('/api/v1/agencies/*', async (c, next) => {
    await next();
    if (c.req.method === 'GET') c.header('Access-Control-Allow-Origin', '*');
  });
  app.use('/api/v1/agencies', async (c, next) => {
    await next();
    if (c.req.method === 'GET') c.header('Access-Control-Allow-Origin', '*');
  });
  let cached: string | null = null;
  app.get('/api/openapi.json', (c) => {
    cached ??= JSON.stringify(
      buildOpenApiDocument({ serverUrl: c.get('deps').config.publicUrl ?? '/', specs }),
      null,
      2,
    );
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(cached, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
  app.route('/', agencyApiRoutes());
  return app;
}
