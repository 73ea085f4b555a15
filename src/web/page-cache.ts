// Public pages kept as their finished bytes, for as long as nothing they are made from has
// changed. A public page is a function of its URL, the reader's display setting, the day in
// China Standard Time (the dated 「暂无信息」 notes) and the database; the database's change
// mark (`Db.dataVersion`) is one cheap read that differs after any write, by this process or
// another, through the app or not (on PostgreSQL, a write by another connection within
// STALENESS_BOUND_MS of its commit: src/db/change-listener.ts). So a page is served from here
// only while the mark, the day and the cache agree. See docs/decisions/0029-public-page-cache.md.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from './env.js';
import { DISPLAY_COOKIE, isDisplayMode } from './display.js';

/** What may be kept: ~20 KB pages, a few hundred distinct URLs (searches included). */
export const PAGE_CACHE_ENTRIES = 500;
export const PAGE_CACHE_BYTES = 16 * 1024 * 1024;

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Entry {
  body: Uint8Array;
  /** The response's headers as a plain object (the server writes those without copying). */
  headers: Record<string, string>;
}

/** The pages of one state of the database on one day; replaced whole when either moves on. */
interface Generation {
  mark: string;
  day: number;
  pages: Map<string, Entry>;
  bytes: number;
}

export interface PageCacheOptions {
  /** Whether a path (no query) is a page made only from the inputs above. */
  cacheable: (path: string) => boolean;
  maxEntries?: number;
  maxBytes?: number;
}

/**
 * The answers that may be kept: HTML pages, and the Atom feeds made from the same inputs.
 * Anything else (downloads, JSON, sitemaps of several megabytes) is always made afresh.
 */
const KEPT_TYPES = ['text/html', 'application/atom+xml'];
const isKeptType = (type: string | null) => KEPT_TYPES.some((t) => type?.startsWith(t) === true);

/** The signed-in never get a kept page: their pages say who they are and are `no-store`. */
const hasSession = (cookie: string | undefined) => cookie?.includes('gk_session') === true;

/**
 * The middleware; first in app.ts, so a kept page costs one change-mark read (no round trip
 * while PostgreSQL's listener vouches for it) and a map look-up and nothing else. Pages are kept only when they came out as a plain 200 HTML
 * answer that set no cookie, carried no form token and asked no cache to stay away.
 */
export function pageCache(deps: AppDeps, options: PageCacheOptions): MiddlewareHandler<AppEnv> {
  const maxEntries = options.maxEntries ?? PAGE_CACHE_ENTRIES;
  const maxBytes = options.maxBytes ?? PAGE_CACHE_BYTES;
  let current: Generation | null = null;

  return async (c, next) => {
    const dataVersion = deps.db.dataVersion;
    if (c.req.method !== 'GET' || !dataVersion || !options.cacheable(c.req.path)) return next();
    if (hasSession(c.req.header('cookie'))) return next();
    const mark = await dataVersion.call(deps.db);
    if (mark === null) return next();
    // For the site data (src/web/site.ts): one read of the mark per request is enough.
    c.set('dataMark', mark);
    const day = Math.floor((deps.clock.now().getTime() + CST_OFFSET_MS) / DAY_MS);
    if (!current || current.mark !== mark || current.day !== day)
      current = { mark, day, pages: new Map(), bytes: 0 };
    const generation = current;
    const display = getCookie(c, DISPLAY_COOKIE);
    const url = c.req.url;
    const key = `${isDisplayMode(display) ? display : 'standard'} ${url.slice(url.indexOf('/', url.indexOf('//') + 2))}`;

    const kept = generation.pages.get(key);
    if (kept) {
      // Most recently used last, so the oldest is the one dropped.
      generation.pages.delete(key);
      generation.pages.set(key, kept);
      return new Response(kept.body, { status: 200, headers: kept.headers });
    }

    await next();
    const res = c.res;
    if (
      res.status !== 200 ||
      !isKeptType(res.headers.get('content-type')) ||
      res.headers.has('set-cookie') ||
      res.headers.has('cache-control') ||
      c.get('csrfToken') ||
      c.get('staff')
    )
      return;
    const body = new TextEncoder().encode(await res.text());
    const headers: Record<string, string> = Object.fromEntries(res.headers);
    headers['content-length'] = String(body.byteLength);
    // Replace the answer rather than assign over it: Hono would merge the old headers into
    // a copy, and the body has just been read.
    c.res = undefined as unknown as Response;
    c.res = new Response(body, { status: 200, headers });
    // Kept under the mark read before rendering: the page holds data at least that new, and
    // once the database has moved on the next request reads another mark and drops the whole
    // generation (a request that read a newer mark meanwhile has already replaced it).
    if (body.byteLength > maxBytes) return;
    generation.pages.set(key, { body, headers });
    generation.bytes += body.byteLength;
    for (const [k, e] of generation.pages) {
      if (generation.pages.size <= maxEntries && generation.bytes <= maxBytes) break;
      generation.pages.delete(k);
      generation.bytes -= e.body.byteLength;
    }
  };
}
