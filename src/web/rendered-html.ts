// The HTML a route rendered with `c.html`, remembered beside the answer made from it, so that
// what hashes a public page (its ETag: public-page-headers.ts) and what keeps it (the page
// cache) take the string as it was rendered instead of cloning the finished Response and
// reading its body back (a profile of the catalogue page under load put that read-back at
// about a tenth of the server's CPU: decision 0029, amendment 2026-12-02).
import type { Context } from 'hono';
import { HtmlEscapedCallbackPhase, resolveCallback } from 'hono/utils/html';
import type { AppEnv } from './env.js';

/** Marks a context's `html` as already remembering, so that two middlewares can both ask. */
const REMEMBERS = Symbol('remembers rendered html');

type Html = Context<AppEnv>['html'];

/**
 * From now on, what `c.html` renders is remembered with the Response made from it. Renders
 * exactly as Hono's own `c.html` does (a string at once; JSX, escaped strings and promises
 * resolved with their callbacks first), so pages are byte for byte the same.
 */
export function rememberRenderedHtml(c: Context<AppEnv>): void {
  const html = c.html as Html & { [REMEMBERS]?: true };
  if (html[REMEMBERS]) return;
  const made = (text: string, res: Response) => {
    c.set('renderedHtml', { response: res, html: text });
    return res;
  };
  const remembering = (body: unknown, ...rest: unknown[]) => {
    const respond = html as (body: string, ...rest: unknown[]) => Response;
    if (typeof body === 'string') return made(body, respond(body, ...rest));
    return resolveCallback(
      body as string | Promise<string>,
      HtmlEscapedCallbackPhase.Stringify,
      false,
      {},
    ).then((resolved) => {
      // An escaped string is a String object; the answer is made from its primitive text.
      const text = String(resolved);
      return made(text, respond(text, ...rest));
    });
  };
  c.html = Object.assign(remembering as Html, { [REMEMBERS]: true as const });
}

/**
 * The HTML `res` was made from, when it is still the very answer `c.html` made (not replaced
 * since, nor copied with other headers by Hono), or null: the caller reads the body then.
 */
export function renderedHtmlOf(c: Context<AppEnv>, res: Response): string | null {
  const rendered = c.get('renderedHtml');
  return rendered?.response === res ? rendered.html : null;
}
