// Public pages kept as their finished bytes, for as long as nothing they are made from has
// changed. A public page is a function of its URL, the reader's display setting, the day in
// China Standard Time (the dated 「暂无信息」 notes) and the database; the database's change
// mark (`Db.dataVersion`) is one cheap read that differs after any write, by this process or
// another, through the app or not (on PostgreSQL, a write by another connection within
// STALENESS_BOUND_MS of its commit: src/db/change-listener.ts). So a page is served from here
// only while the mark, the day and the cache agree. See docs/decisions/0029-public-page-cache.md.
import type { Hono, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { parse as parseCookie } from 'hono/utils/cookie';
import type { AppDeps, AppEnv } from './env.js';
import { DISPLAY_COOKIE, isDisplayMode } from './display.js';
import { compress, preferredCoding, type Coding, type Compressed } from './content-coding.js';
import { isPublicAnswer, notModified, publicHeadersOf } from './public-page-headers.js';
import { rememberRenderedHtml, renderedHtmlOf } from './rendered-html.js';

/** What may be kept: ~20 KB pages, a few hundred distinct URLs (searches included). */
export const PAGE_CACHE_ENTRIES = 500;
export const PAGE_CACHE_BYTES = 16 * 1024 * 1024;

const encoder = new TextEncoder();

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One coding of a kept page. */
interface Copy {
  body: Uint8Array;
  /** The response's headers as a plain object (the server writes those without copying). */
  headers: Record<string, string>;
}

/**
 * A kept page as it was rendered, and in each coding asked for so far (content-coding.ts):
 * compressed the first time a request prefers that coding, so a page no one asks for in gzip
 * is never gzipped. Null where compressing did not make the page smaller.
 */
interface Entry {
  identity: Copy;
  compressed: Partial<Record<Compressed, Copy | null>>;
  /** All copies' bytes, counted against the bound. */
  bytes: number;
}

/**
 * A page rendered with `rendered`, to be kept: it carries the public page's headers
 * (src/web/public-page-headers.ts: caching, Vary, one ETag for every coding).
 */
function entryOf(body: Uint8Array, rendered: Headers): Entry {
  const headers = publicHeadersOf(rendered, body);
  headers['content-length'] = String(body.byteLength);
  return { identity: { body, headers }, compressed: {}, bytes: body.byteLength };
}

/** The pages of one state of the database on one day; replaced whole when either moves on. */
interface Generation {
  mark: string;
  day: number;
  pages: Map<string, Entry>;
  bytes: number;
}

/** How much one generation may hold. */
interface Bound {
  maxEntries: number;
  maxBytes: number;
}

/** Drops the least recently used pages (first in the map) until `generation` is in bound. */
function trim(generation: Generation, bound: Bound): void {
  for (const [k, e] of generation.pages) {
    if (generation.pages.size <= bound.maxEntries && generation.bytes <= bound.maxBytes) break;
    generation.pages.delete(k);
    generation.bytes -= e.bytes;
  }
}

export interface PageCacheOptions {
  /** Whether a path (no query) is a page made only from the inputs above. */
  cacheable: (path: string) => boolean;
  maxEntries?: number;
  maxBytes?: number;
}

/** The signed-in never get a kept page: their pages say who they are and are `no-store`. */
const hasSession = (cookie: string | undefined) => cookie?.includes('gk_session') === true;

/** A URL's path and query, as kept: everything from the first slash after the host. */
const pathAndQuery = (url: string) => url.slice(url.indexOf('/', url.indexOf('//') + 2));

const keyOf = (display: string | undefined, url: string) =>
  `${isDisplayMode(display) ? display : 'standard'} ${pathAndQuery(url)}`;

/**
 * The copy of `entry` in `coding`, compressed now if it is the first request for it; the
 * copy's bytes then count against `generation`'s bound, while the page is still kept there.
 */
function copyIn(
  generation: Generation,
  key: string,
  entry: Entry,
  coding: Coding,
  bound: Bound,
): Copy {
  if (coding === 'identity') return entry.identity;
  let copy = entry.compressed[coding];
  if (copy === undefined) {
    const body = compress(entry.identity.body, coding);
    copy = body && {
      body,
      headers: {
        ...entry.identity.headers,
        'content-length': String(body.byteLength),
        'content-encoding': coding,
      },
    };
    entry.compressed[coding] = copy;
    if (body) {
      entry.bytes += body.byteLength;
      if (generation.pages.get(key) === entry) {
        generation.bytes += body.byteLength;
        trim(generation, bound);
      }
    }
  }
  return copy ?? entry.identity;
}

/** The kept page in `coding`, or a 304 (nothing compressed) when the request already holds it. */
function answer(
  generation: Generation,
  key: string,
  entry: Entry,
  coding: Coding,
  ifNoneMatch: string | null | undefined,
  bound: Bound,
): Response {
  const unchanged = notModified(ifNoneMatch, entry.identity.headers);
  if (unchanged) return unchanged;
  const copy = copyIn(generation, key, entry, coding, bound);
  return new Response(copy.body, { status: 200, headers: copy.headers });
}

export interface PageCache {
  /**
   * The kept answer to a request, without entering the app, when it can be told at once:
   * a GET of a listed path with no session cookie, a change mark known without waiting (on
   * PostgreSQL, while the listener vouches for it) and a page kept under that mark and day.
   * Null sends the request through the app (and `middleware`), which decides the rest.
   */
  kept(request: Request): Response | null;
  /** First middleware of the app: keeps what may be kept, and serves it when `kept` could not. */
  middleware: MiddlewareHandler<AppEnv>;
}

/**
 * Pages are kept only when they came out as a public page (`isPublicAnswer`: a plain 200
 * HTML or Atom answer that set no cookie, carried no form token and asked no cache to stay
 * away), and are served with the public page's headers, as a 304 to a request that holds it.
 */
export function pageCache(deps: AppDeps, options: PageCacheOptions): PageCache {
  const bound: Bound = {
    maxEntries: options.maxEntries ?? PAGE_CACHE_ENTRIES,
    maxBytes: options.maxBytes ?? PAGE_CACHE_BYTES,
  };
  let current: Generation | null = null;
  const today = () => Math.floor((deps.clock.now().getTime() + CST_OFFSET_MS) / DAY_MS);
  /** The entry under `key` in the current generation, now the most recently used. */
  const lookUp = (generation: Generation, key: string) => {
    const kept = generation.pages.get(key);
    if (kept) {
      // Most recently used last, so the oldest is the one dropped.
      generation.pages.delete(key);
      generation.pages.set(key, kept);
    }
    return kept;
  };

  const kept = (request: Request): Response | null => {
    const dataVersion = deps.db.dataVersion;
    if (request.method !== 'GET' || !dataVersion || !current) return null;
    const url = request.url;
    const path = pathAndQuery(url).split('?', 1)[0]!;
    // A percent-encoded path is decoded by the router before `cacheable` sees it: left to it.
    if (path.includes('%') || !options.cacheable(path)) return null;
    const cookie = request.headers.get('cookie') ?? undefined;
    if (hasSession(cookie)) return null;
    const mark = dataVersion.call(deps.db);
    if (typeof mark !== 'string' || mark !== current.mark || today() !== current.day) return null;
    const display = cookie ? parseCookie(cookie, DISPLAY_COOKIE)[DISPLAY_COOKIE] : undefined;
    const key = keyOf(display, url);
    const entry = lookUp(current, key);
    if (!entry) return null;
    const headers = request.headers;
    return answer(
      current,
      key,
      entry,
      preferredCoding(headers.get('accept-encoding') ?? undefined),
      headers.get('if-none-match'),
      bound,
    );
  };

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const dataVersion = deps.db.dataVersion;
    if (c.req.method !== 'GET' || !dataVersion || !options.cacheable(c.req.path)) return next();
    if (hasSession(c.req.header('cookie'))) return next();
    const mark = await dataVersion.call(deps.db);
    if (mark === null) return next();
    // For the site data (src/web/site.ts): one read of the mark per request is enough.
    c.set('dataMark', mark);
    const day = today();
    if (!current || current.mark !== mark || current.day !== day)
      current = { mark, day, pages: new Map(), bytes: 0 };
    const generation = current;
    const key = keyOf(getCookie(c, DISPLAY_COOKIE), c.req.url);
    const coding = preferredCoding(c.req.header('accept-encoding'));
    const ifNoneMatch = c.req.header('if-none-match');
    const entry = lookUp(generation, key);
    if (entry) return answer(generation, key, entry, coding, ifNoneMatch, bound);

    rememberRenderedHtml(c);
    await next();
    const res = c.res;
    if (!isPublicAnswer(c, res)) return;
    // The page as rendered (not read back from the answer), and only the coding this request
    // asked for: others are compressed when first asked for.
    const html = renderedHtmlOf(c, res);
    const body = html !== null ? encoder.encode(html) : new Uint8Array(await res.arrayBuffer());
    const made = entryOf(body, res.headers);
    // Kept under the mark read before rendering: the page holds data at least that new, and
    // once the database has moved on the next request reads another mark and drops the whole
    // generation (a request that read a newer mark meanwhile has already replaced it).
    if (made.bytes <= bound.maxBytes) {
      const replaced = generation.pages.get(key);
      if (replaced) generation.bytes -= replaced.bytes;
      generation.pages.delete(key);
      generation.pages.set(key, made);
      generation.bytes += made.bytes;
      trim(generation, bound);
    }
    // Replace the answer rather than assign over it: Hono would merge the old headers into
    // a copy.
    c.res = undefined as unknown as Response;
    c.res = answer(generation, key, made, coding, ifNoneMatch, bound);
  };

  return { kept, middleware };
}

/**
 * Puts the page cache in front of `app`: its middleware first, and its kept answers before
 * the app is entered at all (no routing, context or other middleware: the kept answer has
 * the security headers it was first served with).
 */
export function servePageCache(app: Hono<AppEnv>, cache: PageCache): void {
  app.use('*', cache.middleware);
  const dispatch = app.fetch;
  app.fetch = (request, env, ctx) => cache.kept(request) ?? dispatch(request, env, ctx);
}
