// What browsers and shared caches (a proxy, a CDN in front of the portal) are told about a
// public page: the pages listed in `Feature.cachedPages`, made only from the URL, the display
// cookie, the day and the database. One definition, used by the page cache for what it keeps
// (src/web/page-cache.ts) and by `publicPageHeaders` for the same pages rendered by the app,
// so a page carries the same headers whichever answered it. Decision 0029.
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { rememberRenderedHtml, renderedHtmlOf } from './rendered-html.js';

/**
 * Any cache may keep a public page, but must ask again before every reuse: a withdrawn item
 * (撤回, perhaps for personal data published by mistake) must be gone from every copy on the
 * next view, not after a max-age. Asking again is cheap: the ETag lets the answer be a 304.
 */
export const PUBLIC_PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/**
 * A public page differs by the coding it is sent in and by the display cookie (字号, 长辈版):
 * a shared cache must not hand one reader's 长辈版 to another.
 */
const PUBLIC_PAGE_VARY = ['Accept-Encoding', 'Cookie'];

/**
 * The answers that may be public: HTML pages, and the Atom feeds made from the same inputs.
 * Anything else (downloads, JSON, sitemaps of several megabytes) is left as its route made it.
 */
const PUBLIC_TYPES = ['text/html', 'application/atom+xml'];

/**
 * Whether a finished answer to a listed path is a public page: a plain 200 of a public type
 * that set no cookie, carried no form token, was not made for signed-in staff and asked no
 * cache to stay away (signed-in pages are `no-store`: src/auth/session-middleware.ts).
 * Only such answers are kept by the page cache or marked public.
 */
export function isPublicAnswer(c: Context<AppEnv>, res: Response): boolean {
  const type = res.headers.get('content-type');
  return (
    res.status === 200 &&
    PUBLIC_TYPES.some((t) => type?.startsWith(t) === true) &&
    !res.headers.has('set-cookie') &&
    !res.headers.has('cache-control') &&
    !c.get('csrfToken') &&
    !c.get('staff')
  );
}

/**
 * A weak validator made from the page's bytes (before compression, so every coding of the
 * page shares it, as RFC 9110 §8.8.1 allows a weak one to). Made from the content rather than
 * from the change mark: the mark starts again when the process does, the bytes do not lie.
 * A string is hashed as its UTF-8 bytes, the bytes it is sent as: the same validator.
 */
export function etagOf(body: Uint8Array | string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

/** `vary` with each of `tokens` it lacks appended (compared without regard to case). */
function varyWith(vary: string | undefined, tokens: readonly string[]): string {
  const have = (vary ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const lower = new Set(have.map((t) => t.toLowerCase()));
  return [...have, ...tokens.filter((t) => !lower.has(t.toLowerCase()))].join(', ');
}

/**
 * The headers of a public page of `body` rendered with `rendered`: those it was rendered
 * with (security headers included), and the caching ones. Content-Length and
 * Content-Encoding are the sender's, per copy.
 */
export function publicHeadersOf(
  rendered: Headers,
  body: Uint8Array | string,
): Record<string, string> {
  const headers: Record<string, string> = Object.fromEntries(rendered);
  delete headers['content-length'];
  headers['cache-control'] = PUBLIC_PAGE_CACHE_CONTROL;
  headers['vary'] = varyWith(headers['vary'], PUBLIC_PAGE_VARY);
  headers['etag'] = etagOf(body);
  return headers;
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, RFC 9110 §13.1.2). */
export function matchesEtag(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/**
 * A 304 for a request that already holds the page `headers` describe, or null. It carries
 * what a 200 would have said about caching (RFC 9110 §15.4.5) and no body.
 */
export function notModified(
  ifNoneMatch: string | null | undefined,
  headers: Readonly<Record<string, string>>,
): Response | null {
  const etag = headers['etag'];
  if (!etag || !matchesEtag(ifNoneMatch, etag)) return null;
  return new Response(null, {
    status: 304,
    headers: {
      'cache-control': headers['cache-control'] ?? PUBLIC_PAGE_CACHE_CONTROL,
      vary: headers['vary'] ?? PUBLIC_PAGE_VARY.join(', '),
      etag,
    },
  });
}

/**
 * Outermost middleware for the listed paths: a public page the app rendered (one the page
 * cache did not keep, or with the cache off) gets the same headers a kept one has, and a
 * request that already holds the page gets a 304. Answers from the page cache arrive marked.
 */
export function publicPageHeaders(
  isPublicPath: (path: string) => boolean,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if ((method !== 'GET' && method !== 'HEAD') || !isPublicPath(c.req.path)) return next();
    rememberRenderedHtml(c);
    await next();
    const res = c.res;
    if (res.status !== 200) return;
    let headers: Record<string, string>;
    if (res.headers.get('cache-control') === PUBLIC_PAGE_CACHE_CONTROL) {
      headers = Object.fromEntries(res.headers);
    } else {
      if (!isPublicAnswer(c, res)) return;
      // The page as `c.html` rendered it; read back from the answer only when it was made
      // otherwise (an Atom feed) or replaced since.
      const body = renderedHtmlOf(c, res) ?? new Uint8Array(await res.arrayBuffer());
      const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
      headers = { ...publicHeadersOf(res.headers, body), 'content-length': String(length) };
      // Replace the answer rather than assign over it: Hono would merge the old headers into
      // a copy (and when read back, the body has been used).
      c.res = undefined as unknown as Response;
      c.res = new Response(body, { status: 200, headers });
    }
    const unchanged = notModified(c.req.header('if-none-match'), headers);
    if (unchanged) {
      c.res = undefined as unknown as Response;
      c.res = unchanged;
    }
  };
}
