// The short confirmation a page shows after a form redirected to it (post, redirect, get):
// the redirect carries a key and value in the query, e.g. `/console/agencies?saved=1`, and the
// page looks the pair up in its registry of messages. Only registered pairs show anything, so
// a hand-made URL cannot put words of its own on the page. A notice that names what was done
// (a year, a date) registers a pattern its value must match in full and a message built
// from the matched value.
import type { Context } from 'hono';
import { jsx } from 'hono/jsx';

/** A notice whose value varies: shown only when the whole value matches `pattern`. */
export interface PatternNotice {
  pattern: RegExp;
  message: (value: string) => string;
}

/** The messages a page can show: by query key, then by value (or a pattern of values). */
export type NoticeRegistry = Readonly<
  Record<string, Readonly<Record<string, string>> | PatternNotice>
>;

const isPattern = (n: Readonly<Record<string, string>> | PatternNotice): n is PatternNotice =>
  n.pattern instanceof RegExp && typeof n.message === 'function';

/** `path` with the notice `key=value` in its query. */
export function noticeUrl(path: string, key: string, value = '1'): string {
  const sep = path.includes('?') ? '&' : '?';
  return `${path}${sep}${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
}

/** Redirects (303, so the browser gets the page) to `path`, showing the notice `key=value`. */
export function redirectWithNotice(c: Context, path: string, key: string, value = '1'): Response {
  return c.redirect(noticeUrl(path, key, value), 303);
}

/** The message of the first registered notice in the request's query, or null. */
export function readNotice(c: Context, registry: NoticeRegistry): string | null {
  for (const [key, messages] of Object.entries(registry)) {
    const value = c.req.query(key);
    if (value === undefined) continue;
    if (isPattern(messages)) {
      const whole = new RegExp(`^(?:${messages.pattern.source})$`, messages.pattern.flags);
      if (whole.test(value)) return messages.message(value);
    } else if (Object.hasOwn(messages, value)) return messages[value] ?? null;
  }
  return null;
}

/** The notice as the page shows it (announced to screen readers), or nothing. */
export function NoticeBanner({ message }: { message: string | null }) {
  return message === null ? null : jsx('p', { class: 'notice', role: 'status' }, message);
}
