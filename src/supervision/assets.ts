// The supervision pages' script, served as a versioned file: the CSP forbids inline scripts.
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../web/env.js';
import { PROGRESS_SCRIPT } from './progress-script.js';

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);

export const PROGRESS_SCRIPT_PATH = `/static/supervision/progress.${hash(PROGRESS_SCRIPT)}.js`;

export function supervisionAssetRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/static/supervision/:file', (c) => {
    if (c.req.path !== PROGRESS_SCRIPT_PATH) return c.notFound();
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(PROGRESS_SCRIPT);
  });
  return app;
}
