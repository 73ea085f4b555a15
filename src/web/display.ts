// The reader's display setting (字号 and 长辈版), kept in a cookie so it works without
// JavaScript: plain links set it and bring the reader back to the page they were on.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import type { AppEnv } from './env.js';

export type DisplayMode = 'standard' | 'large' | 'elder';

export const DISPLAY_COOKIE = 'gk_display';

export const DISPLAY_LABELS: Readonly<Record<DisplayMode, string>> = {
  standard: '标准字号',
  large: '大字号',
  elder: '长辈版',
};

export function isDisplayMode(value: unknown): value is DisplayMode {
  return value === 'standard' || value === 'large' || value === 'elder';
}

export function displayModeOf(c: Context): DisplayMode {
  const v = getCookie(c, DISPLAY_COOKIE);
  return isDisplayMode(v) ? v : 'standard';
}

/** The class on <html> for a mode ('' for the standard size). */
export function displayClass(mode: DisplayMode): string {
  return mode === 'standard' ? '' : mode === 'large' ? 'text-large' : 'elder';
}

/**
 * A same-site path to return to. Anything else (another host, `//host`, a backslash trick)
 * falls back to the home page, so the setting link cannot be used as an open redirect.
 */
export function safeReturnPath(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
    return '/';
  if (/[\u0000-\u001f]/.test(value)) return '/';
  return value;
}

/** The link that switches to `mode` and comes back to `returnTo`. */
export function displayHref(mode: DisplayMode, returnTo: string): string {
  return `/display?mode=${mode}&back=${encodeURIComponent(returnTo)}`;
}

export function displayRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/display', (c) => {
    const mode = c.req.query('mode');
    const back = safeReturnPath(c.req.query('back'));
    if (!isDisplayMode(mode)) {
      throw new HTTPException(400, {
        message: '显示设置有误：请选择“标准字号”“大字号”或“长辈版”。',
      });
    }
    setCookie(c, DISPLAY_COOKIE, mode, {
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      sameSite: 'Lax',
      httpOnly: true,
      secure: c.get('deps').config.secureCookies,
    });
    c.header('Cache-Control', 'no-store');
    return c.redirect(back, 303);
  });
  return app;
}
