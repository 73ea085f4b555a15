// Error pages in Chinese. A stack trace never reaches the visitor; it goes to the log.
// Under /api/ errors are JSON: {"error":{"status","message"}}.
import type { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env.js';
import { ErrorPage } from './error-page.js';

const NOT_FOUND_PAGE = '您访问的页面不存在，请检查网址是否正确。';
const NOT_FOUND_API = '请求的接口不存在，可用的接口见 /api/openapi.json';
const SERVER_ERROR = '系统暂时无法处理您的请求，请稍后再试。';

/** What to say when a library raised an error with an English (or empty) message. */
const GENERIC: Readonly<Record<number, string>> = {
  400: '请求的格式有误，请检查填写的内容后重试。',
  401: '请先登录工作台。',
  403: '您没有权限进行此操作。',
  404: NOT_FOUND_PAGE,
  405: '不支持此请求方式。',
  413: '上传的内容太大。',
  415: '不支持此内容类型。',
  429: '操作过于频繁，请稍后再试。',
};

const HAS_CHINESE = /[\u4e00-\u9fff]/;

export const UNSTORABLE_TEXT =
  '提交的内容含有无法保存的字符（如控制字符或不可见字符），请删除后重新提交。';

/**
 * PostgreSQL's "invalid byte sequence" (a NUL in text) and "untranslatable character": input
 * that the shared text rule should have refused. A last line of defence so that a field it
 * missed gives the visitor a 400 instead of a 500; it is still logged, to be fixed.
 */
function unstorableText(err: Error): boolean {
  const code = (err as { code?: unknown }).code;
  return code === '22021' || code === '22P05';
}

/** The message the visitor reads: ours when we wrote it in Chinese, else a generic one. */
export function visitorMessage(err: Error, status: number): string {
  if (status >= 500) return SERVER_ERROR;
  if (err instanceof HTTPException && HAS_CHINESE.test(err.message)) return err.message;
  if (unstorableText(err)) return UNSTORABLE_TEXT;
  return GENERIC[status] ?? '请求无法处理，请检查后重试。';
}

export function installErrorPages(app: Hono<AppEnv>): void {
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/'))
      return c.json({ error: { status: 404, message: NOT_FOUND_API } }, 404);
    return c.html(ErrorPage({ status: 404, message: NOT_FOUND_PAGE }), 404);
  });
  app.onError((err, c) => {
    // A body that is not valid JSON is the client's mistake, not ours.
    const status = (
      err instanceof HTTPException
        ? err.status
        : err instanceof SyntaxError || unstorableText(err)
          ? 400
          : 500
    ) as ContentfulStatusCode;
    // Only messages we wrote ourselves (HTTPException, in Chinese) are shown; anything else is logged.
    const message = visitorMessage(err, status);
    if (status >= 500 || unstorableText(err)) console.error(err);
    if (c.req.path.startsWith('/api/')) return c.json({ error: { status, message } }, status);
    return c.html(ErrorPage({ status, message }), status);
  });
}
