// CSRF protection for every state-changing request (POST, PUT, PATCH, DELETE):
//  - signed-in staff: the synchronizer token stored with the session;
//  - visitors (sign-in form, applicants' forms): a signed double-submit token — a random
//    HttpOnly cookie, and in the form its HMAC under SESSION_SECRET, which a cross-site
//    page can neither read nor compute;
//  - and when the browser sends Origin (or Sec-Fetch-Site), it must be this site.
// The token arrives in the form field `_csrf` or the header `X-CSRF-Token`.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../web/env.js';
import { ANON_CSRF_COOKIE, readCookie, writeCookie } from './cookies.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
export const CSRF_MESSAGE = '页面已过期或请求来源无法确认，请返回上一页，刷新后重新提交。';

export function anonymousToken(secret: string, cookieValue: string): string {
  return createHmac('sha256', secret).update(`csrf:${cookieValue}`).digest('base64url');
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function originAllowed(c: Context<AppEnv>): boolean {
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite === 'cross-site') return false;
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const publicUrl = c.get('deps').config.publicUrl;
  if (publicUrl && new URL(publicUrl).host === host) return true;
  // Compare hosts, not schemes: behind a TLS-terminating proxy the app sees http.
  return new URL(c.req.url).host === host;
}

async function submittedToken(c: Context<AppEnv>): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (
    !type.startsWith('application/x-www-form-urlencoded') &&
    !type.startsWith('multipart/form-data')
  )
    return undefined;
  try {
    // Read a clone so the route still parses the body itself, with its own options.
    const form = await c.req.raw.clone().formData();
    const v = form.get(CSRF_FIELD);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A JSON API call without a session carries no ambient credential, and a cross-site page
 * cannot send `application/json` without a CORS preflight (which this app never grants):
 * such calls (e.g. from a script of another agency's server) need no token.
 */
function sessionlessJsonApi(c: Context<AppEnv>): boolean {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  return (
    c.req.path.startsWith('/api/') &&
    type === 'application/json' &&
    !c.req.header('cookie')?.includes('gk_session')
  );
}

/**
 * Visitors' requests whose token may still be issued. Most public pages hold no form, and a
 * token costs a random cookie and an HMAC: it is made only when a form on the page asks for
 * it. A mark, not a closure over the context: a closure that captures the context and is
 * kept with it made V8's young-generation collections promote every page's context (with
 * its rendered HTML) to the old generation, about 6 KB a request even for /healthz.
 */
const pendingTokens = new WeakSet<Context<AppEnv>>();

/** A visitor's token: the HMAC of their `gk_csrf` cookie, set on this response if new. */
function issueVisitorToken(c: Context<AppEnv>): string {
  let cookie = readCookie(c, ANON_CSRF_COOKIE);
  if (!cookie) {
    cookie = randomBytes(32).toString('base64url');
    // Set while the page renders, before the response exists: the cookie goes out exactly
    // with the first page whose form carries its token.
    writeCookie(c, ANON_CSRF_COOKIE, cookie);
  }
  return anonymousToken(c.get('deps').config.sessionSecret, cookie);
}

/**
 * The token a form rendered for this request must carry: the session's for signed-in staff;
 * for visitors the HMAC of their `gk_csrf` cookie, which is set on this response if the
 * visitor has none yet. The same value on every call within a request.
 */
export function csrfTokenOf(c: Context<AppEnv>): string {
  const known = c.get('csrfToken');
  if (known) return known;
  if (!pendingTokens.has(c)) return '';
  pendingTokens.delete(c);
  const token = issueVisitorToken(c);
  c.set('csrfToken', token);
  return token;
}

export const csrfMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const { config } = c.get('deps');
  const staff = c.get('staff');
  if (SAFE_METHODS.has(c.req.method)) {
    if (!staff) pendingTokens.add(c);
    await next();
    return;
  }
  if (!staff && sessionlessJsonApi(c) && originAllowed(c)) {
    await next();
    return;
  }
  if (!staff) {
    const cookie = readCookie(c, ANON_CSRF_COOKIE);
    c.set('csrfToken', cookie ? anonymousToken(config.sessionSecret, cookie) : '');
  }
  const expected = c.get('csrfToken');
  const got = await submittedToken(c);
  if (!originAllowed(c) || !expected || !got || !sameToken(expected, got)) {
    throw new HTTPException(403, { message: CSRF_MESSAGE });
  }
  await next();
});
