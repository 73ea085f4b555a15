// Static files (the one stylesheet). The URL carries a hash of the content, so browsers
// may cache it for a year: a changed file gets a new URL.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { AppEnv } from './env.js';

interface Asset {
  body: string;
  type: string;
  href: string;
}

function load(file: string, type: string): Asset {
  const body = readFileSync(new URL(`./static/${file}`, import.meta.url), 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dot = file.lastIndexOf('.');
  return { body, type, href: `/static/${file.slice(0, dot)}.${hash}${file.slice(dot)}` };
}

const stylesheet = load('gongkai.css', 'text/css; charset=utf-8');

/** The versioned URL of the site stylesheet. */
export const stylesheetHref = stylesheet.href;

const assets = new Map<string, Asset>([[stylesheet.href, stylesheet]]);

export function staticRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/static/:file', (c) => {
    const asset = assets.get(c.req.path);
    if (!asset) return c.notFound();
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(asset.body);
  });
  return app;
}
